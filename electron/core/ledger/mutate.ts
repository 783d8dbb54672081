import type { Db, WriteGuard } from '../db/open.js';
import type { Hlc } from '../sync/hlc.js';

export { cached } from './statements.js';
import { appendAudit } from './audit.js';
import { formerOwners, maintainDerived } from './derived.js';
import { storeOps } from './op-store.js';
import { cached } from './statements.js';
import { type Catalogue, fieldTypeIn, LEDGER_TABLES, type FieldValue, type LedgerTable, toSqlValue } from './tables.js';

/** Everything the core needs to change the ledger; paths, clock and identity are passed in, never looked up. */
export interface LedgerContext {
  db: Db;
  guard: WriteGuard;
  hlc: Hlc;
  site: string;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now: () => number;
  /** Who is working at this workstation, for the audit log. */
  actor: string;
  /** The member of staff chosen at the keyboard (ledger/staff.ts), if any: 登记人 and 跟进人 default to them. */
  staff?: string;
  /** The synced tables this version knows; LEDGER_TABLES unless a test builds another version. */
  catalogue?: Catalogue;
}

export const catalogueOf = (ctx: Pick<LedgerContext, 'catalogue'>): Catalogue => ctx.catalogue ?? LEDGER_TABLES;

/** New values for some fields of one row. */
export interface Change {
  table: LedgerTable;
  row: string;
  fields: Readonly<Record<string, FieldValue>>;
}

export interface MutationMeta {
  action: string;
  entity: string;
  entityId: string;
  /** One line a person reads in the audit log, e.g. `登记 YQ-2026-0042 县城供暖不热`. */
  summary: string;
}

/** A stamped field-level operation, the unit of sync. */
export interface Op {
  hlc: string;
  site: string;
  tbl: LedgerTable;
  row: string;
  col: string;
  value: FieldValue;
}

/**
 * The one way the ledger changes: stamps each field as an operation, records the operations, applies them to the
 * tables and appends the audit entry — all in one transaction (nested calls join the caller's transaction).
 */
export function mutate(ctx: LedgerContext, meta: MutationMeta, changes: readonly Change[]): Op[] {
  return mutateStamped(ctx, meta, changes, () => ctx.hlc.next());
}

/**
 * The same path with the stamps chosen by `stamp` — for seed data, whose operations must carry the same stamps
 * on every workstation (see seed.ts). Stamps must be unique and belong to `ctx.site`.
 */
export function mutateStamped(
  ctx: LedgerContext,
  meta: MutationMeta,
  changes: readonly Change[],
  stamp: (op: Omit<Op, 'hlc' | 'site'>) => string,
): Op[] {
  return ctx.db.transaction(() => {
    catchUpWithOtherWriters(ctx);
    const ops: Op[] = [];
    for (const change of changes) {
      for (const [col, value] of Object.entries(change.fields)) {
        if (fieldTypeIn(catalogueOf(ctx), change.table, col) === undefined) {
          throw new Error(`unknown field ${change.table}.${col}`); // a programming error, not user input
        }
        const op = { tbl: change.table, row: change.row, col, value };
        ops.push({ hlc: stamp(op), site: ctx.site, ...op });
      }
    }
    if (ops.length === 0) return ops;
    ops.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    ctx.guard.allow(() => {
      recordOps(ctx.db, ops);
      applyWinningOps(ctx.db, groupByRow(ops));
      noteSeen(ctx.db, ctx.site, ops[ops.length - 1]!.hlc);
      appendAudit(ctx, meta, ops);
    });
    return ops;
  })();
}

/**
 * Another process may have written to this ledger since our clock last looked (the app and a scheduled `yq`
 * share one file): inside the write transaction, move past the newest stamp of this site, so no two processes
 * issue one stamp.
 */
function catchUpWithOtherWriters(ctx: LedgerContext): void {
  const stored = cached(ctx.db, 'SELECT max_hlc FROM sites WHERE site = ?').get(ctx.site) as { max_hlc: string } | undefined;
  if (stored) ctx.hlc.observe(stored.max_hlc);
}

/** Records freshly stamped local operations (see op-store.ts for how they are stored). */
export function recordOps(db: Db, ops: readonly Op[]): void {
  if (storeOps(db, ops).some((outcome) => outcome !== 'new')) throw new Error('a fresh stamp was already taken'); // a clock bug
}

export function noteSeen(db: Db, site: string, hlc: string): void {
  cached(
    db,
    `INSERT INTO sites (site, max_hlc) VALUES (?, ?)
     ON CONFLICT(site) DO UPDATE SET max_hlc = max(max_hlc, excluded.max_hlc)`,
  ).run(site, hlc);
}

type RowChanges = Map<string, { table: LedgerTable; row: string; fields: Map<string, FieldValue> }>;

/** Later operations on the same field win within a batch (ops arrive in stamp order). */
export function groupByRow(ops: readonly Op[]): RowChanges {
  const rows: RowChanges = new Map();
  for (const op of ops) {
    const key = `${op.tbl}\u0000${op.row}`;
    let entry = rows.get(key);
    if (!entry) rows.set(key, (entry = { table: op.tbl, row: op.row, fields: new Map() }));
    entry.fields.set(op.col, op.value);
  }
  return rows;
}

/**
 * Writes the winning value of each field: one upsert per row, so a row may be born from any subset of its
 * fields. Table and column names come from LEDGER_TABLES only (checked by callers), never from input.
 */
export function applyWinningOps(db: Db, rows: RowChanges): void {
  const leftBy = formerOwners(db, rows.values());
  for (const { table, row, fields } of rows.values()) {
    const columns = [...fields.keys()];
    const sql =
      `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)}) ` +
      `ON CONFLICT(id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
    cached(db, sql).run(row, ...columns.map((c) => toSqlValue(fields.get(c)!)));
  }
  maintainDerived(db, rows.values(), leftBy);
}
