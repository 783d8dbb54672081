import '../similarity/similarity.css';
import { useEffect, useState } from 'react';
import type { CommonIssue, SimilarIncident } from '../../../shared/api/similarity.js';
import type { Incident } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { showInLedger } from '../similarity/showInLedger.js';
import { useNav } from '../stores/nav.js';
import { ResponseForm } from './ResponseForm.js';

const SIMILAR_SHOWN = 5;

/**
 * 同一问题: the 共性问题 this incident belongs to ("同一问题的其他 11 起"), a 共性回应 for all of them at once, the
 * similar incidents with the reason, and the 反弹 it was confirmed to be.
 */
export function SameIssuePanel({ incident, responses }: { incident: Incident; responses: number }) {
  const [issue, setIssue] = useState<CommonIssue | null>(null);
  const [similar, setSimilar] = useState<SimilarIncident[]>([]);
  const [answering, setAnswering] = useState(false);
  const open = useNav((s) => s.openIncident);

  useEffect(() => {
    let live = true;
    void Promise.all([call('getSameIssue', { incident: incident.id }), call('listSimilar', { incident: incident.id, limit: SIMILAR_SHOWN })]).then(
      ([same, like]) => {
        if (!live) return;
        setIssue(same.ok ? same.value.issue : null);
        setSimilar(like.ok ? like.value : []);
      },
    );
    return () => {
      live = false;
    };
    // Re-read when the text or the responses change (a 共性回应 changes how far the group is answered).
  }, [incident.id, incident.title, incident.summary, responses]);

  const others = issue ? issue.incidentIds.map((id, i) => ({ id, number: issue.incidents[i]! })).filter((o) => o.id !== incident.id) : [];
  return (
    <section className="panel" aria-labelledby="same-issue-heading" data-testid="incident-same-issue">
      <PanelHeading id="same-issue-heading" title={issue ? t.similarity.sameIssueOthers(others.length) : t.similarity.similarTitle} />
      {incident.recurrenceOf && <p className="recurrence-note" data-testid="recurrence-of">{t.similarity.recurrenceOf(incident.recurrenceOf)}</p>}
      {issue && (
        <>
          <p>
            <strong>{issue.label}</strong> <span className="muted">{t.similarity.answered(issue.answered, issue.incidents.length)}</span>
          </p>
          <p className="common-numbers">
            {others.map((o) => (
              <button key={o.id} type="button" className="sim-link mono" onClick={() => open(o.id)}>
                {o.number}
              </button>
            ))}
          </p>
          <p>
            <button type="button" className="link-button" onClick={() => showInLedger(issue)}>
              {t.similarity.showInLedger}
            </button>{' '}
            {!answering && (
              <button type="button" className="button button-small" data-testid="joint-response-open" onClick={() => setAnswering(true)}>
                {t.similarity.jointResponse(issue.incidents.length)}
              </button>
            )}
          </p>
          {answering && <ResponseForm incident={incident} incidents={issue.incidentIds} onDone={() => setAnswering(false)} />}
        </>
      )}
      {!issue && similar.length === 0 && <p className="muted">{t.similarity.noSimilar}</p>}
      {similar.length > 0 && (
        <ul className="similar-list">
          {similar.map((s) => (
            <li key={s.incidentId} data-testid="similar-item">
              <button type="button" className="sim-link" onClick={() => open(s.incidentId)}>
                <span className="mono">{s.number}</span> {s.title}
              </button>
              <div className="muted sim-small">{s.reason}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
