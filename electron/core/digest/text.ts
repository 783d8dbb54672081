import { commonRuleHours, formatShare, ruleHours } from '../../../shared/api/digest.js';
import { REQUIREMENTS, type Requirement, requirementLabel, SEVERITIES, SEVERITY_INFO, type Severity } from '../../../shared/domain.js';
import type { ResponseRule } from '../../../shared/schemas.js';
import { chinaParts } from '../../../shared/china-time.js';
import { type Html, html } from '../print/html.js';

// Small pieces of report prose, so every section words numbers, times and changes the same way.

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar year a report is read in: that of its last day (a week 1 that starts in December is the new year's). */
export function reportYear(d: { end: string }): number {
  return chinaParts(new Date(Date.parse(d.end) - 1).toISOString()).year;
}

/** `2025年` when a date lies outside the report's year (an old deadline in this year's list), else nothing. */
const yearUnless = (year: number, inYear: number | undefined) => (inYear === undefined || year === inYear ? '' : `${year}年`);

/** `11月24日09:30` — within a report the year is known; `2025年11月24日09:30` when it lies outside `inYear`. */
export function shortDateTime(iso: string, inYear?: number): string {
  const p = chinaParts(iso);
  return `${yearUnless(p.year, inYear)}${p.month}月${p.day}日${pad(p.hour)}:${pad(p.minute)}`;
}

/** `2026-12-01` → `12月1日`; `2025年12月1日` when outside `inYear`. */
export function shortDay(ymd: string, inYear?: number): string {
  return `${yearUnless(Number(ymd.slice(0, 4)), inYear)}${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
}

/** When the figures were taken: the end of a period is written as 24时 of its last day, as offices write it. */
export function asOfPhrase(asOf: string, end: string): string {
  if (asOf === end) {
    const p = chinaParts(new Date(Date.parse(end) - 1).toISOString());
    return `${p.year}年${p.month}月${p.day}日24时`;
  }
  const p = chinaParts(asOf);
  return `${p.year}年${p.month}月${p.day}日${pad(p.hour)}:${pad(p.minute)}`;
}

/** `增加3起（增长27.3%）`, `减少2起（下降40%）`, `持平`. */
export function changePhrase(now: number, before: number): string {
  if (now === before) return '持平';
  const diff = Math.abs(now - before);
  const verb = now > before ? '增加' : '减少';
  if (before === 0) return `${verb}${diff}起`;
  return `${verb}${diff}起（${now > before ? '增长' : '下降'}${formatShare(diff / before)}）`;
}

export const pct = formatShare;

/** `甲3起、乙2起和丙1起` from the rows with a count, at most `limit` of them then `等`. */
export function listPhrase(rows: readonly { label: string; count: number }[], unit: string, limit = 5): string {
  const shown = rows.filter((r) => r.count > 0);
  const parts = shown.slice(0, limit).map((r) => `${r.label}${r.count}${unit}`);
  if (parts.length === 0) return '';
  if (shown.length > limit) return `${parts.join('、')}等`;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join('、')}和${parts.at(-1)!}`;
}

/**
 * A bordered data table; `widths` in percent; `centred` columns hold numbers, dates and times, which are centred
 * and never wrapped (a time broken over two lines misreads).
 */
export function table(
  head: readonly string[],
  rows: readonly (readonly (string | number | Html)[])[],
  widths: readonly number[],
  centred: readonly number[] = [],
): Html {
  // A short table is kept on one page; a long one breaks between rows and repeats its header.
  return html`<table class="data${rows.length <= 6 ? ' keep' : ''}">
<colgroup>${widths.map((w) => html`<col style="width:${w}%">`)}</colgroup>
<thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, i) => (centred.includes(i) ? html`<td class="n">${cell}</td>` : html`<td>${cell}</td>`))}</tr>`)}</tbody>
</table>`;
}

/** `11月24日 23:59` split so a narrow column breaks between date and time, never inside either. */
export function dateTimeCell(iso: string, inYear?: number): Html {
  const text = shortDateTime(iso, inYear);
  const [day, time] = [text.slice(0, -5), text.slice(-5)];
  return html`${day}<br>${time}`;
}

const REQUIREMENT_WORDS: Record<Requirement, { long: string; short: string }> = {
  '5h': { long: '发布权威信息', short: '发布信息' },
  '24h': { long: '举行新闻发布会', short: '发布会' },
  '48h': { long: '回应', short: '回应' },
};

/**
 * A requirement in the hours the office's rules give it: `4小时内发布权威信息`; for one 等级 when given, else the
 * hours every 等级 shares, else `规定时限内…` (设置 may give 重大 and 特别重大 different hours).
 */
export function requirementText(rules: readonly ResponseRule[], requirement: Requirement, form: 'long' | 'short', severity?: Severity): string {
  const hours = severity ? ruleHours(rules, requirement, severity) : commonRuleHours(rules, requirement);
  const words = REQUIREMENT_WORDS[requirement][form];
  if (hours === null) return `规定时限内${words}`;
  return form === 'long' ? requirementLabel(requirement, hours) : `${hours}小时${words}`;
}

/** `特别重大、重大：5小时内发布权威信息、24小时内举行新闻发布会；较大、一般：48小时内回应` — the rules as set. */
export function rulesSentence(rules: readonly ResponseRule[]): string {
  const groups = new Map<string, string[]>();
  for (const severity of [...SEVERITIES].reverse()) {
    const text = REQUIREMENTS.filter((r) => ruleHours(rules, r, severity) !== null)
      .map((r) => requirementText(rules, r, 'long', severity))
      .join('、');
    if (text === '') continue;
    groups.set(text, [...(groups.get(text) ?? []), SEVERITY_INFO[severity].label]);
  }
  return [...groups].map(([text, severities]) => `${severities.join('、')}：${text}`).join('；');
}
