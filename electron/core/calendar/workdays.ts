import { addDays, daysBetween, type Ymd, yearOf } from '../../../shared/china-time.js';
import type { DayInfo, WorkCalendar } from './calendar.js';

// Deadline arithmetic. "N 个工作日" counts from the day after the start date, as Chinese administrative practice
// does (期间开始的当日不计入): 5 working days from Friday 2026-09-18 end on Thursday 2026-09-24, the 调休 Sunday
// 09-20 counting as one of them. "N 日" (calendar days) ends N days after the start date, except that a period
// whose last day is a 法定休假日 (a 法定节假日 or a 公休日, i.e. any day off in the official calendar) ends on the
// next working day (民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日):
// 7 自然日 from 2026-09-28 end on 2026-10-08, not on 国庆 10-05. A deadline given as a date is the date promised.

export type DeadlineSpec = { date: Ymd } | { workdays: number; from: Ymd } | { days: number; from: Ymd };

export interface ComputedDeadline {
  date: Ymd;
  /** Every year the computation relied on is known to the calendar (library or office overrides). */
  verified: boolean;
  /** The deadline day itself, when it is not a working day (weekend, 国庆节 …). */
  nonWorkday?: DayInfo;
  /** The N 自然日 period's own last day, when it was a day off and the deadline moved to the next working day. */
  movedFrom?: DayInfo;
}

/** The last day of N 自然日 from `from`, moved off a day off (民法典 第二百零三条); `movedFrom` is that day off. */
export function naturalDaysEnd(calendar: WorkCalendar, from: Ymd, days: number): { date: Ymd; movedFrom?: DayInfo } {
  const last = addDays(from, days);
  if (calendar.isWorkday(last)) return { date: last };
  let date = last;
  do date = addDays(date, 1);
  while (!calendar.isWorkday(date));
  return { date, movedFrom: calendar.day(last) };
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

/**
 * workdaysAfter(calendar, a, b) for many `a` and one `b`, walking the calendar back from b once for all of them:
 * a report's overdue commitments share asOf, and each may be months overdue.
 */
export function workdaysBefore(calendar: WorkCalendar, b: Ymd): (a: Ymd) => number {
  // counted[k]: working days among the k days b, b-1, …, b-k+1.
  const counted = [0];
  let date = b;
  return (a) => {
    const k = daysBetween(a, b);
    while (counted.length <= k) {
      counted.push(counted[counted.length - 1]! + (calendar.isWorkday(date) ? 1 : 0));
      date = addDays(date, -1);
    }
    return k <= 0 ? 0 : counted[k]!;
  };
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
  let movedFrom: DayInfo | undefined;
  if ('workdays' in spec) {
    date = addWorkdays(calendar, spec.from, spec.workdays);
    verified = yearsVerified(calendar, spec.from, date);
  } else if ('days' in spec) {
    ({ date, movedFrom } = naturalDaysEnd(calendar, spec.from, spec.days));
    verified = yearsVerified(calendar, addDays(spec.from, spec.days), date);
  } else {
    date = spec.date;
    // Only whether the deadline day is a working day depends on the calendar here.
    verified = calendar.yearVerified(yearOf(date));
  }
  const day = calendar.day(date);
  return { date, verified, ...(day.work ? {} : { nonWorkday: day }), ...(movedFrom ? { movedFrom } : {}) };
}
