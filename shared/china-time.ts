import { CHINA_OFFSET_MS, parseWrittenTime } from './input/written-time.js';

// All ledger times are instants stored as UTC ISO strings. People read and type them in China Standard Time
// (UTC+8, see input/written-time.ts, which reads every form people write).

/**
 * A time as people write it (`2026年12月3日 15:00`, `2026-11-28 14:05`, `2026/11/8 8:05`, ISO 8601 with a zone,
 * `今天 9:30` read against `now` …) → the UTC ISO string, or undefined. readWrittenTime gives the reason.
 */
export function parseChinaDateTime(text: string, now?: number): string | undefined {
  return parseWrittenTime(text, now === undefined ? {} : { now });
}

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

/** `2026-11-28 14:05`, the value of a datetime-local style input in China time. */
export function toChinaInputValue(iso: string): string {
  const p = chinaParts(iso);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar year in China of an instant (numbers like YQ-2026-0042 use it). */
export function chinaYear(iso: string): number {
  return chinaParts(iso).year;
}

/** Monday 00:00 China time of the week containing the instant, as a UTC ISO string. */
export function chinaWeekStart(iso: string): string {
  const p = chinaParts(iso);
  const daysSinceMonday = (p.weekday + 6) % 7;
  const midnightUtc = Date.UTC(p.year, p.month - 1, p.day) - CHINA_OFFSET_MS;
  return new Date(midnightUtc - daysSinceMonday * 86_400_000).toISOString();
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

/** A stored instant (UTC ISO, as parseChinaDateTime returns) that names a real moment within LEDGER_YEARS. */
export function isLedgerInstant(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(iso) || !startsWithRealDate(iso)) return false;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== iso.slice(0, 19)) return false; // 24:00, 23:60
  const year = new Date(ms).getUTCFullYear();
  return year >= LEDGER_YEARS.min && year <= LEDGER_YEARS.max;
}
