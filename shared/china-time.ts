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
