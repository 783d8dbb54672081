import { formatChinaDate } from '../../../shared/china-time.js';
import type { Db } from '../db/open.js';
import { FONT, renderPrintDocument } from '../print/document.js';
import { html } from '../print/html.js';
import { ROW_FACT_COLUMNS, ROW_FACT_LABELS, type RowFactColumn } from '../../../shared/schemas.js';
import { type ExportQuery, incidentsOf, ledgerColumns, ledgerRow, namesOf } from './ledger-rows.js';

// The 台账 printed as it is: the filtered ledger as an A4 landscape table through the common print path, the
// header row repeated on every page (thead), page numbers at the foot. The columns are those of the export, less
// the ones nobody reads on paper (links, 情感倾向, 61号类型), so the table stays legible at 9 pt.

// Each printed column with its share of the width: 编号, 等级, 平台 and 状态 never break inside a word.
const PRINTED: [header: string, width: number, nowrap?: true][] = [
  ['序号', 3], ['编号', 11, true], ['标题', 13], ['发现时间', 8], ['首发平台', 5, true], ['敏感类别', 7], ['等级', 4, true],
  ['牵头单位', 8], ['处置状态', 6, true], ['回应时间', 8], ['回应方式', 6], ['回应内容', 14], ['承诺内容', 13], ['承诺时限', 7],
  ['落实情况', 13], ['公开情况', 11],
];
const PRINTED_CHECKS: Record<RowFactColumn, [width: number, nowrap?: true]> = {
  firstResponseAt: [8], responseTiming: [5, true], commitmentCount: [5, true], overdueCommitments: [5, true],
};

const LEDGER_CSS = `
@page { size: A4 landscape; margin: 15mm 12mm 18mm 12mm; }
@media screen { body { width: 273mm; min-height: 0; padding: 15mm 12mm; } }
body { font-size: 9pt; line-height: 13pt; }
h1.doc-title { font-size: 18pt; line-height: 26pt; margin: 0 0 4pt; }
.meta { display: flex; justify-content: space-between; text-indent: 0; margin-bottom: 4pt; font-size: 10pt; }
table.ledger { table-layout: fixed; }
table.ledger th, table.ledger td { border: 0.5pt solid #000; padding: 1.5pt 2pt; vertical-align: top; white-space: pre-wrap; word-break: normal; overflow-wrap: anywhere; text-align: left; }
table.ledger td.nw { white-space: nowrap; }
table.ledger th { font-family: ${FONT.hei}; font-weight: normal; text-align: center; background: #eee; }
`;

/** `checks`: the 台账核查 columns the person shows in the 台账 (all when undefined), printed after the records' columns. */
export function renderLedgerTable(
  db: Db,
  query: ExportQuery,
  office: string,
  nowMs: number,
  checks: readonly RowFactColumn[] = ROW_FACT_COLUMNS,
): { html: string; title: string } {
  const names = namesOf(db);
  const printed: [header: string, width: number, nowrap?: true][] = [
    ...PRINTED,
    ...ROW_FACT_COLUMNS.filter((id) => checks.includes(id)).map((id): [string, number, true?] => [ROW_FACT_LABELS[id], ...PRINTED_CHECKS[id]]),
  ];
  const columns = ledgerColumns(checks);
  const pick = printed.map(([header]) => columns.findIndex((c) => c.header === header));
  const total = printed.reduce((sum, [, width]) => sum + width, 0);
  const rows = [];
  let seq = 0;
  for (const incident of incidentsOf(db, query)) {
    const cells = ledgerRow(db, incident, ++seq, names, nowMs, checks);
    rows.push(html`<tr>${pick.map((i, k) => html`<td${printed[k]![2] ? html` class="nw"` : null}>${String(cells[i] ?? '')}</td>`)}</tr>`);
  }
  const title = `${office}舆情回应台账`;
  const body = html`
<h1 class="doc-title">${title}</h1>
<p class="meta"><span>填报单位：${office}</span><span>共 ${seq} 件</span><span>填报日期：${formatChinaDate(new Date(nowMs).toISOString())}</span></p>
<table class="ledger">
<colgroup>${printed.map(([, w]) => html`<col style="width:${((w / total) * 100).toFixed(2)}%">`)}</colgroup>
<thead><tr>${printed.map(([h]) => html`<th>${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>`;
  return { html: renderPrintDocument({ title, body, css: LEDGER_CSS }), title };
}
