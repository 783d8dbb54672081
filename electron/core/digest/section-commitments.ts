import type { Digest, DigestCommitmentItem } from '../../../shared/api/digest.js';
import { toChinaInputValue } from '../../../shared/china-time.js';
import { type Html, html } from '../print/html.js';
import { PERIOD_NOUN } from './labels.js';
import { asOfPhrase, dateTimeCell, reportYear, requirementText, shortDay, table } from './text.js';

// 五、承诺落实 (fulfilled during the period, due in the following seven days, overdue — by unit, with 公开情况)
// and 五、下周关注 (what falls due in the seven days after the period).

const what = (c: DigestCommitmentItem) => `${c.content}（${c.incidentNumber}）`;
const who = (c: DigestCommitmentItem) => (c.person ? `${c.unit}（${c.person}）` : c.unit);

function fulfilledTable(d: Digest, year: number): Html {
  if (d.fulfilledItems.length === 0) return html`<p>${PERIOD_NOUN[d.kind]}无兑现的承诺事项。</p>`;
  return table(
    ['序号', '责任单位', '承诺内容', '兑现时间', '公开情况'],
    d.fulfilledItems.map((f, i) => [i + 1, who(f), what(f), f.fulfilledAt ? dateTimeCell(f.fulfilledAt, year) : '—', f.publication]),
    [9, 17, 38, 14, 22],
    [0, 3],
  );
}

export function commitmentSection(d: Digest): Html {
  const noun = PERIOD_NOUN[d.kind];
  const c = d.commitments;
  const year = reportYear(d);
  const next = `${shortDay(d.nextWeek.firstDay, year)}至${shortDay(d.nextWeek.lastDay, year)}`;
  const fulfilledPublished = c.fulfilled === 0 ? '' : `，其中已公开落实情况${c.fulfilledPublished}项`;
  return html`<h2>五、承诺落实</h2>
<p>${noun}新作出承诺${c.made}项，兑现${c.fulfilled}项${fulfilledPublished}；${noun}公开承诺落实情况${c.published}项。截至${asOfPhrase(d.asOf, d.end)}，逾期未兑现${c.overdue}项；${next}到期${c.dueNextWeek}项。</p>
${
  d.commitmentUnits.length === 0
    ? null
    : html`<h3>（一）分单位情况</h3>
${table(
  ['责任单位', `${noun}兑现`, '下周到期', '逾期未兑现'],
  d.commitmentUnits.map((u) => [u.unit, u.fulfilled, u.dueNextWeek, u.overdue]),
  [46, 18, 18, 18],
  [1, 2, 3],
)}`
}
${
  // The 年报 counts what was fulfilled (above, and by unit) and lists only what needs attention.
  d.kind === 'year'
    ? null
    : html`<h3>（${d.commitmentUnits.length === 0 ? '一' : '二'}）${noun}兑现事项</h3>
${fulfilledTable(d, year)}`
}
<h3>（${d.commitmentUnits.length === 0 ? (d.kind === 'year' ? '一' : '二') : d.kind === 'year' ? '二' : '三'}）逾期未兑现事项</h3>
${
  d.overdueItems.length === 0
    ? html`<p>无逾期未兑现的承诺事项。</p>`
    : table(
        ['序号', '责任单位', '承诺内容', '期限', '逾期'],
        d.overdueItems.map((o, i) => [i + 1, who(o), what(o), shortDay(o.deadline, year), `${o.workdaysOverdue}个工作日`]),
        [9, 20, 45, 14, 12],
        [0, 3, 4],
      )
}`;
}

export function nextWeekSection(d: Digest): Html {
  const year = reportYear(d);
  const next = `${shortDay(d.nextWeek.firstDay, year)}至${shortDay(d.nextWeek.lastDay, year)}`;
  // By when they fall due; a commitment is due by the end of its day, a response requirement at its hour.
  const items = [
    ...d.dueNextWeekItems.map((c) => ({ sort: `${c.deadline}T24`, when: html`${shortDay(c.deadline, year)}`, what: `承诺：${what(c)}`, who: who(c) })),
    ...d.clocksDueNextWeek.map((k) => ({
      sort: toChinaInputValue(k.dueAt),
      when: dateTimeCell(k.dueAt, year),
      what: `回应：${k.title}（${k.number}），${requirementText(d.responseRules, k.requirement, 'long', k.severity)}`,
      who: k.leadUnit || '—',
    })),
  ].sort((a, b) => a.sort.localeCompare(b.sort));
  const heading = d.kind === 'week' ? '六、下周关注' : `六、近期关注`;
  if (items.length === 0) return html`<h2>${heading}</h2><p>${next}无到期的承诺事项和回应时限。</p>`;
  return html`<h2>${heading}</h2>
<p>${next}，到期承诺事项${d.dueNextWeekItems.length}项${
    d.clocksDueNextWeek.length > 0 ? `、到期回应时限${d.clocksDueNextWeek.length}项` : ''
  }，请相关单位按期落实并及时公开落实情况。</p>
${table(['序号', '到期时间', '事项', '责任单位'], items.map((item, i) => [i + 1, item.when, item.what, item.who]), [9, 15, 56, 20], [0, 1])}`;
}
