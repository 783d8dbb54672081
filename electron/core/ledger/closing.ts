import { COMMITMENT_STATUS_LABELS, type RecordedCommitmentStatus } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { cached } from './statements.js';
import { chinaDateOf } from '../../../shared/china-time.js';

// The closing rule (DESIGN §1): an incident reaches 已办结 only when each of its commitments is 已兑现, or 无法兑现
// with a reason, and has its 公开情况 recorded. transitionIncident asks this before closing; the UI asks the same
// question (getClosingCheck) to say what is still missing.

interface Row {
  number: string;
  content: string;
  status: RecordedCommitmentStatus;
  status_reason: string;
  pub_state: string;
  deadline: string;
}

const short = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/** One line per commitment that stands in the way of closing the incident; empty when it may close. */
export function closingBlockers(db: Db, incidentId: string, nowMs: number): string[] {
  const today = chinaDateOf(nowMs);
  const rows = cached(
    db,
    `SELECT number, content, status, status_reason, pub_state, deadline FROM commitments
     WHERE incident_id = ? AND deleted = 0 ORDER BY created_at, number`,
  ).all(incidentId) as Row[];
  const lines: string[] = [];
  for (const r of rows) {
    const missing: string[] = [];
    if (r.status === 'pending' || r.status === 'in_progress') {
      missing.push(`尚未兑现（${COMMITMENT_STATUS_LABELS[r.deadline < today ? 'overdue' : r.status]}）`);
    }
    if (r.status === 'unfulfillable' && r.status_reason.trim() === '') missing.push('无法兑现但未说明原因');
    if (r.pub_state === '') missing.push('未记录公开情况');
    if (missing.length > 0) lines.push(`${r.number}“${short(r.content)}”：${missing.join('、')}`);
  }
  return lines;
}

/** The refusal message transitionIncident throws: what is missing, commitment by commitment. */
export function closingRefusal(number: string, blockers: readonly string[]): string {
  return `${number} 不能办结：以下承诺尚未落实或未记录公开情况——${blockers.join('；')}`;
}
