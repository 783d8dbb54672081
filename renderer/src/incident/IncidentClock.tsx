import { formatChinaDateTime } from '../../../shared/china-time.js';
import type { ClockEntry } from '../../../shared/api/responses.js';
import { requirementLabel } from '../../../shared/domain.js';
import { Countdown } from '../clock/Countdown.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';

/** This incident's response requirements: running ones count down live; met ones are ticked with the time. */
export function IncidentClock({ entries }: { entries: readonly ClockEntry[] }) {
  return (
    <section className="panel" aria-labelledby="clock-heading" data-testid="incident-clock">
      <PanelHeading id="clock-heading" title={t.incident.sections.clock} />
      {entries.length === 0 ? (
        <p className="muted">{t.clock.empty}</p>
      ) : (
        <ul className="clock-list">
          {entries.map((entry) => (
            <ClockItem key={entry.requirement} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ClockItem({ entry }: { entry: ClockEntry }) {
  const met = entry.metAt !== null;
  return (
    <li
      className={`clock-item${met ? ' clock-item-met' : ''}`}
      data-testid={`clock-${entry.requirement}`}
      data-state={met ? 'met' : 'running'}
    >
      <span className="clock-mark" aria-hidden="true">
        {met ? '✓' : '⏱'}
      </span>
      <div className="clock-body">
        <div className="clock-requirement">{requirementLabel(entry.requirement, entry.hours)}</div>
        <div className="clock-due muted">{t.clock.due(formatChinaDateTime(entry.dueAt))}</div>
      </div>
      <div className="clock-state">
        {entry.metAt !== null ? (
          <span className={entry.overdue ? 'clock-met clock-met-late' : 'clock-met'}>
            {t.clock.met(formatChinaDateTime(entry.metAt))}
            {entry.overdue && t.clock.metLate}
          </span>
        ) : (
          <Countdown dueAt={entry.dueAt} />
        )}
      </div>
    </li>
  );
}
