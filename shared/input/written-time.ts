// Times as people write them — in a form, on the command line, in an office's Excel 台账 — read as China time
// (UTC+8 whatever the OS zone; shared/china-time.ts).
import { CHINA_OFFSET_MS, DAY_MS } from '../china-time.js';

export interface WrittenTimeOptions {
  /** The instant (ms) that 今天, 昨天 and a date without its year (12月3日) are read against. */
  now?: number;
}

export type WrittenTime = { ok: true; iso: string } | { ok: false; reason: string };

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

// The date forms, each giving year (or none), month and day; the rest of the text is the time of day.
const DATE_FORMS: readonly RegExp[] = [
  /^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?=$|[ T])/,
  /^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})[日号]?/,
  /^(?<m>\d{1,2})月(?<d>\d{1,2})[日号]?/,
  /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})(?=$|[ T])/,
];
const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2, 明天: 1 };
const RELATIVE_FORM = /^(?<rel>今天|今日|昨天|昨日|前天|明天)/;

// 15:00, 9:30:05, 15时30分, 9点, 9点半, with 上午/下午/晚上 before it.
const TIME_FORM =
  /^(?<half>上午|早上|中午|下午|晚上)?(?<h>\d{1,2})(?:(?::(?<mi>\d{1,2})(?::(?<s>\d{1,2})(?:\.\d{1,3})?)?)|(?:[时点](?:(?<half2>半)|(?<mi2>\d{1,2})分?(?:(?<s2>\d{1,2})秒)?)?))$/;

const EXAMPLE = '可写作“2026年12月3日 15:00”“2026-12-03 15:00”或“今天 9:30”';

/** Full-width digits, colons, slashes and spaces become their ASCII forms; runs of spaces become one. */
export function normaliseWritten(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * Reads a time as people write it and returns the UTC ISO instant, or a Chinese reason it is not one. Accepts
 * ISO 8601 with a zone, and China wall-clock times: `2026-12-03 15:00`, `2026-12-3 9:30`, `2026/12/03 09:30`,
 * `2026.11.10`, `20261110`, `2026年12月3日 15:00` (the app's own display form), `2026年11月5日10:20`,
 * `12月3日 15:00` (this year in China), `今天 9:30`, `昨天 18:00`, a date alone (its 00:00), `15时30分`,
 * `下午3点`; full-width characters and surrounding spaces are fine.
 */
export function readWrittenTime(text: string, { now }: WrittenTimeOptions = {}): WrittenTime {
  const value = normaliseWritten(text);
  if (value === '') return { ok: false, reason: '未填写时间' };
  if (ISO_WITH_ZONE.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? { ok: false, reason: `${value} 不是有效时间` } : { ok: true, iso: new Date(ms).toISOString() };
  }
  const date = readDatePart(value, now ?? Date.now());
  if ('reason' in date) return { ok: false, reason: date.reason };
  const time = readTimePart(date.rest.replace(/^[ T]/, '').trim(), value);
  if ('reason' in time) return { ok: false, reason: time.reason };
  const { year, month, day } = date;
  if (year < 1970 || year > 2100) return { ok: false, reason: `${value} 不是有效日期（年份应在1970至2100之间）` };
  if (month < 1 || month > 12) return { ok: false, reason: `${value} 不是有效日期（月份应为1至12）` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `${value} 不是有效日期（${year}年${month}月只有${daysInMonth(year, month)}天）` };
  }
  const ms = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second) - CHINA_OFFSET_MS;
  return { ok: true, iso: new Date(ms).toISOString() };
}

/** The same as readWrittenTime, answering undefined instead of a reason. */
export function parseWrittenTime(text: string, options: WrittenTimeOptions = {}): string | undefined {
  const read = readWrittenTime(text, options);
  return read.ok ? read.iso : undefined;
}

/**
 * A time as people write it (`2026年12月3日 15:00`, `2026-11-28 14:05`, `2026/11/8 8:05`, ISO 8601 with a zone,
 * `今天 9:30` read against `now` …) → the UTC ISO string, or undefined. readWrittenTime gives the reason.
 */
export function parseChinaDateTime(text: string, now?: number): string | undefined {
  return parseWrittenTime(text, now === undefined ? {} : { now });
}

type DatePart = { year: number; month: number; day: number; rest: string } | { reason: string };

function readDatePart(value: string, now: number): DatePart {
  const today = new Date(now + CHINA_OFFSET_MS);
  const relative = RELATIVE_FORM.exec(value);
  if (relative?.groups?.rel) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + (RELATIVE_DAYS[relative.groups.rel] ?? 0) * DAY_MS);
    return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), rest: value.slice(relative[0].length) };
  }
  for (const form of DATE_FORMS) {
    const m = form.exec(value);
    if (!m?.groups) continue;
    const year = m.groups.y === undefined ? today.getUTCFullYear() : Number(m.groups.y);
    return { year, month: Number(m.groups.m), day: Number(m.groups.d), rest: value.slice(m[0].length) };
  }
  return { reason: `无法识别“${value}”，${EXAMPLE}` };
}

type TimePart = { hour: number; minute: number; second: number } | { reason: string };

function readTimePart(rest: string, whole: string): TimePart {
  if (rest === '') return { hour: 0, minute: 0, second: 0 };
  const m = TIME_FORM.exec(rest);
  if (!m?.groups) return { reason: `无法识别“${whole}”，${EXAMPLE}` };
  const g = m.groups;
  let hour = Number(g.h);
  const minute = g.half2 ? 30 : Number(g.mi ?? g.mi2 ?? 0);
  const second = Number(g.s ?? g.s2 ?? 0);
  if (g.half && hour > 12) return { reason: `${whole} 不是有效时间（${g.half}没有${hour}点）` };
  if ((g.half === '下午' || g.half === '晚上') && hour < 12) hour += 12;
  if (g.half === '中午' && hour < 6) hour += 12;
  if (hour > 23) return { reason: `${whole} 不是有效时间（小时应为0至23）` };
  if (minute > 59) return { reason: `${whole} 不是有效时间（分钟应为0至59）` };
  if (second > 59) return { reason: `${whole} 不是有效时间（秒应为0至59）` };
  return { hour, minute, second };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// The instant the contract's schemas read 今天 and 12月3日 against. Zod has no per-parse context, so the core's
// dispatcher sets its injected clock for the length of one synchronous parse (withWrittenTimeClock); every other
// door (the window's forms, main's IPC check) reads against the system clock.
let readingClock: (() => number) | undefined;

/** Runs a synchronous parse with relative dates read against `now`. */
export function withWrittenTimeClock<T>(now: () => number, parse: () => T): T {
  const before = readingClock;
  readingClock = now;
  try {
    return parse();
  } finally {
    readingClock = before;
  }
}

/** The instant relative dates are read against now: the clock set by withWrittenTimeClock, else the system's. */
export function writtenTimeNow(): number {
  return (readingClock ?? Date.now)();
}
