import type { Commitment } from '../../../shared/api/commitments.js';
import { COMMITMENT_STATUS_LABELS } from '../../../shared/domain.js';
import { t } from '../i18n/zh-CN.js';
import { useCommitments } from './store.js';

const s = t.commitments;

/** 2026-12-03 → 12月3日 (the year is shown only when it is not this year's). */
export function shortDate(ymd: string, today: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${ymd.slice(0, 4) === today.slice(0, 4) ? '' : `${y}年`}${m}月${d}日`;
}

function when(c: Commitment): string {
  if (c.status === 'overdue') return s.overdueBy(c.overdueWorkdays);
  if (c.workdaysLeft !== null) return s.left(c.workdaysLeft);
  return COMMITMENT_STATUS_LABELS[c.status];
}

/** One commitment on the board: opens its detail dialog. */
export function CommitmentCard({ c, today }: { c: Commitment; today: string }) {
  const select = useCommitments((st) => st.select);
  return (
    <button
      type="button"
      className={`cm-card cm-card-${c.status}`}
      data-testid="commitment-card"
      data-number={c.number}
      onClick={() => select(c)}
    >
      <span className="cm-card-top">
        <span className="cm-card-number">{c.number}</span>
        <span className={`cm-status cm-status-${c.status}`}>{COMMITMENT_STATUS_LABELS[c.status]}</span>
      </span>
      <span className="cm-card-content">{c.content}</span>
      <span className="cm-card-meta">
        <span>
          {shortDate(c.deadline, today)} · {when(c)}
        </span>
        {c.person && <span>{c.person}</span>}
      </span>
      {(!c.calendarVerified || c.deadlineNonWorkday) && (
        <span className="cm-card-warn" title={c.calendarVerified ? undefined : s.unverifiedHint}>
          {!c.calendarVerified ? s.unverified : s.nonWorkday(c.deadlineNonWorkday ?? '')}
        </span>
      )}
    </button>
  );
}
