import { type FormEvent, useState } from 'react';
import { type IncidentStatus, STATUS_LABELS } from '../../../shared/domain.js';
import { STATUS_TRANSITIONS, transitionNeedsReason } from '../../../shared/status.js';
import type { Incident } from '../../../shared/schemas.js';
import { useDiscardGuard } from '../forms/DiscardGuard.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useIncidentPage } from './store.js';
import { useUi } from '../stores/ui.js';
import { refusalLine } from '../forms/refusals.js';

const a = t.incident.statusAction;

/** What the button for a move says: the same target reads differently depending on where it comes from. */
function actionLabel(from: IncidentStatus, to: IncidentStatus): string {
  if (to === 'handling' && from !== 'triage') return a.handlingAgain;
  if (to === 'tracking' && from === 'closed') return a.reopen;
  return a[to];
}

/**
 * The moves the workflow allows from the current status (the same table the core enforces), with a written
 * reason where the workflow asks for one. The core may still refuse (e.g. 办结 with open commitments); its
 * message is shown here.
 */
export function StatusActions({ incident }: { incident: Incident }) {
  const [pending, setPending] = useState<IncidentStatus | null>(null);
  const [reason, setReason] = useState('');
  // A reason being written is not dropped by Esc or 取消 without asking.
  const guard = useDiscardGuard(reason.trim() !== '', () => {
    setPending(null);
    setError(null);
    setReason('');
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useUi((s) => s.notify);

  const move = async (to: IncidentStatus, why: string) => {
    setBusy(true);
    const result = await call('transitionIncident', { id: incident.id, to, reason: why });
    setBusy(false);
    if (!result.ok) return setError(refusalLine(result.error));
    setPending(null);
    setReason('');
    setError(null);
    notify(t.incident.statusChanged(STATUS_LABELS[to]));
    await useIncidentPage.getState().refresh();
  };

  const choose = (to: IncidentStatus) => {
    setError(null);
    if (transitionNeedsReason(incident.status, to)) {
      setPending(to);
      setReason('');
    } else void move(to, '');
  };

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (pending === null) return;
    if (reason.trim() === '') return setError(t.incident.reasonRequired);
    void move(pending, reason.trim());
  };

  return (
    <div className="status-actions" role="group" aria-label={t.incident.statusActions} data-testid="status-actions">
      {STATUS_TRANSITIONS[incident.status].map((to) => (
        <button
          key={to}
          type="button"
          className={to === 'no_response' ? 'button' : 'button button-outline'}
          disabled={busy}
          aria-pressed={pending === to || undefined}
          onClick={() => choose(to)}
        >
          {actionLabel(incident.status, to)}
        </button>
      ))}
      {pending !== null && (
        <form className="reason-form" onSubmit={confirm} onKeyDown={guard.onKeyDown}>
          <label className="field-label" htmlFor="status-reason">
            {t.incident.reasonLabel(actionLabel(incident.status, pending))}
          </label>
          <textarea
            id="status-reason"
            rows={2}
            value={reason}
            autoFocus
            maxLength={2000}
            aria-required
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="inline-actions">
            <button type="submit" className="button button-primary button-small" disabled={busy}>
              {t.incident.confirm}
            </button>
            <button type="button" className="button button-small" onClick={guard.leave}>
              {t.cancel}
            </button>
          </div>
          {guard.question}
        </form>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="status-error">
          {error}
        </p>
      )}
    </div>
  );
}
