import { type Digest } from '../../../shared/api/digest.js';
import { Html, html } from '../print/html.js';
import { categoryChart, trendChart } from './charts.js';
import { PERIOD_NOUN, PREVIOUS_NOUN } from './labels.js';
import { changePhrase, listPhrase, pct, reportYear, shortDateTime } from './text.js';
import { parsePeriod } from '../../../shared/china-time.js';

// 一、总体情况: how many, compared with the period before, and by category, 等级, platform and place.

/** A chart's SVG as ECharts wrote it (it escapes the category names it draws). */
const chart = (svg: string) => html`<div class="chart">${new Html(svg)}</div>`;

type Row = Digest['byCategory'][number];

/** Every category with its count and share, two to a table row, so ten categories take five lines. */
function categoryTable(rows: readonly Row[], total: number): Html {
  const cell = (r: Row | undefined) =>
    r ? html`<td>${r.label}</td><td class="n">${r.count}</td><td class="n">${total === 0 ? '—' : pct(r.count / total)}</td>` : html`<td></td><td></td><td></td>`;
  const pairs = Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => [rows[2 * i], rows[2 * i + 1]] as const);
  return html`<table class="data keep">
<colgroup><col style="width:29%"><col style="width:9%"><col style="width:12%"><col style="width:29%"><col style="width:9%"><col style="width:12%"></colgroup>
<thead><tr><th>类别</th><th>起数</th><th>占比</th><th>类别</th><th>起数</th><th>占比</th></tr></thead>
<tbody>${pairs.map(([a, b]) => html`<tr>${cell(a)}${cell(b)}</tr>`)}</tbody>
</table>`;
}

/** 等级, platform and place in one table: each line lists the non-empty groups with their counts. */
function spreadTable(d: Digest): Html {
  // Each group is kept whole on its line (a label like 12345热线 must not break).
  const item = (text: string) => html`<span class="nb">${text}</span>`;
  const line = (rows: readonly Row[]) => {
    const items = rows.filter((r) => r.count > 0).map((r) => item(`${r.label}${r.count}起`));
    return items.length === 0 ? html`—` : html`${items.flatMap((x, i) => (i === 0 ? [x] : [html`\u3000`, x]))}`;
  };
  const named = d.byTownship.filter((t) => t.code !== '');
  const unnamed = d.byTownship.find((t) => t.code === '')?.count ?? 0;
  return html`<table class="data keep">
<colgroup><col style="width:16%"><col style="width:84%"></colgroup>
<tbody>
<tr><th>等级</th><td>${line(d.bySeverity)}</td></tr>
<tr><th>首发平台</th><td>${line(d.byPlatform)}</td></tr>
<tr><th>涉事地域</th><td>${named.length > 0 || unnamed === 0 ? line(named) : null}${unnamed > 0 ? html`${named.length > 0 ? '\u3000' : ''}${item(`未填写${unnamed}起`)}` : null}</td></tr>
</tbody>
</table>`;
}

/** `上周（19起）` or, while the period runs, `上周同期（11月16日0时至11月18日12:00，2起）`. */
export function previousPhrase(d: Digest): string {
  const noun = PREVIOUS_NOUN[d.kind];
  if (!d.previousUntil) return `${noun}（${d.previousIncidents}起）`;
  const year = reportYear(d);
  const from = shortDateTime(parsePeriod(d.previousPeriod)!.start, year);
  return `${noun}同期（${from.slice(0, -5)}0时至${shortDateTime(d.previousUntil, year)}，${d.previousIncidents}起）`;
}

export function overviewSection(d: Digest): Html {
  const noun = PERIOD_NOUN[d.kind];
  const n = d.newIncidents;
  const categories = d.byCategory.filter((c) => c.count > 0);
  const multi = categories.reduce((sum, c) => sum + c.count, 0) > n;
  const townships = d.byTownship.filter((t) => t.code !== '' && t.count > 0);
  const summary =
    n === 0
      ? html`<p>${noun}${d.previousUntil ? '截至目前' : ''}未发现登记舆情事件，${previousPhrase(d)}。</p>`
      : html`<p>${noun}${d.previousUntil ? '截至目前' : ''}共发现登记舆情事件${n}起，较${previousPhrase(d)}${changePhrase(n, d.previousIncidents)}。按等级分，${listPhrase(
          d.bySeverity,
          '起',
          4,
        )}。按类别分，${listPhrase(categories, '起')}${multi ? '（部分事件涉及多个类别）' : ''}。按首发平台分，${listPhrase(d.byPlatform, '起', 3)}。${
          townships.length > 0 ? `按涉事地域分，${listPhrase(townships, '起', 3)}。` : ''
        }</p>`;
  const categorySvg = categoryChart(d);
  const trendTitle = d.kind === 'week' ? '近8周新增舆情趋势' : d.kind === 'month' ? '近12个月新增舆情趋势' : '各月新增舆情趋势';
  return html`<h2>一、总体情况</h2>
${summary}
<h3>（一）类别分布</h3>
${categorySvg === null ? null : chart(categorySvg)}
${categoryTable(d.byCategory, n)}
<h3>（二）${trendTitle}</h3>
${chart(trendChart(d))}
${n === 0 ? null : html`<h3>（三）等级、平台与地域分布</h3>${spreadTable(d)}`}`;
}
