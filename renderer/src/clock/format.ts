import { t } from '../i18n/zh-CN.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span in words at minute precision: `3小时12分`, `47小时5分`, `4天2小时`, `45分`, `不到1分钟`. */
export function formatSpan(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return t.clock.lessThanMinute;
  const minutes = Math.floor((span % HOUR) / MINUTE);
  // The rules are stated in hours (5, 24, 48), so spans read in hours up to well past the longest one; only
  // long-overdue ones switch to days, where the minutes are noise.
  if (span >= 3 * DAY) {
    const hours = Math.floor((span % DAY) / HOUR);
    return t.clock.days(Math.floor(span / DAY)) + (hours > 0 ? t.clock.hours(hours) : '');
  }
  const hours = Math.floor(span / HOUR);
  if (hours > 0) return t.clock.hours(hours) + (minutes > 0 ? t.clock.minutes(minutes) : '');
  return t.clock.minutes(minutes);
}

/** `剩余 3小时12分` before the due time, `已超时 2小时` after it. */
export function countdownText(dueAt: string, nowMs: number): { text: string; overdue: boolean } {
  const left = Date.parse(dueAt) - nowMs;
  return left > 0 ? { text: t.clock.remaining(formatSpan(left)), overdue: false } : { text: t.clock.overdue(formatSpan(left)), overdue: true };
}

/** How pressing a running clock is, by time left: the colour a countdown takes on the 工作台. */
export type Urgency = 'overdue' | 'critical' | 'urgent' | 'soon' | 'calm';

export function urgencyOf(dueAt: string, nowMs: number): Urgency {
  const left = Date.parse(dueAt) - nowMs;
  if (left <= 0) return 'overdue';
  if (left < HOUR) return 'critical';
  if (left < 3 * HOUR) return 'urgent';
  if (left < 12 * HOUR) return 'soon';
  return 'calm';
}
