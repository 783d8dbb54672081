import { type FormEvent, useEffect, useState } from 'react';
import type { PaperSettings as Settings } from '../../../shared/api/paper.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { refusalLine } from '../forms/refusals.js';

const p = t.paper;
const FIELDS = ['issuer', 'reportTo', 'copyTo'] as const;

/** 报告版头: the 编印单位 and the 报/送 lines printed on this workstation's 周报, 月报 and 年报. */
export function PaperSettings() {
  const siteName = useSession((s) => s.appInfo?.siteName ?? '');
  const notify = useUi((s) => s.notify);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('getPaperSettings', {}).then((result) => (result.ok ? setDraft(result.value) : setError(result.error.message)));
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const result = await call('setPaperSettings', draft);
    if (!result.ok) return setError(refusalLine(result.error));
    setError(null);
    setDraft(result.value);
    notify(p.saved);
  };

  return (
    <section className="panel" aria-labelledby="paper-heading" data-testid="paper-settings">
      <PanelHeading id="paper-heading" title={p.title} />
      <p className="panel-hint muted">{p.hint}</p>
      {draft && (
        <form className="form-grid" noValidate onSubmit={(e) => void save(e)}>
          {FIELDS.map((field) => (
            <label key={field} className="field">
              <span>{p.labels[field]}</span>
              <input
                type="text"
                value={draft[field]}
                placeholder={field === 'issuer' ? siteName : p.placeholders[field]}
                onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
              />
            </label>
          ))}
          <div>
            <button type="submit" className="button button-primary">
              {p.save}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
