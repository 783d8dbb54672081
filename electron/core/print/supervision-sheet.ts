import type { BoardGroup, Commitment } from '../../../shared/api/commitments.js';
import { COMMITMENT_STATUS_LABELS } from '../../../shared/domain.js';
import { FONT, renderPrintDocument } from './document.js';
import { type Html, html } from './html.js';
import { formatYmd } from '../../../shared/china-time.js';

// 承诺事项督办单: one A4 sheet (or more) per responsible unit, listing its overdue commitments, those due today or
// within 3 working days, and those fulfilled but not yet made public — with room for the unit's handling notes,
// its leader's signature and the date. Printed through the common print path (document.ts).

const SHEET_CSS = `
.meta { display: flex; justify-content: space-between; text-indent: 0; }
table.items { table-layout: fixed; margin: 6pt 0 14pt; font-size: 12pt; line-height: 18pt; text-align: left; }
table.items th, table.items td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: top; word-break: normal; overflow-wrap: anywhere; }
table.items th { font-family: ${FONT.hei}; font-weight: normal; text-align: center; }
table.items td.n { text-align: center; }
.nowrap { white-space: nowrap; }
td.late { font-family: ${FONT.hei}; }
.none { text-indent: 2em; }
.reply { border: 0.75pt solid #000; height: 4.4cm; margin: 6pt 0 14pt; padding: 4pt 6pt; font-size: 12pt; line-height: 18pt; }
.sign { display: grid; grid-template-columns: max-content max-content; column-gap: 12mm; row-gap: 14pt; margin-top: 10pt; text-align: left; break-inside: avoid; }
.sign > span { white-space: nowrap; }
.blank { display: inline-block; width: 30mm; border-bottom: 0.75pt solid #000; }
.note { font-size: 12pt; line-height: 18pt; text-indent: 0; margin-top: 14pt; }
`;

/** 2026年 / 11月27日 may wrap between year and day, never inside either. */
const deadlineCell = (c: Commitment) => {
  const [y, m, d] = c.deadline.split('-').map(Number);
  return html`<span class="nowrap">${y}年</span><span class="nowrap">${m}月${d}日</span>${c.deadlineNonWorkday ? html`<br>（${c.deadlineNonWorkday}）` : null}${c.calendarVerified ? null : html`<br>（节假日未核实）`}`;
};

function table(items: readonly Commitment[], last: (c: Commitment) => Html, lastHead: string): Html {
  return html`<table class="items">
<colgroup><col style="width:8%"><col style="width:24%"><col style="width:33%"><col style="width:18%"><col style="width:17%"></colgroup>
<thead><tr><th>序号</th><th>舆情事件</th><th>承诺内容</th><th>期限</th><th>${lastHead}</th></tr></thead>
<tbody>${items.map(
    (c, i) => html`<tr><td class="n">${i + 1}</td><td><span class="nowrap">${c.incidentNumber}</span><br>${c.incidentTitle}</td><td>${c.content}${c.person ? html`<br>责任人：${c.person}` : null}</td><td>${deadlineCell(c)}</td>${last(c)}</tr>`,
  )}</tbody>
</table>`;
}

function section(heading: string, items: readonly Commitment[], body: () => Html): Html {
  return html`<h2>${heading}（${items.length}项）</h2>${items.length === 0 ? html`<p class="none">无。</p>` : body()}`;
}

export interface SheetOptions {
  /** The day of printing (YYYY-MM-DD, China). */
  today: string;
}

export function supervisionSheetTitle(unitName: string): string {
  return `承诺事项督办单（${unitName}）`;
}

export function renderSupervisionSheet(group: BoardGroup, options: SheetOptions): { html: string; title: string } {
  const dueItems = [...group.dueToday, ...group.dueSoon];
  const body = html`
<h1 class="doc-title">承诺事项督办单</h1>
<p class="meta"><span>承办单位：${group.unitName}</span><span>督办日期：${formatYmd(options.today)}</span></p>
<p>按照“加强舆情回应台账管理，认真核查已作出的承诺落实及公开情况”的要求，现将你单位负责落实的舆情回应承诺事项督办如下。请对逾期事项说明原因、限期办结，对即将到期事项按期兑现，并及时公开落实情况，于收到本单之日起3个工作日内将办理结果书面反馈。</p>
${section('一、已逾期事项', group.overdue, () =>
  table(group.overdue, (c) => html`<td class="n late">${c.overdueWorkdays > 0 ? `逾期${c.overdueWorkdays}个工作日` : '已逾期'}</td>`, '逾期情况'),
)}
${section('二、今日及3个工作日内到期事项', dueItems, () =>
  table(dueItems, (c) => html`<td class="n">${c.workdaysLeft === 0 && c.deadline === options.today ? '今日到期' : `剩${c.workdaysLeft ?? 0}个工作日`}</td>`, '剩余时间'),
)}
${section('三、已办结待公开事项', group.awaitingPublication, () =>
  table(group.awaitingPublication, (c) => html`<td class="n">${COMMITMENT_STATUS_LABELS[c.status]}<br>待公开</td>`, '状态'),
)}
<h2>四、办理情况</h2>
<div class="reply">（由承办单位填写：落实措施、完成时间、公开渠道及链接；不能按期兑现的，说明原因及下一步安排）</div>
<div class="sign">
<span>承办单位负责人（签字）：<span class="blank"></span></span><span>日期：<span class="blank"></span></span>
<span>经办人：<span class="blank"></span></span><span>联系电话：<span class="blank"></span></span>
<span>督办单位（盖章）：<span class="blank"></span></span><span>督办人：<span class="blank"></span></span>
</div>
<p class="note">注：期限按国家法定节假日和调休安排计算工作日；“节假日未核实”指该年度安排尚未录入，期限以实际安排为准。</p>
`;
  const title = supervisionSheetTitle(group.unitName);
  return { html: renderPrintDocument({ title, body, css: SHEET_CSS }), title };
}
