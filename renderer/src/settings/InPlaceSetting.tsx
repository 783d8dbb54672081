import { type FormEvent, type ReactNode, useState } from 'react';
import type { AppInfo } from '../../../shared/schemas.js';
import type { Result } from '../../../shared/errors.js';
import { refusalLine } from '../forms/refusals.js';
import { t } from '../i18n/zh-CN.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import './workstation.css';

/**
 * One of this workstation's own settings (its name, its code) shown as a line with a button beside it, and edited
 * in place: the core validates and audits, and answers with the new app info, so the header and the line follow at
 * once. Esc or 取消 leaves the setting as it was.
 */
export function InPlaceSetting(props: {
  value: string;
  shown: ReactNode;
  editLabel: string;
  inputLabel: string;
  hint: string;
  hintId: string;
  saveLabel: string;
  savingLabel?: string;
  maxLength?: number;
  testIds: { shown: string; edit: string; save: string; error: string };
  save: (draft: string) => Promise<Result<AppInfo>>;
  saved: (info: AppInfo) => string;
}) {
  const notify = useUi((st) => st.notify);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const cancel = () => {
    setDraft(null);
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === null || busy) return;
    setBusy(true);
    const result = await props.save(draft);
    setBusy(false);
    if (!result.ok) return setError(refusalLine(result.error));
    useSession.setState({ appInfo: result.value });
    cancel();
    notify(props.saved(result.value));
  };

  if (draft === null) {
    return (
      <span className="ws-name">
        <span data-testid={props.testIds.shown}>{props.shown}</span>
        <button type="button" className="link-button" data-testid={props.testIds.edit} onClick={() => setDraft(props.value)}>
          {props.editLabel}
        </button>
      </span>
    );
  }
  return (
    <form
      className="ws-name-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <input
        autoFocus
        aria-label={props.inputLabel}
        aria-invalid={error !== null}
        aria-describedby={props.hintId}
        value={draft}
        {...(props.maxLength ? { maxLength: props.maxLength } : {})}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="button button-primary button-small" disabled={busy} data-testid={props.testIds.save}>
        {busy && props.savingLabel ? props.savingLabel : props.saveLabel}
      </button>
      <button type="button" className="button button-small" onClick={cancel}>
        {t.cancel}
      </button>
      <p className="field-hint" id={props.hintId}>
        {props.hint}
      </p>
      {error && (
        <p className="field-error" role="alert" data-testid={props.testIds.error}>
          {error}
        </p>
      )}
    </form>
  );
}
