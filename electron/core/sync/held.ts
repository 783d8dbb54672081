import type { Db } from '../db/open.js';
import { appendAudit } from '../ledger/audit.js';
import { valueMeansSomething } from '../ledger/field-rules.js';
import { applyWinningOps, cached, catalogueOf, groupByRow, type LedgerContext, type Op } from '../ledger/mutate.js';
import { newestStampOf, storeOps } from '../ledger/op-store.js';
import { fieldTypeIn, type LedgerTable, valueFits } from '../ledger/tables.js';
import type { HeldOp } from './payload.js';

// Sync across versions (issue 11). Offices upgrade one machine at a time, so a workstation may receive bundles from
// a newer version that syncs fields or tables it does not know. It applies what it knows, keeps the rest here as it
// came (and passes it on in its own bundles), and the version that knows those fields applies them on the first
// open after the upgrade — by the same rule as any import: each field holds its highest-stamped operation.

export const NEWER_VERSION_NOTICE = '对方版本较新，部分内容升级后显示';

/** Keeps a newer version's operations; answers how many were new here. The caller holds the transaction. */
export function holdForUpgrade(db: Db, ops: readonly HeldOp[], syncVersion: number, bundleId: string, at: string): number {
  const insert = cached(
    db,
    `INSERT INTO held_ops (hlc, site, tbl, row, col, value, sync_version, bundle_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(hlc) DO NOTHING`,
  );
  let kept = 0;
  for (const op of ops) kept += insert.run(op.hlc, op.site, op.tbl, op.row, op.col, op.value, syncVersion, bundleId, at).changes;
  return kept;
}

interface HeldRow extends HeldOp {
  sync_version: number;
}

/**
 * Applies the held operations this version now knows (after an upgrade), in one transaction, and records it in
 * the audit log. A value this version finds invalid stays held (and is never applied). Answers how many applied.
 */
export function releaseHeldOps(ctx: LedgerContext): number {
  const { db } = ctx;
  const catalogue = catalogueOf(ctx);
  const rows = (db.prepare('SELECT hlc, site, tbl, row, col, value, sync_version FROM held_ops ORDER BY hlc').all() as HeldRow[]).filter(
    (r) => fieldTypeIn(catalogue, r.tbl, r.col) !== undefined,
  );
  if (rows.length === 0) return 0;
  return db.transaction(() =>
    ctx.guard.allow(() => {
      db.pragma('defer_foreign_keys = ON');
      const forget = cached(db, 'DELETE FROM held_ops WHERE hlc = ?');
      const released: Op[] = [];
      for (const r of rows) {
        const value = JSON.parse(r.value) as unknown;
        if (!valueFits(fieldTypeIn(catalogue, r.tbl, r.col)!, value) || !valueMeansSomething(r.tbl, r.col, value)) continue;
        forget.run(r.hlc);
        // The catalogue vouched for the table and field names.
        released.push({ hlc: r.hlc, site: r.site, tbl: r.tbl as LedgerTable, row: r.row, col: r.col, value });
      }
      storeOps(db, released); // a stamp already stored is the same operation come twice: kept once
      const winners = released.filter((op) => newestStampOf(db, op.tbl, op.row, op.col) === op.hlc);
      applyWinningOps(db, groupByRow(winners));
      if (released.length > 0) {
        appendAudit(
          ctx,
          { action: 'held.release', entity: 'ledger', entityId: '', summary: `程序升级后显示此前保存的较新版本内容 ${released.length} 条` },
          [],
        );
      }
      return released.length;
    }),
  )();
}
