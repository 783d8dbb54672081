// Calendar dates as `YYYY-MM-DD` strings in China. Deadlines are whole days, not instants, so they are kept as
// dates and never pass through the workstation's local time zone: all arithmetic is done on UTC midnights.

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3600_000;

export type Ymd = string;

function toUtcMs(ymd: Ymd): number {
  const m = YMD.exec(ymd);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${ymd}`); // a programming error: inputs are validated first
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): Ymd {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(ymd: Ymd, days: number): Ymd {
  return fromUtcMs(toUtcMs(ymd) + days * DAY_MS);
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

/** The date in China at an instant (China has no daylight saving: UTC+8 is exact). */
export function chinaDateOf(ms: number): Ymd {
  return fromUtcMs(ms + CHINA_OFFSET_MS);
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayName(ymd: Ymd): string {
  return WEEKDAY_NAMES[weekdayOf(ymd)]!;
}

/** `2026年10月9日` */
export function formatYmd(ymd: Ymd): string {
  return `${yearOf(ymd)}年${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
}
