import { type FormEvent, useState } from 'react';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import './workstation.css';
import { refusalLine } from '../forms/refusals.js';

const s = t.settings;

/**
 * 工作站名称 in 设置: shown, and renamed in place. The core validates (1–30 characters, one line) and audits the
 * rename; the answer is the new app info, so the header and this line follow at once. Peers keep the name from
 * the card they added, which is why the notice sends people to export a new card.
 */
export function WorkstationName() {
  const name = useSession((st) => st.appInfo?.siteName ?? '');
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
    const result = await call('renameWorkstation', { name: draft });
    setBusy(false);
    if (!result.ok) return setError(refusalLine(result.error));
    useSession.setState({ appInfo: result.value });
    cancel();
    notify(s.renamed(result.value.siteName));
  };

  if (draft === null) {
    return (
      <span className="ws-name">
        <span data-testid="site-name">{name}</span>
        <button type="button" className="link-button" data-testid="site-rename" onClick={() => setDraft(name)}>
          {s.rename}
        </button>
      </span>
    );
  }
  return (
    <form
      className="ws-name-form"
      noValidate
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <input
        autoFocus
        aria-label={s.renameLabel}
        aria-invalid={error !== null}
        aria-describedby="ws-name-hint"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="button button-primary button-small" disabled={busy} data-testid="site-rename-save">
        {busy ? s.renameSaving : s.renameSave}
      </button>
      <button type="button" className="button button-small" onClick={cancel}>
        {t.cancel}
      </button>
      <p className="field-hint" id="ws-name-hint">
        {s.renameHint}
      </p>
      {error && (
        <p className="field-error" role="alert" data-testid="site-rename-error">
          {error}
        </p>
      )}
    </form>
  );
}
