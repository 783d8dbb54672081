// China time, the one place it is computed: instants, China calendar dates, ISO weeks, months and years.
// All ledger times are instants stored as UTC ISO strings; people read and type them in China Standard Time, which
// has been UTC+8 without daylight saving since 1991, so a fixed offset is exact, needs no time-zone database and
// stays right whatever zone the workstation's OS is set to (node tests run in America/New_York to prove it).
// Dates (`YYYY-MM-DD`, deadlines and report days) are whole China days and never pass through the local zone:
// their arithmetic is done on UTC midnights. Reading what people write is input/written-time.ts's job.

export const CHINA_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** A China calendar date, `YYYY-MM-DD`. */
export type Ymd = string;

// ——— Instants ———

/** The China wall-clock parts of an instant. */
export function chinaParts(iso: string): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026年11月28日 14:05` — the form dates take throughout the UI. */
export function formatChinaDateTime(iso: string): string {
  const p = chinaParts(iso);
  return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `2026年11月28日` */
export function formatChinaDate(iso: string): string {
  const p = chinaParts(iso);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** `2026-11-28 14:05`, the value of a datetime-local style input in China time (it also sorts as time does). */
export function toChinaInputValue(iso: string): string {
  const p = chinaParts(iso);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar year in China of an instant (numbers like YQ-2026-0042 use it). */
export function chinaYear(iso: string): number {
  return chinaParts(iso).year;
}

/** The date in China at an instant (ms). */
export function chinaDateOf(ms: number): Ymd {
  return ymdOfUtc(ms + CHINA_OFFSET_MS);
}

/** 00:00 China time of a date, as a UTC ISO instant. */
export function chinaDayStart(ymd: Ymd): string {
  return new Date(toUtcMs(ymd) - CHINA_OFFSET_MS).toISOString();
}

/** Monday 00:00 China time of the week containing the instant, as a UTC ISO string. */
export function chinaWeekStart(iso: string): string {
  const p = chinaParts(iso);
  const daysSinceMonday = (p.weekday + 6) % 7;
  const midnightUtc = Date.UTC(p.year, p.month - 1, p.day) - CHINA_OFFSET_MS;
  return new Date(midnightUtc - daysSinceMonday * DAY_MS).toISOString();
}

/** The years a ledger's dates may fall in: anything else is a typing slip (20266) or a hostile value (9999-12-31). */
export const LEDGER_YEARS = { min: 2000, max: 2100 } as const;

/** Whether the `YYYY-MM-DD` a text starts with names a day that exists (Date.parse turns 2026-02-30 into 3 March). */
export function startsWithRealDate(text: string): boolean {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A `YYYY-MM-DD` China date that exists and falls within LEDGER_YEARS (a deadline, a calendar entry). */
export function isLedgerDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !startsWithRealDate(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= LEDGER_YEARS.min && year <= LEDGER_YEARS.max;
}

/** A stored instant (UTC ISO, as readWrittenTime returns) that names a real moment within LEDGER_YEARS. */
export function isLedgerInstant(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(iso) || !startsWithRealDate(iso)) return false;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== iso.slice(0, 19)) return false; // 24:00, 23:60
  const year = new Date(ms).getUTCFullYear();
  return year >= LEDGER_YEARS.min && year <= LEDGER_YEARS.max;
}

// ——— Dates ———

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(ymd: Ymd): number {
  const m = YMD.exec(ymd);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${ymd}`); // a programming error: inputs are validated first
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

const ymdOfUtc = (ms: number): Ymd => new Date(ms).toISOString().slice(0, 10);

export function addDays(ymd: Ymd, days: number): Ymd {
  return ymdOfUtc(toUtcMs(ymd) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ymd: Ymd): number {
  return new Date(toUtcMs(ymd)).getUTCDay();
}

export function yearOf(ymd: Ymd): number {
  return Number(ymd.slice(0, 4));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayName(ymd: Ymd): string {
  return WEEKDAY_NAMES[weekdayOf(ymd)]!;
}

/** `2026年10月9日` */
export function formatYmd(ymd: Ymd): string {
  return `${yearOf(ymd)}年${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
}

// ——— Periods: ISO weeks, months, years ———
// An ISO week runs Monday 00:00 to Sunday 24:00 China time, written `2026-W48`; months `2026-11`; years `2026`.

export const PERIOD_KINDS = ['week', 'month', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** Normalised: `2026-W48`, `2026-11`, `2026`. */
  key: string;
  /** The ISO week-numbering year for weeks (2026-W01 starts on 2025-12-29), else the calendar year. */
  year: number;
  /** Week 1–53, month 1–12, or 1 for a year. */
  number: number;
  /** First day and last day (inclusive), YYYY-MM-DD in China. */
  firstDay: Ymd;
  lastDay: Ymd;
  /** Start instant (00:00 China of firstDay) and end instant (exclusive: 24:00 China of lastDay), UTC ISO. */
  start: string;
  end: string;
}

/** Monday of ISO week 1 of `isoYear`, as a UTC-midnight day number in ms (the week containing 4 January). */
function isoWeekOneMonday(isoYear: number): number {
  const jan4 = Date.UTC(isoYear, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

/** 52 or 53: the week containing 28 December is the year's last. */
export function isoWeeksInYear(isoYear: number): number {
  return Math.round((isoWeekOneMonday(isoYear + 1) - isoWeekOneMonday(isoYear)) / (7 * DAY_MS));
}

function build(kind: PeriodKind, year: number, number: number): Period {
  let firstMs: number;
  let endMs: number; // the UTC-midnight day number after the last day
  let key: string;
  if (kind === 'week') {
    firstMs = isoWeekOneMonday(year) + (number - 1) * 7 * DAY_MS;
    endMs = firstMs + 7 * DAY_MS;
    key = `${year}-W${pad(number)}`;
  } else if (kind === 'month') {
    firstMs = Date.UTC(year, number - 1, 1);
    endMs = Date.UTC(year, number, 1);
    key = `${year}-${pad(number)}`;
  } else {
    firstMs = Date.UTC(year, 0, 1);
    endMs = Date.UTC(year + 1, 0, 1);
    key = String(year);
  }
  const chinaMidnight = (utcDayMs: number) => new Date(utcDayMs - CHINA_OFFSET_MS).toISOString();
  return { kind, key, year, number, firstDay: ymdOfUtc(firstMs), lastDay: ymdOfUtc(endMs - DAY_MS), start: chinaMidnight(firstMs), end: chinaMidnight(endMs) };
}

/** `2026-W48` (also `2026-w48`, `2026W48`), `2026-11`, `2026`; undefined when not a real period. */
export function parsePeriod(text: string): Period | undefined {
  const value = text.trim();
  const week = /^(\d{4})-?[Ww](\d{1,2})$/.exec(value);
  const month = /^(\d{4})-(\d{1,2})$/.exec(value);
  const year = /^(\d{4})$/.exec(value);
  const y = Number((week ?? month ?? year)?.[1]);
  if (!(y >= LEDGER_YEARS.min && y <= LEDGER_YEARS.max)) return undefined;
  if (week) {
    const n = Number(week[2]);
    return n >= 1 && n <= isoWeeksInYear(y) ? build('week', y, n) : undefined;
  }
  if (month) {
    const n = Number(month[2]);
    return n >= 1 && n <= 12 ? build('month', y, n) : undefined;
  }
  return build('year', y, 1);
}

/** The period of `kind` that contains an instant (China calendar). */
export function periodContaining(kind: PeriodKind, iso: string): Period {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  if (kind === 'month') return build('month', d.getUTCFullYear(), d.getUTCMonth() + 1);
  if (kind === 'year') return build('year', d.getUTCFullYear(), 1);
  // ISO week: the week belongs to the year of its Thursday.
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const thursday = day + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS;
  const isoYear = new Date(thursday).getUTCFullYear();
  return build('week', isoYear, Math.floor((thursday - isoWeekOneMonday(isoYear)) / (7 * DAY_MS)) + 1);
}

/** The period `steps` periods later (negative: earlier). */
export function shiftPeriod(period: Period, steps: number): Period {
  if (period.kind === 'week') return periodContaining('week', new Date(Date.parse(period.start) + steps * 7 * DAY_MS).toISOString());
  if (period.kind === 'year') return build('year', period.year + steps, 1);
  const index = period.year * 12 + (period.number - 1) + steps;
  return build('month', Math.floor(index / 12), (index % 12) + 1);
}
