import type { Db } from '../db/open.js';
import { formatHlc, parseHlc } from '../sync/hlc.js';
import type { Op } from './mutate.js';
import { cached } from './statements.js';
import { inPrunedRange } from './prune-markers.js';
import { isStatusOp, recordStatusHistory } from './status-history.js';
import { type FieldType, type FieldValue, fieldTypeOf } from './tables.js';

// How operations are stored (migration 9): one narrow row per operation in `op_log`, keyed by (site number, clock
// as an integer), pointing at a row number and a field number, with the value in its SQLite type. Text keys (site
// id, table, row id, column) are stored once each in `op_sites`, `op_rows` and `op_fields`. Everything outside this
// file sees operations in their logical shape — `Op`, with the stamp as the sortable string of sync/hlc.ts — so the
// wire format, the audit digests and the view `ops` (for reading by hand and in tests) are what they always were.

/** Stored field type: the ledger's own field types, or 'json' for a field this version does not know. */
type StoredType = FieldType | 'json';

/** The clock as one integer that sorts like the stamp's time and counter: millis * 65536 + counter. */
export function clockOf(millis: number, counter: number): bigint {
  return BigInt(millis) * 65536n + BigInt(counter);
}

function clockOfStamp(stamp: string): { clock: bigint; site: string } {
  const parts = parseHlc(stamp);
  if (!parts) throw new Error(`invalid clock stamp ${stamp}`); // stamps are checked before they get here
  return { clock: clockOf(parts.millis, parts.counter), site: parts.site };
}

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Milliseconds of a text that is exactly `Date#toISOString()` of them (times, most of the ledger's text values). */
function isoMillis(text: string): number | undefined {
  if (text === lastIso.text) return lastIso.millis; // a mutation writes its created_at / updated_at time many times
  if (!ISO_MILLIS.test(text)) return undefined;
  const parsed = Date.parse(text);
  const millis = parsed >= 0 && new Date(parsed).toISOString() === text ? parsed : undefined;
  lastIso = { text, millis };
  return millis;
}

let lastIso: { text: string; millis: number | undefined } = { text: '', millis: undefined };

const isText = (type: StoredType) => type === 'text' || type === 'text?';

/**
 * The value as stored: booleans and whole numbers as integers, lists as JSON text, text as text — except a time
 * in a text field, stored as its milliseconds (a text field never holds a number, so an integer there is a time).
 */
export function encodeValue(type: StoredType, value: FieldValue): string | bigint | number | null {
  if (type === 'json' || Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && isText(type)) {
    const millis = isoMillis(value);
    if (millis !== undefined) return BigInt(millis);
  }
  return value as string | number | null;
}

export function decodeValue(type: StoredType, stored: unknown): FieldValue {
  switch (type) {
    case 'bool':
      return stored === 1;
    case 'json-strings':
    case 'json':
      return JSON.parse(stored as string) as FieldValue;
    case 'text':
    case 'text?':
      return typeof stored === 'number' ? new Date(stored).toISOString() : (stored as string | null);
    default:
      return stored as FieldValue;
  }
}

interface FieldInfo {
  id: number;
  tbl: string;
  col: string;
  type: StoredType;
}

// Field numbers of the ledger's own fields never change once migration 9 (or a later one adding a field) has
// written them, so they are cached per connection. A field only a newer peer knows is looked up every time: its
// row may be written in a transaction that rolls back.
const knownFields = new WeakMap<Db, { byName: Map<string, FieldInfo>; byId: Map<number, FieldInfo> }>();

function fieldCache(db: Db) {
  let cache = knownFields.get(db);
  if (!cache) {
    cache = { byName: new Map(), byId: new Map() };
    for (const f of db.prepare('SELECT id, tbl, col, type FROM op_fields').all() as FieldInfo[]) {
      if (fieldTypeOf(f.tbl, f.col) === f.type) {
        cache.byName.set(`${f.tbl}.${f.col}`, f);
        cache.byId.set(f.id, f);
      }
    }
    knownFields.set(db, cache);
  }
  return cache;
}

function fieldOf(db: Db, tbl: string, col: string, create: boolean): FieldInfo | undefined {
  const hit = fieldCache(db).byName.get(`${tbl}.${col}`);
  if (hit) return hit;
  const found = cached(db, 'SELECT id, tbl, col, type FROM op_fields WHERE tbl = ? AND col = ?').get(tbl, col) as FieldInfo | undefined;
  if (found || !create) return found;
  const type: StoredType = fieldTypeOf(tbl, col) ?? 'json';
  const id = Number(cached(db, 'INSERT INTO op_fields (tbl, col, type) VALUES (?, ?, ?)').run(tbl, col, type).lastInsertRowid);
  return { id, tbl, col, type };
}

function fieldById(db: Db, id: number): FieldInfo {
  const hit = fieldCache(db).byId.get(id);
  if (hit) return hit;
  return cached(db, 'SELECT id, tbl, col, type FROM op_fields WHERE id = ?').get(id) as FieldInfo;
}

export function siteNumber(db: Db, site: string, create: boolean): number | undefined {
  const found = cached(db, 'SELECT id FROM op_sites WHERE site = ?').pluck().get(site) as number | undefined;
  if (found !== undefined || !create) return found;
  return Number(cached(db, 'INSERT INTO op_sites (site) VALUES (?)').run(site).lastInsertRowid);
}

function rowNumber(db: Db, tbl: string, row: string, create: boolean): number | undefined {
  const found = cached(db, 'SELECT id FROM op_rows WHERE row = ? AND tbl = ?').pluck().get(row, tbl) as number | undefined;
  if (found !== undefined || !create) return found;
  return Number(cached(db, 'INSERT INTO op_rows (tbl, row) VALUES (?, ?)').run(tbl, row).lastInsertRowid);
}

/**
 * Numbers of sites and rows already met, kept across the mutations of a write batch (ledger/mutate.ts writeBatch):
 * valid only inside its transaction, and forgotten when an attempt within it rolls back.
 */
export interface KnownNumbers {
  sites: Map<string, number>;
  rows: Map<string, number>;
}

export const knownNumbers = (): KnownNumbers => ({ sites: new Map(), rows: new Map() });

/** Numbers of sites and rows met within one batch of writes (valid only inside the caller's transaction). */
function batchNumbers(db: Db, known: KnownNumbers) {
  const { sites, rows } = known;
  return {
    site: (site: string) => {
      let n = sites.get(site);
      if (n === undefined) sites.set(site, (n = siteNumber(db, site, true)!));
      return n;
    },
    row: (tbl: string, row: string) => {
      const key = `${tbl}\u0000${row}`;
      let n = rows.get(key);
      if (n === undefined) rows.set(key, (n = rowNumber(db, tbl, row, true)!));
      return n;
    },
  };
}

const INSERT_OP = 'INSERT INTO op_log (site, hlc, row, field, value) VALUES (?, ?, ?, ?, ?) ON CONFLICT (site, hlc) DO NOTHING';

/**
 * Records operations; returns, for each, whether it was new ('new'), already held exactly ('same'), or held with
 * different content under the same stamp ('different': a stamp names one operation forever).
 */
export function storeOps(db: Db, ops: readonly Op[], known: KnownNumbers = knownNumbers()): ('new' | 'same' | 'different')[] {
  const numbers = batchNumbers(db, known);
  const insert = cached(db, INSERT_OP);
  const statusMoves: { site: number; clock: bigint }[] = [];
  const wasPruned = prunedHere(db);
  const outcomes = ops.map((op): 'new' | 'same' | 'different' => {
    const { clock, site } = clockOfStamp(op.hlc);
    const field = fieldOf(db, op.tbl, op.col, true)!;
    const siteN = numbers.site(site);
    const rowN = numbers.row(op.tbl, op.row);
    const value = encodeValue(field.type, op.value);
    if (wasPruned(siteN, clock)) return 'same';
    if (insert.run(siteN, clock, rowN, field.id, value).changes === 1) {
      if (isStatusOp(op)) statusMoves.push({ site: siteN, clock });
      return 'new';
    }
    const had = cached(db, 'SELECT row, field, value FROM op_log WHERE site = ? AND hlc = ?').get(siteN, clock) as {
      row: number;
      field: number;
      value: unknown;
    };
    const same = had.row === rowN && had.field === field.id && JSON.stringify(decodeValue(field.type, had.value)) === JSON.stringify(op.value);
    return same ? 'same' : 'different';
  });
  // The status history (migration 18) reads the move's reason and updated_at from the batch just stored.
  recordStatusHistory(db, statusMoves);
  return outcomes;
}

/**
 * Whether an operation was held here and pruned as superseded (ledger/prune.ts): it lies inside a pruned audit
 * entry's range, all of whose operations were stored here when it was pruned, and is no longer stored.
 */
function prunedHere(db: Db): (site: number, clock: bigint) => boolean {
  if (!cached(db, 'SELECT 1 FROM op_prunes LIMIT 1').get()) return () => false;
  const stored = cached(db, 'SELECT 1 FROM op_log WHERE site = ? AND hlc = ?');
  return (site, clock) => inPrunedRange(db, site, clock) && !stored.get(site, clock);
}

/** Whether this ledger holds the operation with this stamp, or held it and pruned it as superseded. */
export function heldOrPruned(db: Db, stamp: string): boolean {
  if (opAt(db, stamp)) return true;
  const parts = parseHlc(stamp);
  const siteN = parts && siteNumber(db, parts.site, false);
  return parts !== undefined && siteN !== undefined && prunedHere(db)(siteN, clockOf(parts.millis, parts.counter));
}

const OP_COLUMNS = `o.hlc >> 16 AS millis, o.hlc & 65535 AS counter, s.site AS site, r.tbl AS tbl, r.row AS row, o.field AS field, o.value AS value`;
const OP_JOINS = 'JOIN op_sites s ON s.id = o.site JOIN op_rows r ON r.id = o.row';

interface StoredRow {
  millis: number;
  counter: number;
  site: string;
  tbl: string;
  row: string;
  field: number;
  value: unknown;
}

function toOp(db: Db, r: StoredRow): Op {
  const field = fieldById(db, r.field);
  return {
    hlc: formatHlc({ millis: r.millis, counter: r.counter, site: r.site }),
    site: r.site,
    tbl: r.tbl as Op['tbl'],
    row: r.row,
    col: field.col,
    value: decodeValue(field.type, r.value),
  };
}

/** The operation with this stamp, if this ledger holds it. */
export function opAt(db: Db, stamp: string): Op | undefined {
  const parts = parseHlc(stamp);
  if (!parts) return undefined;
  const siteN = siteNumber(db, parts.site, false);
  if (siteN === undefined) return undefined;
  const r = cached(db, `SELECT ${OP_COLUMNS} FROM op_log o ${OP_JOINS} WHERE o.site = ? AND o.hlc = ?`).get(
    siteN,
    clockOf(parts.millis, parts.counter),
  ) as StoredRow | undefined;
  return r && toOp(db, r);
}

/**
 * `site`'s stored operations stamped from `firstHlc` to `lastHlc`, in stamp order: what an audit entry sealed,
 * besides any held aside (ledger/audit.ts opsOfEntry).
 */
export function storedOpsBetween(db: Db, site: string, firstHlc: string, lastHlc: string): Op[] {
  const first = parseHlc(firstHlc);
  const last = parseHlc(lastHlc);
  const siteN = siteNumber(db, site, false);
  if (!first || !last || siteN === undefined) return [];
  const rows = cached(db, `SELECT ${OP_COLUMNS} FROM op_log o ${OP_JOINS} WHERE o.site = ? AND o.hlc BETWEEN ? AND ? ORDER BY o.hlc`).all(
    siteN,
    clockOf(first.millis, first.counter),
    clockOf(last.millis, last.counter),
  ) as StoredRow[];
  return rows.map((r) => toOp(db, r));
}

/** Every operation on one row, in stamp order (ties between sites broken by site id, as stamps sort). */
export function opsOfRow(db: Db, tbl: string, row: string): Op[] {
  const rowN = rowNumber(db, tbl, row, false);
  if (rowN === undefined) return [];
  const rows = cached(db, `SELECT ${OP_COLUMNS} FROM op_log o ${OP_JOINS} WHERE o.row = ? ORDER BY o.hlc, s.site`).all(rowN) as StoredRow[];
  return rows.map((r) => toOp(db, r));
}

/** Each field's winning operation on one row (highest stamp). */
export function winnersOfRow(db: Db, tbl: string, row: string): Map<string, Op> {
  const winners = new Map<string, Op>();
  for (const op of opsOfRow(db, tbl, row)) winners.set(op.col, op);
  return winners;
}

/** Operations as bundles carry them: [stamp, table, row, column, value as JSON]. */
export type OpTuple = [string, string, string, string, string];

const toTuple = (op: Op): OpTuple => [op.hlc, op.tbl, op.row, op.col, JSON.stringify(op.value)];

/** `site`'s operations stamped after `after` ('' = all), in stamp order. */
export function opsOfSiteAfter(db: Db, site: string, after: string): OpTuple[] {
  const siteN = siteNumber(db, site, false);
  if (siteN === undefined) return [];
  const from = after === '' ? undefined : parseHlc(after);
  const low = from ? clockOf(from.millis, from.counter) : -1n;
  const rows = cached(db, `SELECT ${OP_COLUMNS} FROM op_log o ${OP_JOINS} WHERE o.site = ? AND o.hlc > ? ORDER BY o.hlc`).all(
    siteN,
    low,
  ) as StoredRow[];
  return rows.map((r) => toTuple(toOp(db, r)));
}

/** The same, one at a time: a bundle of any size is written without holding every operation (sync/export.ts). */
export function* eachOpOfSiteAfter(db: Db, site: string, after: string): Generator<OpTuple> {
  const siteN = siteNumber(db, site, false);
  if (siteN === undefined) return;
  const from = after === '' ? undefined : parseHlc(after);
  const low = from ? clockOf(from.millis, from.counter) : -1n;
  // Its own statement, not the cached one: the caller may read other operations while this one is open.
  const rows = db.prepare(`SELECT ${OP_COLUMNS} FROM op_log o ${OP_JOINS} WHERE o.site = ? AND o.hlc > ? ORDER BY o.hlc`).iterate(siteN, low);
  for (const r of rows as IterableIterator<StoredRow>) yield toTuple(toOp(db, r));
}

/** Every operation, in stamp order. */
export function allOps(db: Db): OpTuple[] {
  const sites = cached(db, 'SELECT site FROM op_sites').pluck().all() as string[];
  const all = sites.flatMap((site) => opsOfSiteAfter(db, site, ''));
  return all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The stored clock integer of a stamp's time, for comparing stored operations with an ISO time in SQL. */
export function clockAtIso(iso: string): bigint {
  return clockOf(Date.parse(iso), 0);
}

/** The stamp of a field's winning operation (the highest), if any operation wrote it. */
export function newestStampOf(db: Db, tbl: string, row: string, col: string): string | undefined {
  const rowN = rowNumber(db, tbl, row, false);
  const field = fieldOf(db, tbl, col, false);
  if (rowN === undefined || field === undefined) return undefined;
  const r = cached(
    db,
    `SELECT o.hlc >> 16 AS millis, o.hlc & 65535 AS counter, s.site AS site FROM op_log o JOIN op_sites s ON s.id = o.site
     WHERE o.row = ? AND o.field = ? ORDER BY o.hlc DESC, s.site DESC LIMIT 1`,
  ).get(rowN, field.id) as { millis: number; counter: number; site: string } | undefined;
  return r && formatHlc(r);
}

/** How many operations of `site` this ledger has stored (applied ones; held ones are counted where they are kept). */
export function storedOpCountOf(db: Db, site: string): number {
  const siteN = siteNumber(db, site, false);
  return siteN === undefined ? 0 : (cached(db, 'SELECT count(*) FROM op_log WHERE site = ?').pluck().get(siteN) as number);
}
