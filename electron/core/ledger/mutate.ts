import type { Statement } from 'better-sqlite3';
import type { Db, WriteGuard } from '../db/open.js';
import type { Hlc } from '../sync/hlc.js';

export { cached } from './statements.js';
import { appendAudit } from './audit.js';
import { formerOwners, maintainDerived, refreshStale, type StaleDerived, staleDerived } from './derived.js';
import { knownNumbers, type KnownNumbers, storeOps } from './op-store.js';
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
  /** Set while a batch of writes runs (see writeBatch); never set by hand. */
  batch?: WriteBatch;
}

/**
 * What the mutations of one batch share: the work every mutation would otherwise repeat is done once, when the
 * batch ends, inside its transaction.
 */
export interface WriteBatch {
  /** False once the batch has ended: a context kept past its batch must not write into a finished one. */
  open: boolean;
  /** The newest stamp written in the batch, noted in `sites` once at the end (noteSeen keeps the maximum). */
  newest: string;
  /** Derived rows (search, similarity, category index, first responses) to rebuild once at the end. */
  stale: StaleDerived;
  /** The last incident number given per prefix (ledger/numbering.ts); forgotten when an attempt rolls back. */
  numbers: Map<string, number>;
  /** The newest audit entry written in the batch (ledger/audit.ts), so each entry need not read it back. */
  auditTail?: { seq: number; hash: string } | undefined;
  /** Site and row numbers of the operation store met so far (op-store.ts); forgotten when an attempt rolls back. */
  known: KnownNumbers;
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
 * Many mutations in one transaction (the Excel import, the demo fill, the bench build): each is still its own
 * `mutate` call with the same operations, stamps and audit entry as alone, but what they would each repeat is done
 * once for the batch — catching up with other writers at the start; noting the newest stamp seen and rebuilding the
 * derived rows of the incidents touched (each once, however many mutations touched it) at the end — and they open
 * no savepoint of their own. A mutation that throws inside a batch therefore fails the batch, or the `attempt` it
 * runs in. Nested calls join the batch already running.
 */
export function writeBatch<T>(ctx: LedgerContext, write: (batched: LedgerContext) => T): T {
  if (ctx.batch?.open) return write(ctx);
  return ctx.db.transaction(() => {
    catchUpWithOtherWriters(ctx);
    const batch: WriteBatch = { open: true, newest: '', stale: staleDerived(), numbers: new Map(), known: knownNumbers() };
    try {
      const result = write({ ...ctx, batch });
      ctx.guard.allow(() => {
        refreshStale(ctx.db, batch.stale);
        if (batch.newest !== '') noteSeen(ctx.db, ctx.site, batch.newest);
      });
      return result;
    } finally {
      batch.open = false;
    }
  })();
}

/**
 * A part of a batch that may fail on its own (one spreadsheet row): a savepoint, so a refusal rolls back this part
 * only and the batch goes on. Derived rows it marked stale are rebuilt from what stands at the end, the numbers it
 * gave are given again and its stamps are not noted as seen, so a part rolled back leaves nothing behind. Inside a batch, catch errors only around
 * an attempt.
 */
export function attempt<T>(ctx: LedgerContext, part: () => T): T {
  const newest = ctx.batch?.newest;
  const auditTail = ctx.batch?.auditTail;
  try {
    return ctx.db.transaction(part)();
  } catch (error) {
    if (ctx.batch && newest !== undefined) {
      ctx.batch.newest = newest; // the stamps rolled back were never written, so `sites` must not note them
      ctx.batch.numbers.clear();
      ctx.batch.auditTail = auditTail; // nor do the audit entries
      ctx.batch.known = knownNumbers(); // nor the rows the operation store numbered
    }
    throw error;
  }
}

/**
 * One change made of several steps (check, write, read back): its own transaction, or inside a batch a part of
 * the batch (no savepoint per change; see writeBatch).
 */
export function atomically<T>(ctx: LedgerContext, change: () => T): T {
  return ctx.batch?.open ? change() : ctx.db.transaction(change)();
}

/**
 * The one way the ledger changes: stamps each field as an operation, records the operations, applies them to the
 * tables and appends the audit entry — all in one transaction (nested calls join the caller's transaction; inside
 * a batch, see writeBatch).
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
  if (ctx.batch && !ctx.batch.open) throw new Error('a write batch was used after it ended'); // a programming error
  const batch = ctx.batch;
  return atomically(ctx, () => {
    if (!batch) catchUpWithOtherWriters(ctx);
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
    const newest = ops[ops.length - 1]!.hlc;
    ctx.guard.allow(() => {
      recordOps(ctx.db, ops, batch?.known);
      applyWinningOps(ctx.db, groupByRow(ops), batch?.stale);
      if (!batch) noteSeen(ctx.db, ctx.site, newest);
      else if (newest > batch.newest) batch.newest = newest;
      appendAudit(ctx, meta, ops);
    });
    return ops;
  });
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
export function recordOps(db: Db, ops: readonly Op[], known?: KnownNumbers): void {
  if (storeOps(db, ops, known).some((outcome) => outcome !== 'new')) throw new Error('a fresh stamp was already taken'); // a clock bug
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
 * fields. Table and column names come from LEDGER_TABLES only (checked by callers), never from input. Derived
 * rows are rebuilt at once, or, with `stale` (a batch's), marked for rebuilding when the batch ends.
 */
export function applyWinningOps(db: Db, rows: RowChanges, stale?: StaleDerived): void {
  const leftBy = formerOwners(db, rows.values());
  for (const { table, row, fields } of rows.values()) {
    const columns = [...fields.keys()];
    const values = columns.map((c) => toSqlValue(fields.get(c)!));
    upsertOf(db, table, columns).run(row, ...values);
  }
  maintainDerived(db, rows.values(), leftBy, stale);
}

const upserts = new WeakMap<Db, Map<string, Statement>>();

/** The upsert of some columns of a table, prepared once per connection (keyed without building its SQL). */
function upsertOf(db: Db, table: LedgerTable, columns: readonly string[]): Statement {
  let byKey = upserts.get(db);
  if (!byKey) upserts.set(db, (byKey = new Map<string, Statement>()));
  const key = `${table}:${columns.join(',')}`;
  let statement = byKey.get(key);
  if (!statement) {
    const sql =
      `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)}) ` +
      `ON CONFLICT(id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
    byKey.set(key, (statement = cached(db, sql)));
  }
  return statement;
}
