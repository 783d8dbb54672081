import type { Db } from '../db/open.js';
import { formatHlc } from '../sync/hlc.js';
import { appendAudit, digestOps, opsOfEntry } from './audit.js';
import type { LedgerContext } from './mutate.js';
import { clockOfStamp, markersDigest, PRUNE_DIGEST_LABEL } from './prune-markers.js';
import { cached } from './statements.js';

// Bounded history (issue 12.2): pruning superseded operations.
//
// Last-writer-wins needs only the winning operation of each field to converge, so an operation that a later one on
// the same field has superseded can go — once nothing else needs it:
// - only fields whose past is kept in its own form: the status, its reason and updated_at of incidents and
//   commitments (the status history, ledger/status-history.ts, keeps every move; updated_at is bookkeeping). The
//   incident's other fields are kept: the timeline shows their edits from the operations;
// - superseded by a strictly later operation on the same field held here (the winner is never pruned);
// - seen by every trusted peer (its version vector, from the bundles it sent, covers the stamp): a peer that has
//   not seen it would otherwise receive a chain entry whose operations it can never get, and could not verify it.
//   A peer that has not seen the winner gets the winner, which is kept. A newly trusted peer has seen nothing, so
//   nothing is pruned until it has sent a bundle;
// - not its site's newest operation (the one that carries the site's clock), not named by an open conflict;
// - sealed by an audit entry held here (this workstation's chain or a peer's) whose operations match the digest it
//   sealed right now, and none of which is held aside (for a newer version, or in quarantine): such an operation
//   may still be applied later, and must not look like a pruned one when it is.
// For each entry it prunes from, a marker (op_prunes) keeps how many operations went and the digest of those kept,
// so verification still checks what is stored; the whole set of markers is sealed by a 'prune' entry in this
// workstation's own chain (its summary carries their digest), which the next bundle's signed head covers. An
// operation arriving again inside a pruned entry's range is the pruned one coming back and is not stored again.
//
// Limit (why the prune is an administrator's command, `yq maintenance prune`, and not yet automatic): the markers
// stay on this workstation. A workstation trusted only after a prune (a new one, or one restored from a backup)
// receives the chain entries but not the pruned operations, and its `audit verify` reports those entries. Carrying
// the markers in bundles needs a payload frame older versions skip, i.e. a sync-format step (sync/payload.ts).

/** Fields whose superseded operations may be pruned (their past is kept in its own form, or not needed). */
const PRUNABLE_FIELDS: readonly (readonly [string, string])[] = [
  ['incidents', 'status'], ['incidents', 'status_reason'], ['incidents', 'updated_at'],
  ['commitments', 'status'], ['commitments', 'status_reason'], ['commitments', 'updated_at'],
];

export interface PruneResult {
  /** Operations pruned. */
  pruned: number;
  /** Audit entries some of whose operations were pruned. */
  entries: number;
  /** Superseded operations left because a rule above keeps them. */
  kept: number;
}

interface Candidate {
  site: number;
  siteId: string;
  clock: bigint;
  stamp: string;
}

interface Entry {
  first_hlc: string;
  last_hlc: string;
  op_count: number;
  ops_digest: string;
}

/** The superseded operations of prunable fields, in (site, clock) order. */
function supersededOps(db: Db): Candidate[] {
  const fields = cached(db, 'SELECT id FROM op_fields WHERE tbl = ? AND col = ?').pluck();
  const ids = PRUNABLE_FIELDS.map(([tbl, col]) => fields.get(tbl, col) as number | undefined).filter((id) => id !== undefined);
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT o.site AS site, s.site AS siteId, o.hlc AS clock FROM op_log o JOIN op_sites s ON s.id = o.site
       WHERE o.field IN (${ids.map(() => '?').join(', ')})
         AND EXISTS (SELECT 1 FROM op_log n WHERE n.row = o.row AND n.field = o.field AND n.hlc > o.hlc)
         AND o.hlc < (SELECT max(m.hlc) FROM op_log m WHERE m.site = o.site)
       ORDER BY o.site, o.hlc`,
    )
    .safeIntegers(true)
    .all(...ids) as { site: bigint; siteId: string; clock: bigint }[];
  return rows.map((r) => ({
    site: Number(r.site),
    siteId: r.siteId,
    clock: r.clock,
    stamp: formatHlc({ millis: Number(r.clock >> 16n), counter: Number(r.clock & 0xffffn), site: r.siteId }),
  }));
}

/** Whether every trusted peer is known to hold the operation (its version vector covers the stamp). */
function seenByEveryPeer(db: Db): (c: Candidate) => boolean {
  const peers = cached(db, 'SELECT site FROM peers WHERE trusted = 1').pluck().all() as string[];
  const seen = cached(db, 'SELECT max_hlc FROM peer_seen WHERE peer = ? AND site = ?').pluck();
  return (c) => peers.every((peer) => peer === c.siteId || ((seen.get(peer, c.siteId) as string | undefined) ?? '') >= c.stamp);
}

/** Audit entries sealing operations of one site, in stamp order: this workstation's and the peers' chains. */
function entriesOf(db: Db, siteId: string): Entry[] {
  return db
    .prepare(
      `SELECT first_hlc, last_hlc, op_count, ops_digest FROM audit WHERE op_count > 0 AND substr(first_hlc, -16) = @site
       UNION SELECT first_hlc, last_hlc, op_count, ops_digest FROM peer_audit WHERE op_count > 0 AND substr(first_hlc, -16) = @site
       ORDER BY first_hlc`,
    )
    .all({ site: siteId }) as Entry[];
}

/**
 * Prunes the superseded operations the rules above allow, in one transaction with the markers and the audit entry
 * sealing them. The file shrinks only when the caller vacuums it (pruneAndVacuum).
 */
export function pruneSuperseded(ctx: LedgerContext): PruneResult {
  const { db } = ctx;
  return db.transaction(() => {
    const candidates = supersededOps(db);
    const seen = seenByEveryPeer(db);
    const inConflict = new Set(cached(db, "SELECT winner_hlc FROM conflicts WHERE status = 'open' UNION SELECT loser_hlc FROM conflicts WHERE status = 'open'").pluck().all() as string[]);
    const allowed = candidates.filter((c) => seen(c) && !inConflict.has(c.stamp));
    const marked = cached(db, 'SELECT 1 FROM op_prunes WHERE site = ? AND first_hlc = ?').pluck();
    const insertMarker = cached(
      db,
      'INSERT INTO op_prunes (site, first_hlc, last_hlc, pruned, kept_digest, prune_seq) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const deleteOp = cached(db, 'DELETE FROM op_log WHERE site = ? AND hlc = ?');
    const seq = ((cached(db, 'SELECT seq FROM audit ORDER BY seq DESC LIMIT 1').pluck().get() as number | null) ?? 0) + 1;
    let pruned = 0;
    let entries = 0;
    const bySite = new Map<string, Candidate[]>();
    for (const c of allowed) {
      const list = bySite.get(c.siteId);
      if (list) list.push(c);
      else bySite.set(c.siteId, [c]);
    }
    ctx.guard.allow(() => {
      for (const [siteId, list] of bySite) {
        let i = 0;
        for (const entry of entriesOf(db, siteId)) {
          while (i < list.length && list[i]!.stamp < entry.first_hlc) i += 1;
          const inEntry: Candidate[] = [];
          for (let j = i; j < list.length && list[j]!.stamp <= entry.last_hlc; j += 1) inEntry.push(list[j]!);
          if (inEntry.length === 0) continue;
          const first = clockOfStamp(entry.first_hlc);
          // An entry pruned before keeps its marker as sealed; its remaining superseded operations stay.
          if (marked.get(list[0]!.site, first)) continue;
          const ops = opsOfEntry(db, siteId, entry.first_hlc, entry.last_hlc);
          if (ops.length !== entry.op_count || digestOps(ops) !== entry.ops_digest) continue; // verify names it
          const stored = cached(db, 'SELECT count(*) FROM op_log WHERE site = ? AND hlc BETWEEN ? AND ?').pluck()
            .get(list[0]!.site, first, clockOfStamp(entry.last_hlc)) as number;
          if (stored !== ops.length) continue; // some are held aside: they may still be applied
          const gone = new Set(inEntry.map((c) => c.stamp));
          const kept = ops.filter((op) => !gone.has(op.hlc));
          insertMarker.run(list[0]!.site, first, clockOfStamp(entry.last_hlc), gone.size, digestOps(kept), seq);
          for (const c of inEntry) deleteOp.run(c.site, c.clock);
          pruned += gone.size;
          entries += 1;
        }
      }
      if (pruned > 0) {
        appendAudit(
          ctx,
          {
            action: 'prune',
            entity: 'ledger',
            entityId: '',
            summary: `清理已被取代的同步操作 ${pruned} 条（涉及审计记录 ${entries} 条）；${PRUNE_DIGEST_LABEL}${markersDigest(db)}`,
          },
          [],
        );
      }
    });
    return { pruned, entries, kept: candidates.length - pruned };
  })();
}

/** The ledger file's size in bytes, from SQLite's own page count (the WAL aside). */
const fileBytes = (db: Db) => (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);

/**
 * `yq maintenance prune`: pruning, then giving the freed pages back to the file system with VACUUM (which cannot
 * run inside a transaction and rewrites the file: an administrator's step, not one the window waits for).
 */
export function pruneAndVacuum(ctx: LedgerContext): PruneResult & { bytesBefore: number; bytesAfter: number; freedBytes: number } {
  const bytesBefore = fileBytes(ctx.db);
  const result = pruneSuperseded(ctx);
  ctx.db.exec('VACUUM');
  const bytesAfter = fileBytes(ctx.db);
  return { ...result, bytesBefore, bytesAfter, freedBytes: Math.max(0, bytesBefore - bytesAfter) };
}
