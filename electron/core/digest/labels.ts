import { type Period, type PeriodKind } from '../../../shared/china-time.js';

// How a period is named on paper.

export const REPORT_TITLES: Record<PeriodKind, string> = { week: '舆情周报', month: '舆情月报', year: '舆情年报' };

/** The 期数 line: weeks and months are numbered within their year; a year report is one 年度. */
export function issueLabel(p: Period): string {
  return p.kind === 'year' ? `${p.year}年度` : `${p.year}年第${p.number}期`;
}

const parts = (ymd: string) => ({ y: Number(ymd.slice(0, 4)), m: Number(ymd.slice(5, 7)), d: Number(ymd.slice(8, 10)) });

/** `2026年11月23日至11月29日`, with the year repeated only when the range crosses one. */
export function rangeLabel(firstDay: string, lastDay: string): string {
  const a = parts(firstDay);
  const b = parts(lastDay);
  return `${a.y}年${a.m}月${a.d}日至${a.y === b.y ? '' : `${b.y}年`}${b.m}月${b.d}日`;
}

/** A trend axis label: `11.23–11.29` for a week, `11月` for a month (`2026年1月` where the year changes). */
export function trendLabel(p: Period, first: boolean): string {
  if (p.kind === 'week') {
    const a = parts(p.firstDay);
    const b = parts(p.lastDay);
    return `${a.m}.${a.d}–${b.m}.${b.d}`;
  }
  if (p.kind === 'month') return first || p.number === 1 ? `${p.year}年${p.number}月` : `${p.number}月`;
  return `${p.year}年`;
}

export const PERIOD_NOUN: Record<PeriodKind, string> = { week: '本周', month: '本月', year: '本年度' };
export const PREVIOUS_NOUN: Record<PeriodKind, string> = { week: '上周', month: '上月', year: '上年度' };
