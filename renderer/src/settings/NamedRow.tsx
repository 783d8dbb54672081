import { type FormEvent, type ReactNode, useState } from 'react';
import type { Result } from '../../../shared/errors.js';
import { t } from '../i18n/zh-CN.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { refusalLine } from '../forms/refusals.js';

const n = t.namedRow;

/** Runs one edit of the row; on success shows `notice` and refreshes the window's reference data. */
export type RunEdit = (edit: () => Promise<Result<unknown>>, notice: string) => Promise<void>;

interface NamedRowProps {
  row: { id: string; name: string; active: boolean };
  /** 乡镇（街道） or 单位, for notices and the delete confirmation. */
  what: string;
  testId: string;
  rename: (name: string) => Promise<Result<unknown>>;
  setActive: (active: boolean) => Promise<Result<unknown>>;
  remove: () => Promise<Result<unknown>>;
  /** Controls of the kind of row (a unit's type), given the same edit runner so their refusals show here too. */
  extra?: (run: RunEdit) => ReactNode;
}

/**
 * One township or unit in 设置: renamed in place, deactivated or reactivated, deleted. The core decides (unique
 * names, nothing in use deleted) and its Chinese refusal is shown under the row. After every change the session's
 * reference data is reloaded, so the 登记 form offers exactly the active rows.
 */
export function NamedRow({ row, what, testId, rename, setActive, remove, extra }: NamedRowProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useUi((s) => s.notify);
  const reload = useSession((s) => s.load);

  const run: RunEdit = async (edit, notice) => {
    if (busy) return;
    setBusy(true);
    const result = await edit();
    setBusy(false);
    if (!result.ok) return setError(refusalLine(result.error));
    setError(null);
    setDraft(null);
    notify(notice);
    await reload();
  };

  const saveName = (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    if (draft.trim() === row.name) return setDraft(null);
    void run(() => rename(draft), n.renamed(what, row.name, draft.trim()));
  };

  const cancel = () => {
    setDraft(null);
    setError(null);
  };

  // No confirmation first: the core deletes only what nothing names (one in use is refused, and the row says
  // why), and an unused name is added back in a moment.
  const confirmRemove = () => {
    void run(remove, n.deleted(what, row.name));
  };

  return (
    <li className={`named-row${row.active ? '' : ' named-row-inactive'}`} data-testid={testId} data-active={row.active}>
      <div className="named-line">
        {draft === null ? (
          <span className="named-name">{row.name}</span>
        ) : (
          <form
            className="named-rename"
            noValidate
            onSubmit={saveName}
            onKeyDown={(e) => {
              if (e.key === 'Escape') cancel();
            }}
          >
            <input
              autoFocus
              aria-label={n.newName(row.name)}
              aria-invalid={error !== null}
              value={draft}
              maxLength={60}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="button button-primary button-small" disabled={busy}>
              {n.save}
            </button>
            <button type="button" className="button button-small" onClick={cancel}>
              {t.cancel}
            </button>
          </form>
        )}
        {!row.active && <span className="named-inactive">{n.inactive}</span>}
        {extra?.(run)}
        <span className="named-actions">
          {draft === null && (
            <button type="button" className="link-button" aria-label={n.renameAria(row.name)} onClick={() => setDraft(row.name)}>
              {n.rename}
            </button>
          )}
          {row.active ? (
            <button
              type="button"
              className="link-button"
              aria-label={n.deactivateAria(row.name)}
              disabled={busy}
              onClick={() => void run(() => setActive(false), n.deactivated(what, row.name))}
            >
              {n.deactivate}
            </button>
          ) : (
            <button
              type="button"
              className="link-button"
              aria-label={n.activateAria(row.name)}
              disabled={busy}
              onClick={() => void run(() => setActive(true), n.activated(what, row.name))}
            >
              {n.activate}
            </button>
          )}
          <button type="button" className="link-button link-danger" aria-label={n.deleteAria(row.name)} disabled={busy} onClick={confirmRemove}>
            {n.delete}
          </button>
        </span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
