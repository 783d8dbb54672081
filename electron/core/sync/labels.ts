import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { isLedgerTable } from '../ledger/tables.js';
import { COLUMN_LABELS, TABLE_LABELS } from '../../../shared/field-labels.js';

// What a person recognises in a conflict list: the incident's number and title rather than its id, and the
// field's Chinese name rather than its column.


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
