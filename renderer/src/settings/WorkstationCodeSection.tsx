import { type FormEvent, useState } from 'react';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import './workstation.css';

const s = t.identity;

/**
 * 设置 → 事件编号: the code this workstation puts in the numbers it gives (YQ-2026-宣-0001). The core checks the
 * code's form and that no peer uses it, and audits the change; numbers already given never change.
 */
export function WorkstationCodeSection() {
  const code = useSession((st) => st.appInfo?.siteCode ?? '');
  const notify = useUi((st) => st.notify);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const cancel = () => {
    setDraft(null);
    setError(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === null || busy) return;
    setBusy(true);
    const result = await call('setWorkstationCode', { code: draft });
    setBusy(false);
    if (!result.ok) return setError(result.error.fields?.[0]?.message ?? result.error.message);
    useSession.setState({ appInfo: result.value });
    cancel();
    notify(s.codeSaved(result.value.siteCode));
  };

  return (
    <section className="panel" data-testid="settings-numbering">
      <PanelHeading title={s.codeTitle} />
      <dl className="facts">
        <dt>{s.code}</dt>
        <dd>
          {draft === null ? (
            <span className="ws-name">
              <span data-testid="site-code">{code || s.codeNone}</span>
              <button type="button" className="link-button" data-testid="site-code-edit" onClick={() => setDraft(code)}>
                {code ? s.codeChange : s.codeSet}
              </button>
            </span>
          ) : (
            <form className="ws-name-form" noValidate onSubmit={(e) => void save(e)} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
              <input
                autoFocus
                aria-label={s.codeLabel}
                aria-invalid={error !== null}
                aria-describedby="ws-code-hint"
                value={draft}
                maxLength={8}
                onChange={(e) => setDraft(e.target.value)}
              />
              <button type="submit" className="button button-primary button-small" disabled={busy} data-testid="site-code-save">
                {s.codeSave}
              </button>
              <button type="button" className="button button-small" onClick={cancel}>
                {t.cancel}
              </button>
              <p className="field-hint" id="ws-code-hint">
                {s.codeHint}
              </p>
              {error && (
                <p className="field-error" role="alert" data-testid="site-code-error">
                  {error}
                </p>
              )}
            </form>
          )}
        </dd>
      </dl>
      <p className="field-hint">{code ? s.codeExample(code) : s.codeMissing}</p>
    </section>
  );
}
