import type { z } from 'zod';
import type { Commitment } from '../../../shared/api/commitments.js';
import type { exportQuerySchema } from '../../../shared/api/excel.js';
import type { Response } from '../../../shared/api/responses.js';
import { formatChinaDate, formatChinaDateTime } from '../../../shared/china-time.js';
import {
  COMMITMENT_STATUS_LABELS,
  DISPOSITION_LABELS,
  KEY_TYPE_61_LABELS,
  PLATFORM_LABELS,
  RESPONSE_CHANNEL_LABELS,
  RESPONSE_METHOD_LABELS,
  SENTIMENT_LABELS,
  SEVERITY_INFO,
  STATUS_LABELS,
} from '../../../shared/domain.js';
import { type Incident, RESPONSE_TIMING_LABELS, ROW_FACT_COLUMNS, ROW_FACT_LABELS, type RowFactColumn, type RowFacts } from '../../../shared/schemas.js';
import type { Db } from '../db/open.js';
import { listCommitments } from '../ledger/commitments.js';
import { listIncidents } from '../ledger/incidents.js';
import { getCategories } from '../ledger/reference.js';
import { listResponses } from '../ledger/responses.js';
import { rowFactsOf } from '../ledger/row-facts.js';
import { cached } from '../ledger/statements.js';

// The 台账 as rows of text in the office's layout — what the .xlsx export and the printed table both show, and
// what the import reads back (numbered items inside a cell, times as `2026年11月28日 14:05`, 落实情况 and 公开情况
// in the forms cell-values.ts reads).

export type ExportQuery = z.output<typeof exportQuerySchema>;

export interface LedgerColumn {
  header: string;
  /** The group header over it (回应情况, 承诺事项), if any. */
  group?: string;
  width: number;
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: '序号', width: 6 },
  { header: '编号', width: 14 },
  { header: '标题', width: 28 },
  { header: '摘要', width: 36 },
  { header: '首发平台', width: 10 },
  { header: '原帖链接', width: 20 },
  { header: '首发时间', width: 18 },
  { header: '发现时间', width: 18 },
  { header: '登记人', width: 8 },
  { header: '涉事地域', width: 10 },
  { header: '涉事单位', width: 14 },
  { header: '敏感类别', width: 14 },
  { header: '61号重点回应类型', width: 16 },
  { header: '等级', width: 8 },
  { header: '情感倾向', width: 8 },
  { header: '牵头单位', width: 12 },
  { header: '配合单位', width: 16 },
  { header: '处置状态', width: 10 },
  { header: '领导批示', width: 20 },
  { header: '回应时间', group: '回应情况', width: 18 },
  { header: '回应方式', group: '回应情况', width: 12 },
  { header: '发布渠道', group: '回应情况', width: 10 },
  { header: '回应内容', group: '回应情况', width: 36 },
  { header: '回应单位', group: '回应情况', width: 12 },
  { header: '分类处置', group: '回应情况', width: 14 },
  { header: '回应链接', group: '回应情况', width: 20 },
  { header: '承诺内容', group: '承诺事项', width: 30 },
  { header: '责任单位', group: '承诺事项', width: 12 },
  { header: '责任人', group: '承诺事项', width: 8 },
  { header: '承诺时间', group: '承诺事项', width: 18 },
  { header: '承诺时限', group: '承诺事项', width: 14 },
  { header: '落实情况', group: '承诺事项', width: 30 },
  { header: '公开情况', group: '承诺事项', width: 30 },
];

/**
 * The group the 台账's own checks sit under, after the records' columns. They are computed (withRowFacts' row
 * facts), so the import reads this group as nothing: the records they follow from come in their own columns.
 */
export const CHECK_GROUP = '台账核查';

const CHECK_WIDTHS: Record<RowFactColumn, number> = { firstResponseAt: 18, responseTiming: 9, commitmentCount: 7, overdueCommitments: 8 };

/** The export's columns: the records' columns, then the chosen 台账核查 columns (all when none were chosen). */
export function ledgerColumns(checks: readonly RowFactColumn[] = ROW_FACT_COLUMNS): LedgerColumn[] {
  const chosen = ROW_FACT_COLUMNS.filter((id) => checks.includes(id));
  return [...LEDGER_COLUMNS, ...chosen.map((id) => ({ header: ROW_FACT_LABELS[id], group: CHECK_GROUP, width: CHECK_WIDTHS[id] }))];
}

/** One 台账核查 cell as the 台账 shows it: counts as numbers, so a spreadsheet can sum them. */
export function checkCell(facts: RowFacts, id: RowFactColumn): string | number {
  switch (id) {
    case 'firstResponseAt':
      return facts.firstResponseAt ? formatChinaDateTime(facts.firstResponseAt) : '未回应';
    case 'responseTiming':
      return facts.responseTiming ? RESPONSE_TIMING_LABELS[facts.responseTiming] : '';
    case 'commitmentCount':
      return facts.commitmentCount;
    case 'overdueCommitments':
      return facts.overdueCommitments;
  }
}

/** Every incident the ledger view's filters and search select, in its order (pages of 1000). */
export function* incidentsOf(db: Db, query: ExportQuery): Generator<Incident> {
  for (let offset = 0; ; offset += 1000) {
    const page = listIncidents(db, { ...query, offset, limit: 1000 });
    yield* page.rows;
    if (page.rows.length < 1000) return;
  }
}

/** `1. …\n2. …` for several items, the item alone for one. */
const numbered = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : items.map((item, i) => `${i + 1}. ${item}`).join('\n'));
const time = (iso: string | null) => (iso ? formatChinaDateTime(iso) : '');

/**
 * 落实情况 as an office writes it, and as the import reads it back: the recorded status word first (read back
 * exactly), then what it came to. A commitment past its deadline says so where its reader looks, in 落实情况 itself:
 * `推进中（已逾期3个工作日）：已约谈企业`, and one never started reads 未开始 rather than the contradictory 未到期.
 * `overdueNote: false` leaves the bracket out where the table has its own 状态 and 逾期工作日 columns (承诺督办表).
 */
export function progressText(c: Commitment, { overdueNote = true }: { overdueNote?: boolean } = {}): string {
  const label = COMMITMENT_STATUS_LABELS[c.recordedStatus];
  if (c.recordedStatus === 'fulfilled') return `${label}${c.fulfilledAt ? `（${time(c.fulfilledAt)}）` : ''}${c.evidence ? `：${c.evidence}` : ''}`;
  if (c.recordedStatus === 'unfulfillable') return `${label}${c.statusReason ? `：${c.statusReason}` : ''}`;
  const overdue = c.status === 'overdue';
  // 未开始 is the import's word for the same recorded status (shared/input/coded-values.ts), so it reads back as 未到期.
  const word = overdue && c.recordedStatus === 'pending' ? '未开始' : label;
  const note = overdue && overdueNote ? (c.overdueWorkdays > 0 ? `（已逾期${c.overdueWorkdays}个工作日）` : '（已逾期）') : '';
  return `${word}${note}${c.evidence ? `：${c.evidence}` : ''}`;
}

export function publicationText(c: Commitment): string {
  const p = c.publication;
  if (p.state === 'published') {
    return `已公开：${p.channel ? RESPONSE_CHANNEL_LABELS[p.channel] : '其他'} ${time(p.at)}${p.url ? ` ${p.url}` : ''}`.trim();
  }
  return p.state === 'not_published' ? `未公开：${p.note}` : '';
}

export interface Names {
  unit: (id: string | null) => string;
  township: (id: string | null) => string;
  category: (code: string) => string;
}

export function namesOf(db: Db): Names {
  const units = new Map((cached(db, 'SELECT id, name FROM units').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  const townships = new Map((cached(db, 'SELECT id, name FROM townships').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  const categories = new Map(getCategories(db).map((c) => [c.code, c.name]));
  return {
    unit: (id) => (id === null ? '' : (units.get(id) ?? '')),
    township: (id) => (id === null ? '' : (townships.get(id) ?? '')),
    category: (code) => categories.get(code) ?? code,
  };
}

/** One incident as the 台账's row of cells (`ledgerColumns(checks)` order). */
export function ledgerRow(
  db: Db,
  incident: Incident,
  seq: number,
  names: Names,
  nowMs: number,
  checks: readonly RowFactColumn[] = ROW_FACT_COLUMNS,
): (string | number)[] {
  const responses: Response[] = listResponses(db, incident.id);
  const commitments = listCommitments(db, incident.id, nowMs);
  const status = incident.status === 'no_response' && incident.statusReason ? `${STATUS_LABELS.no_response}（${incident.statusReason}）` : STATUS_LABELS[incident.status];
  return [
    String(seq),
    incident.number,
    incident.title,
    incident.summary,
    PLATFORM_LABELS[incident.platform],
    incident.url,
    time(incident.firstSeenAt),
    time(incident.foundAt),
    incident.registrar,
    names.township(incident.townshipId),
    incident.involvedUnit,
    incident.categories.map(names.category).join('、'),
    incident.keyType61 ? KEY_TYPE_61_LABELS[incident.keyType61] : '',
    SEVERITY_INFO[incident.severity].label,
    SENTIMENT_LABELS[incident.sentiment],
    names.unit(incident.leadUnitId),
    incident.coUnitIds.map((id) => names.unit(id)).join('、'),
    status,
    incident.leaderInstruction,
    numbered(responses.map((r) => time(r.at))),
    numbered(responses.map((r) => RESPONSE_METHOD_LABELS[r.method])),
    numbered(responses.map((r) => RESPONSE_CHANNEL_LABELS[r.channel])),
    numbered(responses.map((r) => r.content)),
    numbered(responses.map((r) => names.unit(r.unitId))),
    numbered(responses.map((r) => (r.disposition ? DISPOSITION_LABELS[r.disposition] : ''))),
    numbered(responses.map((r) => r.url)),
    numbered(commitments.map((c) => c.content)),
    numbered(commitments.map((c) => c.unitName)),
    numbered(commitments.map((c) => c.person)),
    numbered(commitments.map((c) => time(c.promisedAt))),
    numbered(commitments.map((c) => formatChinaDate(`${c.deadline}T00:00:00+08:00`))),
    numbered(commitments.map((c) => progressText(c))),
    numbered(commitments.map(publicationText)),
    ...checkCells(db, incident.id, nowMs, checks),
  ];
}

function checkCells(db: Db, incidentId: string, nowMs: number, checks: readonly RowFactColumn[]): (string | number)[] {
  const chosen = ROW_FACT_COLUMNS.filter((id) => checks.includes(id));
  if (chosen.length === 0) return [];
  const facts = rowFactsOf(db, incidentId, nowMs);
  return chosen.map((id) => checkCell(facts, id));
}
