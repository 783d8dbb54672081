import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { weekdayOf, type Ymd } from '../../../shared/china-time.js';

// The official calendar (国务院办公厅 holiday notices, with 调休) as shipped by chinese-days. Only this file
// knows the library. It reads its date tables (`holidays`, `workdays`, keyed YYYY-MM-DD) rather than calling its
// functions: those build and query the tables through local-time Date getters, which shifts every day by one
// on a machine west of UTC (the core tests run in America/New_York on purpose, and caught exactly that).

export interface LibraryDay {
  /** Whether people work that day (a 调休 Saturday is a working day). */
  work: boolean;
  /** The holiday a listed day belongs to (国庆节, 春节 …); undefined for an ordinary weekday or weekend. */
  holiday?: string;
}

const holidays: Readonly<Record<string, string>> = calendarData.holidays;
const workdays: Readonly<Record<string, string>> = calendarData.workdays;

/** Entries are named "National Day,国庆节,3": English, Chinese, a sequence number. */
const chineseName = (entry: string) => entry.split(',')[1] ?? entry;

const coveredYears = new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))));

export function libraryDay(ymd: Ymd): LibraryDay {
  const worked = workdays[ymd];
  if (worked !== undefined) return { work: true, holiday: chineseName(worked) };
  const off = holidays[ymd];
  if (off !== undefined) return { work: false, holiday: chineseName(off) };
  const weekday = weekdayOf(ymd);
  return { work: weekday !== 0 && weekday !== 6 };
}

/**
 * Whether the library knows the official arrangement for a year. Every year's notice lists at least 元旦 and
 * 春节, so a year with no listed holiday is one the library has not been updated for.
 */
export function libraryCoversYear(year: number): boolean {
  return coveredYears.has(year);
}

/** The first and last year the library knows (the 设置 page names this range instead of keeping its own copy). */
export function libraryYears(): { firstYear: number; lastYear: number } {
  return { firstYear: Math.min(...coveredYears), lastYear: Math.max(...coveredYears) };
}
