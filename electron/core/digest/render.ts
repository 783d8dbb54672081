import type { Digest } from '../../../shared/api/digest.js';
import { formatChinaDate } from '../../../shared/china-time.js';
import { FONT, renderPrintDocument } from '../print/document.js';
import { Html, html } from '../print/html.js';
import { annualSection } from './section-annual.js';
import { commonIssueSection } from './section-common.js';
import { commitmentSection, nextWeekSection } from './section-commitments.js';
import { overviewSection } from './section-overview.js';
import { keyIncidentSection, responseSection } from './section-responses.js';
import { asOfPhrase, rulesSentence } from './text.js';

// The print page of a report, rendered from the Digest object only (never from the database), so the paper,
// the PDF, the preview and `yq digest --json` cannot disagree. Laid out in the shared GB/T 9704-2012 shell
// (print/document.ts); this adds the 简报 masthead (内部资料, title, 期数, 编印单位 and date over a rule), tables, notes and the
// 报/送 lines.

// 156 mm = 442.2 pt holds 27 characters of 16 pt; GB/T 9704 asks for 28 per line (a 15.79 pt pitch), which
// word processors get from their character grid. Tightening the letter spacing by 0.21 pt gives the same 28.
const DIGEST_CSS = `
body { letter-spacing: -0.21pt; }
.secret { text-indent: 0; font-family: ${FONT.hei}; margin: 0 0 14pt; }
.issue { text-align: center; text-indent: 0; margin: -14pt 0 6pt; }
.masthead { display: flex; justify-content: space-between; gap: 1em; text-indent: 0; font-family: ${FONT.kai}; }
.masthead span { white-space: nowrap; }
.distribution { margin-top: 28pt; border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; break-inside: avoid; page-break-inside: avoid; }
.distribution p { text-indent: 0; padding-left: 1em; }
.distribution p + p { border-top: 0.5pt solid #000; }
hr.rule { border: 0; border-top: 1.5pt solid #000; margin: 2pt 0 14pt; }
.range { text-indent: 0; text-align: center; font-family: ${FONT.kai}; margin-bottom: 14pt; }
h2 { margin-top: 14pt; break-after: avoid; page-break-after: avoid; }
h3 { break-after: avoid; page-break-after: avoid; }
.chart { margin: 4pt 0 6pt; break-inside: avoid; page-break-inside: avoid; }
.chart svg { display: block; width: 156mm; height: auto; }
table.data { margin: 4pt 0 10pt; font-size: 12pt; line-height: 18pt; letter-spacing: 0; }
table.data th, table.data td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; word-break: normal; overflow-wrap: anywhere; }
table.keep { break-inside: avoid; page-break-inside: avoid; }
.nb { white-space: nowrap; }
table.data th { font-family: ${FONT.hei}; font-weight: normal; text-align: center; }
table.data td.n { text-align: center; white-space: nowrap; }
.warn { font-family: ${FONT.hei}; }
.notes { margin-top: 18pt; border-top: 0.75pt solid #000; padding-top: 4pt; font-size: 12pt; line-height: 18pt; letter-spacing: 0; break-inside: avoid; }
.notes p { text-indent: 0; }
`;

function notes(d: Digest) {
  return html`<div class="notes">
<p>说明：1. 统计时段为${d.rangeLabel}（北京时间），数据截至${asOfPhrase(d.asOf, d.end)}，按发现时间统计新增舆情。</p>
<p>2. 回应率＝已回应事件数÷需回应事件数（不含经研判无需回应的事件）。</p>
<p>3. 时限按台账设定的各等级回应时限、自发现时间起计算（${rulesSentence(d.responseRules)}）。按时率＝按时落实数÷已到期数，尚在时限内的不计入。</p>
<p>4. 一起事件可涉及多个敏感类别，分类合计可多于事件总数。承诺逾期天数按自然日计算。</p>
</div>`;
}

export function digestDocumentTitle(d: Digest): string {
  return `${d.title}（${d.issue}）`;
}

/**
 * The sections, in the order they are printed: one entry each, so a new section is one line here. The 年报 puts
 * the 年度报告 figures first: they are what the office copies out of it.
 */
function sections(d: Digest): readonly ((d: Digest) => Html)[] {
  const body = [
    overviewSection,
    keyIncidentSection,
    commonIssueSection,
    responseSection,
    commitmentSection,
    nextWeekSection,
  ];
  return d.kind === 'year' ? [annualSection, ...body] : [...body, annualSection];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** 一、二、三… in the order the sections are printed, whatever number a section wrote in its own heading. */
function numberHeadings(markup: string): string {
  let n = 0;
  return markup.replace(/<h2>(?:[一二三四五六七八九十]+、)?/g, () => `<h2>${NUMERALS[n++] ?? String(n)}、`);
}

/** 报： and 送： lines at the foot of the last page, as a 简报's 版记 carries them. */
function distribution(d: Digest) {
  const m = d.masthead;
  if (!m || (m.reportTo === '' && m.copyTo === '')) return null;
  return html`<div class="distribution">
${m.reportTo === '' ? null : html`<p>报：${m.reportTo}</p>`}
${m.copyTo === '' ? null : html`<p>送：${m.copyTo}</p>`}
</div>`;
}

export function renderDigest(d: Digest): { html: string; title: string } {
  const body = html`
<p class="secret">内部资料\u3000注意保存</p>
<h1 class="doc-title">${d.title}</h1>
<p class="issue">${d.issue}</p>
<p class="masthead"><span>${d.masthead?.issuer ?? ''}</span><span>${formatChinaDate(d.generatedAt)}</span></p>
<hr class="rule">
<p class="range">（${d.rangeLabel}）</p>
${sections(d).map((section) => section(d))}
${notes(d)}
${distribution(d)}
`;
  const title = digestDocumentTitle(d);
  return { html: renderPrintDocument({ title, body: new Html(numberHeadings(body.value)), css: DIGEST_CSS }), title };
}
