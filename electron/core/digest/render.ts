import type { Digest } from '../../../shared/api/digest.js';
import { formatChinaDate } from '../../../shared/china-time.js';
import { FONT, renderPrintDocument } from '../print/document.js';
import { html } from '../print/html.js';
import { annualSection } from './section-annual.js';
import { commonIssueSection } from './section-common.js';
import { commitmentSection, nextWeekSection } from './section-commitments.js';
import { overviewSection } from './section-overview.js';
import { keyIncidentSection, responseSection } from './section-responses.js';
import { asOfPhrase, rulesSentence } from './text.js';

// The print page of a report, rendered from the Digest object only (never from the database), so the paper,
// the PDF, the preview and `yq digest --json` cannot disagree. Laid out in the shared GB/T 9704-2012 shell
// (print/document.ts); this adds the 简报 masthead (title, 期数, 内部资料 and date over a rule), tables and notes.

// 156 mm = 442.2 pt holds 27 characters of 16 pt; GB/T 9704 asks for 28 per line (a 15.79 pt pitch), which
// word processors get from their character grid. Tightening the letter spacing by 0.21 pt gives the same 28.
const DIGEST_CSS = `
body { letter-spacing: -0.21pt; }
.issue { text-align: center; text-indent: 0; margin: -14pt 0 6pt; }
.masthead { display: flex; justify-content: space-between; text-indent: 0; font-family: ${FONT.kai}; }
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

export function renderDigest(d: Digest): { html: string; title: string } {
  const body = html`
<h1 class="doc-title">${d.title}</h1>
<p class="issue">${d.issue}</p>
<p class="masthead"><span>内部资料\u3000注意保存</span><span>${formatChinaDate(d.generatedAt)}</span></p>
<hr class="rule">
<p class="range">（${d.rangeLabel}）</p>
${overviewSection(d)}
${keyIncidentSection(d)}
${commonIssueSection(d)}
${responseSection(d)}
${commitmentSection(d)}
${nextWeekSection(d)}
${annualSection(d)}
${notes(d)}
`;
  const title = digestDocumentTitle(d);
  return { html: renderPrintDocument({ title, body, css: DIGEST_CSS }), title };
}
