import { LedgerError } from '../../../shared/errors.js';
import type { Conflict } from '../../../shared/sync-schemas.js';
import type { Db } from '../db/open.js';
import { type LedgerContext, mutate } from '../ledger/mutate.js';
import { valueMeansSomething } from '../ledger/field-rules.js';
import { newestStampOf } from '../ledger/op-store.js';
import { fieldTypeOf, type FieldValue, isLedgerTable, valueFits } from '../ledger/tables.js';
import { parseHlc } from './hlc.js';
import { columnLabel, rowLabel } from './labels.js';

// Concurrent edits settled by last-writer-wins are listed here for a person to review. "Keep the other value"
// writes the losing value again as a new edit — an ordinary operation that wins now and syncs to every peer —
// rather than rewriting history.

interface ConflictRow {
  id: number;
  kind: 'field' | 'number';
  at: string;
  tbl: string;
  row: string;
  col: string;
  winner_hlc: string;
  winner_value: string;
  loser_hlc: string;
  loser_value: string;
  status: Conflict['status'];
  resolved_at: string | null;
}

function toConflict(db: Db, r: ConflictRow): Conflict {
  return {
    id: r.id,
    kind: r.kind,
    at: r.at,
    table: r.tbl,
    rowId: r.row,
    rowLabel: rowLabel(db, r.tbl, r.row),
    column: r.col,
    columnLabel: columnLabel(r.col),
    winnerValue: JSON.parse(r.winner_value) as unknown,
    winnerSite: parseHlc(r.winner_hlc)?.site ?? '',
    loserValue: JSON.parse(r.loser_value) as unknown,
    loserSite: parseHlc(r.loser_hlc)?.site ?? '',
    status: r.status,
    resolvedAt: r.resolved_at,
  };
}

export function listConflicts(db: Db, options: { openOnly: boolean; limit: number }): Conflict[] {
  const rows = db
    .prepare(`SELECT * FROM conflicts ${options.openOnly ? "WHERE status = 'open'" : ''} ORDER BY id DESC LIMIT ?`)
    .all(options.limit) as ConflictRow[];
  return rows.map((r) => toConflict(db, r));
}

function getConflict(db: Db, id: number): ConflictRow {
  const row = db.prepare('SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
  if (!row) throw new LedgerError('not_found', `找不到第 ${id} 号冲突`);
  return row;
}

/** The person accepts the value that won. */
export function acceptConflict(ctx: LedgerContext, id: number): Conflict {
  getConflict(ctx.db, id);
  ctx.db.prepare("UPDATE conflicts SET status = 'accepted', resolved_at = ? WHERE id = ? AND status = 'open'").run(
    new Date(ctx.now()).toISOString(),
    id,
  );
  return toConflict(ctx.db, getConflict(ctx.db, id));
}

/** Writes the losing value back as a new edit, provided nobody changed the field since. */
export function keepOtherValue(ctx: LedgerContext, id: number): Conflict {
  const { db } = ctx;
  return db.transaction(() => {
    const c = getConflict(db, id);
    if (c.kind === 'number') {
      throw new LedgerError('invalid_input', '编号冲突不能改回原编号（该编号已属于另一事件）；如需调整，请直接修改事件');
    }
    if (c.status === 'kept_other') throw new LedgerError('invalid_input', '已保留过另一值');
    const type = fieldTypeOf(c.tbl, c.col);
    const value = JSON.parse(c.loser_value) as unknown;
    if (!isLedgerTable(c.tbl) || type === undefined || !valueFits(type, value) || !valueMeansSomething(c.tbl, c.col, value)) {
      throw new LedgerError('internal', '冲突记录无效');
    }
    const current = { hlc: newestStampOf(db, c.tbl, c.row, c.col) ?? null };
    const at = new Date(ctx.now()).toISOString();
    if (current.hlc !== c.winner_hlc) {
      throw new LedgerError('conflict', '该字段在冲突之后又被修改过，已不宜直接改回；请打开记录直接编辑');
    }
    const fields: Record<string, FieldValue> = { [c.col]: value };
    if (c.tbl === 'incidents' && c.col !== 'updated_at') fields.updated_at = at;
    mutate(
      ctx,
      {
        action: 'keep-other',
        entity: c.tbl,
        entityId: c.row,
        summary: `同步冲突第 ${id} 号：${rowLabel(db, c.tbl, c.row)} 的${columnLabel(c.col)}改用另一工作站的值`,
      },
      [{ table: c.tbl, row: c.row, fields }],
    );
    db.prepare("UPDATE conflicts SET status = 'kept_other', resolved_at = ? WHERE id = ?").run(at, id);
    return toConflict(db, getConflict(db, id));
  })();
}
