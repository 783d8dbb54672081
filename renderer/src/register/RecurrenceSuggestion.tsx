import '../similarity/similarity.css';
import { useEffect, useState } from 'react';
import type { SimilarIncident } from '../../../shared/api/similarity.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';

/** What the person decided about a suggested 反弹: the earlier incident it repeats, or that it does not. */
export type RecurrenceDecision = { of: string; number: string } | 'dismissed' | null;

const WAIT_MS = 400;

/**
 * 疑似舆情反弹 while an incident is registered: closed incidents of the last 180 days like what has been typed,
 * offered for the person to confirm (是反弹) or dismiss (不是). Nothing is recorded until the incident is saved.
 */
export function RecurrenceSuggestion(props: {
  title: string;
  summary: string;
  categories: readonly string[];
  foundAt: string;
  township: string;
  involvedUnit: string;
  decision: RecurrenceDecision;
  onDecide: (decision: RecurrenceDecision) => void;
}) {
  const { title, summary, categories, foundAt, township, involvedUnit, decision, onDecide } = props;
  const [candidates, setCandidates] = useState<SimilarIncident[]>([]);
  const key = categories.join(',');

  useEffect(() => {
    if (title.trim().length < 4) {
      setCandidates([]);
      return;
    }
    let live = true;
    // Asked once typing pauses, not at every keystroke.
    const timer = setTimeout(() => {
      void call('suggestRecurrence', { title, summary, categories: key ? key.split(',') : [], foundAt, township, involvedUnit }).then((result) => {
        if (live) setCandidates(result.ok ? result.value : []);
      });
    }, WAIT_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [title, summary, key, foundAt, township, involvedUnit]);

  if (decision !== null && decision !== 'dismissed') {
    return (
      <div className="recurrence-suggestion" data-testid="recurrence-confirmed">
        <span>{t.similarity.confirmed(decision.number)}</span>{' '}
        <button type="button" className="link-button" onClick={() => onDecide(null)}>
          {t.similarity.undo}
        </button>
      </div>
    );
  }
  if (decision === 'dismissed' || candidates.length === 0) return null;
  return (
    <div className="recurrence-suggestion" role="status" data-testid="recurrence-suggestion">
      <strong>{t.similarity.suspectTitle}</strong>
      <span className="muted">{t.similarity.suspectHint}</span>
      <ul>
        {candidates.slice(0, 3).map((c) => (
          <li key={c.incidentId}>
            <span className="mono">{c.number}</span> {c.title}
            <div className="muted sim-small">{c.reason}</div>
            <button type="button" className="button button-small" data-testid="recurrence-confirm" onClick={() => onDecide({ of: c.incidentId, number: c.number })}>
              {t.similarity.confirm}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-small" data-testid="recurrence-dismiss" onClick={() => onDecide('dismissed')}>
        {t.similarity.dismiss}
      </button>
    </div>
  );
}
