import { addDays, daysBetween, type Ymd, yearOf } from './dates.js';
import type { DayInfo, WorkCalendar } from './calendar.js';

// Deadline arithmetic. "N 个工作日" counts from the day after the start date, as Chinese administrative practice
// does (期间开始的当日不计入): 5 working days from Friday 2026-09-18 end on Thursday 2026-09-24, the 调休 Sunday
// 09-20 counting as one of them. "N 日" (calendar days) ends N days after the start date and is NOT moved off a
// holiday — the commitment says what it says — but the result tells that it falls on a non-working day.

export type DeadlineSpec = { date: Ymd } | { workdays: number; from: Ymd } | { days: number; from: Ymd };

export interface ComputedDeadline {
  date: Ymd;
  /** Every year the computation relied on is known to the calendar (library or office overrides). */
  verified: boolean;
  /** The deadline day itself, when it is not a working day (weekend, 国庆节 …). */
  nonWorkday?: DayInfo;
}

/** The working day that is `n` working days after `from` (n ≥ 1). */
export function addWorkdays(calendar: WorkCalendar, from: Ymd, n: number): Ymd {
  let date = from;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (calendar.isWorkday(date)) left -= 1;
  }
  return date;
}

/** Working days in (a, b]: how many working days have begun since a, up to and including b (0 if b ≤ a). */
export function workdaysAfter(calendar: WorkCalendar, a: Ymd, b: Ymd): number {
  let count = 0;
  for (let date = addDays(a, 1); daysBetween(date, b) >= 0; date = addDays(date, 1)) {
    if (calendar.isWorkday(date)) count += 1;
  }
  return count;
}

function yearsVerified(calendar: WorkCalendar, from: Ymd, to: Ymd): boolean {
  for (let year = Math.min(yearOf(from), yearOf(to)); year <= Math.max(yearOf(from), yearOf(to)); year += 1) {
    if (!calendar.yearVerified(year)) return false;
  }
  return true;
}

export function computeDeadline(calendar: WorkCalendar, spec: DeadlineSpec): ComputedDeadline {
  let date: Ymd;
  let verified: boolean;
  if ('workdays' in spec) {
    date = addWorkdays(calendar, spec.from, spec.workdays);
    verified = yearsVerified(calendar, spec.from, date);
  } else {
    date = 'days' in spec ? addDays(spec.from, spec.days) : spec.date;
    // Only whether the deadline day is a working day depends on the calendar here.
    verified = calendar.yearVerified(yearOf(date));
  }
  const day = calendar.day(date);
  return day.work ? { date, verified } : { date, verified, nonWorkday: day };
}
