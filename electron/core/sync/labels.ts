import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { isLedgerTable } from '../ledger/tables.js';

// What a person recognises in a conflict list: the incident's number and title rather than its id, and the
// field's Chinese name rather than its column.

const TABLE_LABELS: Record<string, string> = {
  incidents: '舆情事件',
  responses: '回应',
  attachments: '附件',
  categories: '敏感类别',
  units: '单位',
  townships: '乡镇街道',
  response_rules: '回应时限',
  saved_views: '保存的视图',
};

const COLUMN_LABELS: Record<string, string> = {
  number: '编号',
  title: '标题',
  summary: '摘要',
  platform: '首发平台',
  url: '原帖链接',
  first_seen_at: '首发时间',
  found_at: '发现时间',
  registrar: '登记人',
  township_id: '涉事地域',
  involved_unit: '涉事单位',
  categories: '敏感类别',
  key_type_61: '61号重点回应类型',
  severity: '等级',
  sentiment: '情感倾向',
  lead_unit_id: '牵头单位',
  co_unit_ids: '配合单位',
  status: '处置状态',
  status_reason: '状态说明',
  leader_instruction: '领导批示',
  created_at: '登记时间',
  updated_at: '修改时间',
  deleted: '删除',
  name: '名称',
  short: '简称',
  color: '颜色',
  keywords: '关键词',
  active: '启用',
  sort_order: '排序',
  kind: '类型',
  content: '内容',
  method: '方式',
  channel: '渠道',
  at: '时间',
  info_hours: '权威信息时限',
  press_hours: '发布会时限',
  response_hours: '回应时限',
};

export const columnLabel = (column: string) => COLUMN_LABELS[column] ?? column;

export function rowLabel(db: Db, table: string, row: string): string {
  if (!isLedgerTable(table)) return row;
  if (table === 'incidents') {
    const r = cached(db, 'SELECT number, title FROM incidents WHERE id = ?').get(row) as { number: string; title: string } | undefined;
    return r ? `${r.number} ${r.title}`.trim() : row;
  }
  if (table === 'categories' || table === 'units' || table === 'townships' || table === 'saved_views') {
    const r = cached(db, `SELECT name FROM ${table} WHERE id = ?`).get(row) as { name: string } | undefined;
    return `${TABLE_LABELS[table]}：${r?.name ?? row}`;
  }
  return `${TABLE_LABELS[table] ?? table}：${row}`;
}
