import { createHash } from 'node:crypto';
import type { Db } from '../db/open.js';
import { cached } from './statements.js';

// The markers pruning leaves (migration 18's op_prunes; ledger/prune.ts says when and why), read by verification
// (ledger/audit.ts) and by the store (ledger/op-store.ts). Apart from prune.ts, which imports the audit module.

export function clockOfStamp(stamp: string): bigint {
  // Stamps here come from audit entries: `2026-11-28T20:38:08.123Z-0000-<site>` (op-store.ts clockOf).
  return BigInt(Date.parse(stamp.slice(0, 24))) * 65536n + BigInt(parseInt(stamp.slice(25, 29), 16));
}

/** How many operations of a site were pruned here (verification adds them to those stored). */
export function prunedCountOf(db: Db, siteId: string): number {
  return cached(db, 'SELECT coalesce(sum(p.pruned), 0) FROM op_prunes p JOIN op_sites s ON s.id = p.site WHERE s.site = ?').pluck().get(siteId) as number;
}

/** The marker of the audit entry whose first operation has this stamp, if its operations were pruned. */
export function markerOf(db: Db, firstHlc: string): { pruned: number; kept_digest: string } | undefined {
  const site = firstHlc.slice(-16);
  return cached(
    db,
    'SELECT p.pruned, p.kept_digest FROM op_prunes p JOIN op_sites s ON s.id = p.site WHERE s.site = ? AND p.first_hlc = ?',
  ).get(site, clockOfStamp(firstHlc)) as { pruned: number; kept_digest: string } | undefined;
}

/** Whether a stamp lies inside an audit entry's range from which operations were pruned here. */
export function inPrunedRange(db: Db, site: number, clock: bigint): boolean {
  const last = cached(db, 'SELECT last_hlc FROM op_prunes WHERE site = ? AND first_hlc <= ? ORDER BY first_hlc DESC LIMIT 1')
    .pluck()
    .safeIntegers(true)
    .get(site, clock) as bigint | undefined;
  return last !== undefined && last >= clock;
}

/** The digest the 'prune' entry seals: every marker, in key order. */
export function markersDigest(db: Db): string {
  const hash = createHash('sha256');
  const rows = db.prepare('SELECT site, first_hlc, last_hlc, pruned, kept_digest FROM op_prunes ORDER BY site, first_hlc').raw().safeIntegers(true).iterate() as IterableIterator<unknown[]>;
  for (const row of rows) hash.update(`${row.map(String).join('\t')}\n`);
  return hash.digest('hex');
}

/** The words of a 'prune' entry's summary before the markers' digest (ledger/verify reads the digest after them). */
export const PRUNE_DIGEST_LABEL = '清理标记摘要 ';

/**
 * Whether the markers are the ones this workstation's newest 'prune' entry sealed: deleting operations and writing
 * a marker to pass verification means rewriting that entry, and so the own chain, which its signed head reveals.
 */
export function pruneSealBreak(db: Db): { seq: number; reason: string } | undefined {
  // Without markers every entry is checked against its own digest (walkChain), which a deletion cannot pass.
  if (!cached(db, 'SELECT 1 FROM op_prunes LIMIT 1').get()) return undefined;
  const sealed = cached(db, "SELECT seq, summary FROM audit WHERE action = 'prune' ORDER BY seq DESC LIMIT 1").get() as
    | { seq: number; summary: string }
    | undefined;
  const at = sealed?.summary.lastIndexOf(PRUNE_DIGEST_LABEL) ?? -1;
  const digest = sealed && at >= 0 ? sealed.summary.slice(at + PRUNE_DIGEST_LABEL.length) : undefined;
  if (digest === markersDigest(db)) return undefined;
  return { seq: sealed?.seq ?? 0, reason: '同步操作的清理标记与本工作站审计链中的清理记录不符（可能有操作被删除后伪称已清理）' };
}
