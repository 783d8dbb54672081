import type { Digest } from '../../../shared/api/digest.js';
import type { CommonIssue } from '../../../shared/api/similarity.js';
import { chinaParts } from '../../../shared/china-time.js';
import { type Html, html } from '../print/html.js';
import { PERIOD_NOUN } from './labels.js';

// 三、共性问题 (issue 16): the matters behind several incidents of the period — "主动回应存在的共性问题" — each with
// where, who leads, when and how far it has been answered; then the 反弹 among the period's incidents.

/** Groups printed in full; a year may have many, the rest are counted. */
const PRINTED = 10;
const CHINESE = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const day = (iso: string) => {
  const p = chinaParts(iso);
  return `${p.month}月${p.day}日`;
};

const few = (names: readonly string[], max: number) => (names.length > max ? `${names.slice(0, max).join('、')}等${names.length}地` : names.join('、'));

function answeredPhrase(g: CommonIssue): string {
  const n = g.incidents.length;
  if (g.answered === 0) return '均未回应';
  const how = g.answeredBy.map((m) => `${m.method}${m.incidents}起`).join('、');
  const joint = g.answeredJointly > 0 ? `，其中共性回应${g.answeredJointly}起` : '';
  const open = g.answered < n ? `，尚有${n - g.answered}起未回应` : '，已全部回应';
  return `已回应${g.answered}起（${how}${joint}）${open}`;
}

/** Numbers kept whole on a line, the list free to wrap between them. */
const numberList = (numbers: readonly string[]) => numbers.map((n, i) => html`${i > 0 ? '、' : ''}<span class="nb">${n}</span>`);

function issueParagraph(g: CommonIssue, i: number): Html {
  const when = day(g.firstAt) === day(g.lastAt) ? day(g.firstAt) : `${day(g.firstAt)}至${day(g.lastAt)}`;
  const where = g.townships.length > 0 ? `${few(g.townships, 4)}` : '';
  return html`<h3>（${CHINESE[i] ?? String(i + 1)}）${g.label}（${g.incidents.length}起）</h3>
<p>${when}${where ? `，${where}` : ''}共发生同类舆情${g.incidents.length}起，涉及${g.categories.slice(0, 3).join('、') || '未分类'}${
    g.units.length > 0 ? `，牵头单位${g.units.slice(0, 3).join('、')}` : ''
  }；${answeredPhrase(g)}。事件编号：${numberList(g.incidents.slice(0, 12))}${g.incidents.length > 12 ? `等` : ''}。</p>`;
}

function recurrenceParagraph(d: Digest): Html {
  if (d.recurrences.length === 0) return html``;
  const confirmed = d.recurrences.filter((r) => r.confirmed);
  const suspected = d.recurrences.filter((r) => !r.confirmed);
  const line = (r: Digest['recurrences'][number]) => `${r.number}“${r.title}”与已办结的${r.of.number}“${r.of.title}”`;
  return html`<p>舆情反弹：${[
    confirmed.length > 0 ? `经核实为反弹${confirmed.length}起（${confirmed.map(line).join('；')}）` : '',
    suspected.length > 0 ? `疑似反弹${suspected.length}起（${suspected.slice(0, 8).map(line).join('；')}${suspected.length > 8 ? '等' : ''}），请相关单位核实` : '',
  ]
    .filter(Boolean)
    .join('；')}。</p>`;
}

export function commonIssueSection(d: Digest): Html {
  const noun = PERIOD_NOUN[d.kind];
  const groups = d.commonIssues;
  if (groups.length === 0) {
    return html`<h2>三、共性问题</h2><p>${noun}新增舆情中未发现3起及以上的同类问题。</p>${recurrenceParagraph(d)}`;
  }
  const covered = groups.reduce((sum, g) => sum + g.incidents.length, 0);
  const rest = groups.length - PRINTED;
  return html`<h2>三、共性问题</h2>
<p>${noun}新增舆情中有共性问题${groups.length}个，涉及舆情${covered}起${groups.length > 1 ? '，按涉及事件数排列' : ''}。对同一问题宜统一研判、主动回应。</p>
${groups.slice(0, PRINTED).map(issueParagraph)}
${rest > 0 ? html`<p>另有${rest}个共性问题，详见台账“同一问题”筛选。</p>` : html``}
${recurrenceParagraph(d)}`;
}
