import { formatChinaDateTime } from '../../../shared/china-time.js';
import type { TimelineEntry } from '../../../shared/api/timeline.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';

/** One timeline of everything that happened to the incident, newest first. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  // Reversed first, so entries at the same instant also read newest first.
  const newestFirst = entries.toReversed().sort((x, y) => y.at.localeCompare(x.at));
  return (
    <section className="panel" aria-labelledby="timeline-heading" data-testid="incident-timeline">
      <PanelHeading id="timeline-heading" title={t.incident.sections.timeline} />
      {newestFirst.length === 0 ? (
        <p className="muted">{t.timeline.empty}</p>
      ) : (
        <ol className="timeline">
          {newestFirst.map((entry, i) => (
            <li key={`${entry.at}-${i}`} className={`timeline-entry timeline-${entry.kind}`} data-kind={entry.kind}>
              <span className="timeline-kind">{t.timeline.kinds[entry.kind]}</span>
              <div className="timeline-body">
                <div className="timeline-title">{entry.title}</div>
                {entry.detail && <div className="timeline-detail">{entry.detail}</div>}
                <div className="timeline-meta muted">
                  {formatChinaDateTime(entry.at)}
                  {entry.actor && ` · ${entry.actor}`}
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
