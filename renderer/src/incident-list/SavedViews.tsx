import { type FormEvent, useEffect, useState } from 'react';
import type { SavedView } from '../../../shared/api/views.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { filtersOfQuery, queryOf, useIncidents } from './store.js';
import { useStaff } from '../stores/staff.js';
import { useUi } from '../stores/ui.js';
import { refusalLine } from '../forms/refusals.js';

const v = t.ledger.views;

/** 筛选方案: save the current filters, search and sort under a name; pick one to apply it; delete it. */
export function SavedViews() {
  const [views, setViews] = useState<SavedView[]>([]);
  const [current, setCurrent] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notify = useUi((s) => s.notify);

  const refresh = async () => {
    const result = await call('listSavedViews');
    if (result.ok) setViews(result.value);
    else setError(result.error.message);
  };
  // A person's own views are theirs: after 切换 the list is the new person's.
  const person = useStaff((s) => s.current);
  useEffect(() => {
    setCurrent('');
    void refresh();
  }, [person]);

  const apply = (id: string) => {
    setCurrent(id);
    setError(null);
    const view = views.find((candidate) => candidate.id === id);
    if (!view) return;
    const restored = filtersOfQuery(view.query);
    if (!restored) return setError(`筛选方案“${view.name}”已无法使用，请删除后重新保存。`);
    useIncidents.getState().applyQuery(restored.filters, restored.sort);
    notify(v.applied(view.name));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { filters, sort } = useIncidents.getState();
    const result = await call('saveView', { name, query: queryOf(filters, sort), shared });
    if (!result.ok) return setError(refusalLine(result.error));
    setNaming(false);
    setName('');
    setShared(false);
    setError(null);
    await refresh();
    setCurrent(result.value.id);
    notify(result.value.shared ? v.savedShared(result.value.name) : v.saved(result.value.name));
  };

  const remove = async () => {
    const view = views.find((candidate) => candidate.id === current);
    if (!view) return;
    const result = await call('deleteSavedView', { id: view.id });
    if (!result.ok) return setError(result.error.message);
    setCurrent('');
    await refresh();
    notify(v.deleted(view.name));
  };

  return (
    <div className="saved-views" data-testid="saved-views">
      <label htmlFor="saved-view" className="visually-hidden">
        {v.label}
      </label>
      <select id="saved-view" value={current} onChange={(e) => apply(e.target.value)}>
        <option value="">{v.none}</option>
        {[
          { label: v.mine, list: views.filter((view) => !view.shared) },
          { label: v.office, list: views.filter((view) => view.shared) },
        ].map(
          (group) =>
            group.list.length > 0 && (
              <optgroup key={group.label} label={group.label}>
                {group.list.map((view) => (
                  <option key={view.id} value={view.id}>
                    {view.name}
                  </option>
                ))}
              </optgroup>
            ),
        )}
      </select>
      {current && (
        <button type="button" className="link-button" onClick={() => void remove()}>
          {v.delete}
        </button>
      )}
      {naming ? (
        <form className="inline-form" onSubmit={(e) => void save(e)}>
          <label htmlFor="saved-view-name" className="visually-hidden">
            {v.namePrompt}
          </label>
          <input
            id="saved-view-name"
            type="text"
            placeholder={v.namePrompt}
            value={name}
            maxLength={40}
            autoFocus
            aria-invalid={error ? true : undefined}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setNaming(false);
                setError(null);
              }
            }}
          />
          <label className="check" title={v.shareHint}>
            <input type="checkbox" data-testid="saved-view-share" checked={shared} onChange={(e) => setShared(e.target.checked)} />
            {v.share}
          </label>
          <button type="submit" className="button">
            {v.confirmSave}
          </button>
          <button type="button" className="link-button" onClick={() => {
              setNaming(false);
              setError(null);
            }}>
            {t.cancel}
          </button>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setNaming(true)}>
          {v.save}
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
