import type { Digest } from '../../../shared/api/digest.js';
import { SEVERITY_INFO, STATUS_LABELS } from '../../../shared/domain.js';
import { type Html, html } from '../print/html.js';
import { PERIOD_NOUN } from './labels.js';
import { asOfPhrase, dateTimeCell, listPhrase, pct, reportYear, requirementText, shortDateTime, table } from './text.js';

// 二、重点舆情 (重大 and above, each with its responses) and 四、回应情况 (回应率, the 5h/24h/48h requirements,
// requirements still overdue).

const EXCERPT = 120;
const overdueText = (hours: number) => (hours < 48 ? `${hours}小时` : `${Math.floor(hours / 24)}天`);
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}……` : text);

export function keyIncidentSection(d: Digest): Html {
  const noun = PERIOD_NOUN[d.kind];
  if (d.keyIncidents.length === 0) return html`<h2>二、重点舆情</h2><p>${noun}无重大及以上等级舆情。</p>`;
  const chinese = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const ordinal = (i: number) => (i < 10 ? chinese[i]! : i < 19 ? `十${chinese[i - 10]!}` : String(i + 1));
  // A year holds dozens: the 年报 details only those still open and counts the closed ones.
  const shown = d.kind === 'year' ? d.keyIncidents.filter((k) => k.status !== 'closed' && k.status !== 'no_response') : d.keyIncidents;
  const lead =
    shown.length === d.keyIncidents.length
      ? `${noun}发生重大及以上等级舆情${d.keyIncidents.length}起，情况如下。`
      : `${noun}发生重大及以上等级舆情${d.keyIncidents.length}起，已办结${d.keyIncidents.length - shown.length}起；${
          shown.length === 0 ? '均已办结。' : `尚未办结${shown.length}起，情况如下。`
        }`;
  return html`<h2>二、重点舆情</h2>
<p>${lead}</p>
${shown.map(
  (k, i) => html`<h3>（${ordinal(i)}）${k.title}</h3>
<p><span class="nb">${k.number}</span>，${SEVERITY_INFO[k.severity].label}（${SEVERITY_INFO[k.severity].grade}级）。${shortDateTime(k.foundAt, reportYear(d))}在${k.platform}发现，涉及${k.categories.join('、')}${
    k.township ? `，涉事地域${k.township}` : ''
  }${k.leadUnit ? `，牵头单位${k.leadUnit}` : ''}；目前状态：${STATUS_LABELS[k.status]}。</p>
${
  k.responses.length === 0
    ? html`<p>回应情况：<span class="warn">截至统计时尚未回应。</span></p>`
    : k.responses.map((r, j) => html`<p>${j === 0 ? '回应情况：' : ''}${shortDateTime(r.at, reportYear(d))}，${r.unit || '相关单位'}通过${r.channel}${r.method}：“${excerpt(r.content)}”</p>`)
}`,
)}`;
}

export function responseSection(d: Digest): Html {
  const noun = PERIOD_NOUN[d.kind];
  const r = d.response;
  const rate =
    r.toRespond === 0
      ? html`<p>${noun}新增舆情中无需回应的事件。</p>`
      : html`<p>${noun}新增舆情中需回应${r.toRespond}起${r.noResponseNeeded > 0 ? `（另有${r.noResponseNeeded}起经研判无需回应）` : ''}，截至${asOfPhrase(d.asOf, d.end)}已回应${r.responded}起，回应率${pct(r.rate)}。</p>`;
  const made =
    r.responsesMade === 0
      ? html`<p>${noun}未发布回应。</p>`
      : html`<p>${noun}共发布回应${r.responsesMade}次，其中${listPhrase(r.byMethod, '次', 6)}；召开新闻发布会/吹风会${r.pressConferences}场。</p>`;
  const decided = d.requirements.filter((o) => o.subject > 0);
  const requirementParagraph =
    decided.length === 0
      ? html`<p>${noun}新增舆情不涉及回应时限要求。</p>`
      : html`<p>${decided
          .map((o) => {
            const judged = o.metInTime + o.metLate + o.missed;
            const running = o.running > 0 ? `，另有${o.running}起尚在时限内` : '';
            return judged === 0
              ? `“${o.label}”适用${o.subject}起，均尚在时限内`
              : `“${o.label}”适用${o.subject}起，已到期${judged}起中按时${o.metInTime}起，按时率${pct(o.share)}${running}`;
          })
          .join('；')}。</p>`;
  return html`<h2>四、回应情况</h2>
${rate}
${made}
${requirementParagraph}
${
  decided.length === 0
    ? null
    : table(
        ['时限要求', '适用', '按时', '超时', '未回应', '在时限内', '按时率'],
        decided.map((o) => [requirementText(d.responseRules, o.requirement, 'short'), o.subject, o.metInTime, o.metLate, o.missed, o.running, pct(o.share)]),
        [25, 11, 11, 11, 13, 15, 14],
        [1, 2, 3, 4, 5, 6],
      )
}
${
  d.overdueResponses.length === 0
    ? html`<p>截至${asOfPhrase(d.asOf, d.end)}，无超时未落实的回应要求。</p>`
    : html`<p>截至${asOfPhrase(d.asOf, d.end)}，仍有${d.overdueResponses.length}项回应要求超时未落实：</p>
${table(
  ['序号', '舆情事件', '牵头单位', '时限要求', '截止时间', '已超时'],
  d.overdueResponses.map((o, i) => [i + 1, `${o.title}（${o.number}）`, o.leadUnit || '—', requirementText(d.responseRules, o.requirement, 'short', o.severity), dateTimeCell(o.dueAt, reportYear(d)), overdueText(o.hoursOverdue)]),
  [9, 33, 16, 17, 14, 11],
  [0, 4, 5],
)}`
}`;
}
