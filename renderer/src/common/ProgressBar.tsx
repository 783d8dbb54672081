import type { ProgressEvent } from '../../../shared/api/events.js';
import { t } from '../i18n/zh-CN.js';
import './progress.css';

/**
 * A long job's progress: the step it is on, in words, and a bar. Until the first event arrives (or where none
 * ever can, as in the browser-test host running the core in-process) it is an indeterminate bar — ARIA's way is to leave out aria-valuenow.
 */
export function ProgressBar({ label, event }: { label: string; event: ProgressEvent | null }) {
  const share = event ? Math.round((Math.min(event.done, event.total) / event.total) * 100) : null;
  const phase = event?.phase ?? t.progress.starting;
  return (
    <div className="progress" data-testid="progress">
      <div
        className={share === null ? 'progress-track progress-indeterminate' : 'progress-track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        {...(event ? { 'aria-valuemax': event.total, 'aria-valuenow': event.done, 'aria-valuetext': t.progress.valueText(event) } : {})}
      >
        <div className="progress-fill" style={share === null ? {} : { width: `${share}%` }} />
      </div>
      <span className="progress-phase" data-testid="progress-phase">
        {phase}
        {event && <span className="muted">（{t.progress.steps(event.done, event.total)}）</span>}
      </span>
    </div>
  );
}
