import type { QuarantinedOp } from '../../../shared/sync-schemas.js';
import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import type { FieldValue, LedgerTable } from '../ledger/tables.js';
import { parseHlc } from './hlc.js';
import type { WireOp } from './payload.js';

// Operations stamped more than the allowed drift ahead of this workstation's clock. Applying them would drag our
// clock (and, through our next bundles, every peer's) into the future, so they wait here — validated, but not
// applied and not counted in our version vector. Each import looks again and takes in those whose time has come.

export function quarantine(db: Db, ops: readonly WireOp[], bundleId: string, at: string): void {
  const insert = cached(
    db,
    `INSERT INTO quarantine (hlc, site, tbl, row, col, value, bundle_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(hlc) DO NOTHING`,
  );
  for (const op of ops) insert.run(op.hlc, op.site, op.tbl, op.row, op.col, JSON.stringify(op.value), bundleId, at);
}

interface Row {
  hlc: string;
  site: string;
  tbl: LedgerTable; // validated before it was stored
  row: string;
  col: string;
  value: string;
  bundle_id: string;
  received_at: string;
}

/** Removes and returns the held operations that are no longer too far ahead. */
export function releaseQuarantine(db: Db, nowMs: number, maxDriftMs: number): WireOp[] {
  const limit = new Date(nowMs + maxDriftMs + 1).toISOString();
  // Stamps sort by time, so "not too far ahead" is a range on the key.
  const rows = cached(db, 'SELECT hlc, site, tbl, row, col, value FROM quarantine WHERE hlc < ? ORDER BY hlc').all(limit) as Row[];
  const ops = rows.filter((r) => parseHlc(r.hlc)!.millis - nowMs <= maxDriftMs);
  const remove = cached(db, 'DELETE FROM quarantine WHERE hlc = ?');
  for (const op of ops) remove.run(op.hlc);
  return ops.map((r) => ({ hlc: r.hlc, site: r.site, tbl: r.tbl, row: r.row, col: r.col, value: JSON.parse(r.value) as FieldValue }));
}

export function listQuarantine(db: Db, nowMs: number): QuarantinedOp[] {
  const rows = db.prepare('SELECT * FROM quarantine ORDER BY hlc').all() as Row[];
  return rows.map((r) => ({
    hlc: r.hlc,
    site: r.site,
    table: r.tbl,
    rowId: r.row,
    column: r.col,
    bundleId: r.bundle_id,
    receivedAt: r.received_at,
    aheadHours: Math.round(((parseHlc(r.hlc)!.millis - nowMs) / 3600_000) * 10) / 10,
  }));
}
