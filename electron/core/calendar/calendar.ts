import { weekdayName, weekdayOf, type Ymd, yearOf } from '../../../shared/china-time.js';
import { libraryCoversYear, libraryDay } from './library.js';

// The working calendar the ledger counts deadlines with: the library's official calendar, overlaid with the
// office's own entries (calendar_overrides) — for a year the library does not know yet, or a local arrangement.
// An override for a day always wins over the library.

export interface CalendarOverride {
  date: Ymd;
  work: boolean;
  /** e.g. 春节 or 春节调休上班 */
  name: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: Ymd;
  work: boolean;
  kind: DayKind;
  /** 星期六, 国庆节, 春节（调休上班） … what a person is told about that day. */
  name: string;
  /** Where the answer came from: a weekday rule alone is a guess for a year nobody has confirmed. */
  source: 'library' | 'override' | 'weekday';
}

export interface WorkCalendar {
  day(date: Ymd): DayInfo;
  isWorkday(date: Ymd): boolean;
  /** The library covers the year, or the office entered at least one override for it. */
  yearVerified(year: number): boolean;
}

function isWeekend(date: Ymd): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

/** A listed day off is a holiday even on a weekend (国庆 Saturday); an unlisted weekend is just a weekend. */
function kindOf(date: Ymd, work: boolean, listed: boolean): DayKind {
  if (work) return isWeekend(date) ? 'makeup_workday' : 'workday';
  return listed || !isWeekend(date) ? 'holiday' : 'weekend';
}

export function createCalendar(overrides: readonly CalendarOverride[] = []): WorkCalendar {
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  const overriddenYears = new Set(overrides.map((o) => yearOf(o.date)));
  const cache = new Map<Ymd, DayInfo>();

  function compute(date: Ymd): DayInfo {
    const own = byDate.get(date);
    if (own) {
      const kind = kindOf(date, own.work, true);
      return { date, work: own.work, kind, name: own.name || defaultName(date, kind), source: 'override' };
    }
    if (libraryCoversYear(yearOf(date))) {
      const lib = libraryDay(date);
      const kind = kindOf(date, lib.work, lib.holiday !== undefined);
      const name = lib.holiday ? (kind === 'makeup_workday' ? `${lib.holiday}调休上班` : lib.holiday) : weekdayName(date);
      return { date, work: lib.work, kind, name, source: 'library' };
    }
    const work = !isWeekend(date);
    return { date, work, kind: kindOf(date, work, false), name: weekdayName(date), source: 'weekday' };
  }

  const day = (date: Ymd): DayInfo => {
    let info = cache.get(date);
    if (!info) cache.set(date, (info = compute(date)));
    return info;
  };
  return {
    day,
    isWorkday: (date) => day(date).work,
    yearVerified: (year) => libraryCoversYear(year) || overriddenYears.has(year),
  };
}

function defaultName(date: Ymd, kind: DayKind): string {
  if (kind === 'makeup_workday') return '调休上班';
  if (kind === 'holiday') return '节假日';
  return weekdayName(date);
}
