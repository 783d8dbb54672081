import { formatChinaDateTime } from '../../../shared/china-time.js';
import { LedgerError } from '../../../shared/errors.js';

// When a person records something that happened (found, responded, promised, fulfilled, published), it cannot be
// later than now. A few minutes of grace allow for workstations whose clocks differ slightly.
export const CLOCK_GRACE_MS = 10 * 60_000;

/** Whether an instant lies beyond now (plus the grace): such a time is refused as a typing mistake. */
export function isInFuture(at: string, nowMs: number): boolean {
  return Date.parse(at) > nowMs + CLOCK_GRACE_MS;
}

/**
 * Refuses a time before the incident was found: nothing can be promised or answered about an incident before the
 * office knew of it, and such a time is a typing mistake (a wrong month or year). One message for every door.
 */
export function refuseBeforeFound(at: string, foundAt: string, what: '承诺时间' | '回应时间', path: string): void {
  if (Date.parse(at) < Date.parse(foundAt)) {
    const message = `${what}（${formatChinaDateTime(at)}）早于该舆情的发现时间（${formatChinaDateTime(foundAt)}），请核对`;
    throw new LedgerError('invalid_input', `输入有误：${message}`, [{ path, message }]);
  }
}
