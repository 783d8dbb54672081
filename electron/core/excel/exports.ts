import { formatChinaDate, formatChinaDateTime } from '../../../shared/china-time.js';
import { COMMITMENT_STATUS_LABELS } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { listCommitments } from '../ledger/commitments.js';
import type { RowFactColumn } from '../../../shared/schemas.js';
import { type ExportQuery, incidentsOf, ledgerColumns, ledgerRow, namesOf, progressText, publicationText } from './ledger-rows.js';
import { buildTableWorkbook, type TableColumn, writeWorkbookFile } from './write-xlsx.js';

// The two spreadsheets an office hands upward: the 台账 (one row per incident, the ledger view's filters and
// search) and the 承诺督办 table (one row per commitment of those incidents).

export interface ExportContext {
  db: Db;
  nowMs: number;
  /** The workstation's name: the 填报单位 and the title's office (县委宣传部舆情回应台账). */
  office: string;
}

/** `checks`: the 台账核查 columns the person shows in the 台账 (all when undefined). */
export async function exportLedgerXlsx(
  ctx: ExportContext,
  path: string,
  query: ExportQuery,
  checks?: readonly RowFactColumn[],
): Promise<{ path: string; rows: number }> {
  const names = namesOf(ctx.db);
  const rows = (function* () {
    let seq = 0;
    for (const incident of incidentsOf(ctx.db, query)) yield ledgerRow(ctx.db, incident, ++seq, names, ctx.nowMs, checks);
  })();
  const { workbook, rows: count } = buildTableWorkbook({
    sheetName: '舆情回应台账', title: `${ctx.office}舆情回应台账`, office: ctx.office, nowMs: ctx.nowMs, columns: ledgerColumns(checks), rows,
  });
  await writeWorkbookFile(workbook, path);
  return { path, rows: count };
}

export const COMMITMENT_COLUMNS: readonly TableColumn[] = [
  { header: '序号', width: 6 },
  { header: '编号', width: 18 },
  { header: '所属舆情', width: 28 },
  { header: '承诺事项', width: 36 },
  { header: '责任单位', width: 14 },
  { header: '责任人', width: 8 },
  { header: '承诺时间', width: 18 },
  { header: '期限', width: 14 },
  { header: '状态', width: 8 },
  { header: '逾期工作日', width: 10 },
  { header: '落实情况', width: 32 },
  { header: '公开情况', width: 30 },
  { header: '核查', width: 28 },
];

export async function exportCommitmentsXlsx(ctx: ExportContext, path: string, query: ExportQuery): Promise<{ path: string; rows: number }> {
  const rows = (function* () {
    let seq = 0;
    for (const incident of incidentsOf(ctx.db, query)) {
      for (const c of listCommitments(ctx.db, incident.id, ctx.nowMs)) {
        yield [
          String(++seq),
          c.number,
          `${c.incidentNumber} ${c.incidentTitle}`,
          c.content,
          c.unitName,
          c.person,
          formatChinaDateTime(c.promisedAt),
          formatChinaDate(`${c.deadline}T00:00:00+08:00`),
          COMMITMENT_STATUS_LABELS[c.status],
          c.overdueWorkdays > 0 ? String(c.overdueWorkdays) : '',
          progressText(c, { overdueNote: false }),
          publicationText(c),
          c.check && c.check.by ? `${c.check.by}${c.check.at ? ` ${formatChinaDateTime(c.check.at)}` : ''}：${c.check.result}` : '',
        ];
      }
    }
  })();
  const { workbook, rows: count } = buildTableWorkbook({
    sheetName: '承诺督办', title: `${ctx.office}舆情回应承诺事项督办表`, office: ctx.office, nowMs: ctx.nowMs, columns: COMMITMENT_COLUMNS, rows,
  });
  await writeWorkbookFile(workbook, path);
  return { path, rows: count };
}
