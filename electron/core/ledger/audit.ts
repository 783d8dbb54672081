import { createHash } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { LedgerContext, MutationMeta, Op } from './mutate.js';
import { cached } from './statements.js';
import { insertAuditRow } from './audit-store.js';
import { storedOpsBetween } from './op-store.js';
import { markerOf, pruneSealBreak } from './prune-markers.js';

// The audit log: one entry per mutation, each sealed with sha256(previous hash + its own content), so editing,
// deleting or reordering any entry breaks every hash after it. The entry also seals a digest of the operations
// the mutation wrote, so the operations cannot be altered without the log noticing.

export const GENESIS = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  at: string;
  site: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  summary: string;
  op_count: number;
  first_hlc: string;
  last_hlc: string;
  ops_digest: string;
  prev_hash: string;
  hash: string;
}

export function digestOps(ops: readonly Pick<Op, 'hlc' | 'tbl' | 'row' | 'col' | 'value'>[]): string {
  // One update of the joined lines: the same digest as one update per line, without a native call per operation.
  let lines = '';
  for (const op of ops) lines += `${op.hlc}\t${op.tbl}\t${op.row}\t${op.col}\t${JSON.stringify(op.value)}\n`;
  return createHash('sha256').update(lines).digest('hex');
}

export function sealOf(row: Omit<AuditRow, 'hash'>): string {
  const content = [
    row.seq, row.at, row.site, row.actor, row.action, row.entity, row.entity_id, row.summary, row.op_count,
    row.first_hlc, row.last_hlc, row.ops_digest,
  ].join('\u001f');
  return createHash('sha256').update(row.prev_hash).update('\u001e').update(content).digest('hex');
}

/** The sealed entry for a mutation that follows `last`, the chain's last entry (none for the first). */
export function sealEntry(ctx: LedgerContext, meta: MutationMeta, ops: readonly Op[], last: { seq: number; hash: string } | undefined): AuditRow {
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(ctx.now()).toISOString(),
    site: ctx.site,
    actor: ctx.actor,
    action: meta.action,
    entity: meta.entity,
    entity_id: meta.entityId,
    summary: meta.summary,
    op_count: ops.length,
    first_hlc: ops[0]?.hlc ?? '',
    last_hlc: ops[ops.length - 1]?.hlc ?? '',
    ops_digest: digestOps(ops),
    prev_hash: last?.hash ?? GENESIS,
  };
  return { ...row, hash: sealOf(row) };
}

/** Appends the entry for a mutation; the caller holds the transaction and the write guard. */
export function appendAudit(ctx: LedgerContext, meta: MutationMeta, ops: readonly Op[]): void {
  // Inside a write batch the entry before is the one this batch wrote last (attempt forgets it when it rolls back).
  const batch = ctx.batch?.open ? ctx.batch : undefined;
  const last =
    batch?.auditTail ??
    (cached(ctx.db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined);
  const entry = sealEntry(ctx, meta, ops, last);
  insertAuditRow(ctx.db, entry);
  if (batch) batch.auditTail = { seq: entry.seq, hash: entry.hash };
}

type StoredOp = Omit<Op, 'value'> & { value: string };

/**
 * The operations one audit entry covers: those of `site` stamped from `firstHlc` to `lastHlc`, wherever this
 * workstation keeps them (applied, in the compact store of ledger/op-store.ts; held for a newer version, or
 * quarantined for clock skew, as they came), in stamp order, with their logical content only.
 */
export function opsOfEntry(db: Db, site: string, firstHlc: string, lastHlc: string): Op[] {
  if (firstHlc === '') return [];
  const aside = cached(
    db,
    `SELECT hlc, site, tbl, row, col, value FROM held_ops WHERE site = @site AND hlc BETWEEN @first AND @last
     UNION ALL SELECT hlc, site, tbl, row, col, value FROM quarantine WHERE site = @site AND hlc BETWEEN @first AND @last`,
  ).all({ site, first: firstHlc, last: lastHlc }) as StoredOp[];
  const stored = storedOpsBetween(db, site, firstHlc, lastHlc);
  if (aside.length === 0) return stored;
  const all = [...stored, ...aside.map((op) => ({ ...op, value: JSON.parse(op.value) as Op['value'] }))];
  return all.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** Where a chain breaks: the entry, why, and the record the entry changed. */
export interface ChainBreak {
  seq: number;
  reason: string;
  record?: string;
}

/**
 * Walks one chain from its first entry: numbering without gaps, each entry linked to the one before, its content
 * matching its seal, and the operations it covers matching the digest it sealed.
 */
export function walkChain(db: Db, rows: Iterable<AuditRow>): { entries: number; last?: AuditRow; broken?: ChainBreak } {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let entries = 0;
  let last: AuditRow | undefined;
  for (const row of rows) {
    const broken = (reason: string) => ({ entries, ...(last ? { last } : {}), broken: { seq: row.seq, reason, record: `${row.entity} ${row.entity_id}`.trim() } });
    if (row.seq !== expectedSeq) return broken(`第 ${expectedSeq} 条记录缺失（下一条为第 ${row.seq} 条）`);
    if (row.prev_hash !== prevHash) return broken('与上一条记录的链接不符（上一条被改动或删除）');
    if (sealOf(row) !== row.hash) return broken('记录内容与其哈希不符（记录被改动）');
    // The operations' site is in their stamps (seed operations belong to the seed site, not the workstation).
    const ops = opsOfEntry(db, row.first_hlc.slice(-16), row.first_hlc, row.last_hlc);
    // Where superseded operations were pruned (ledger/prune.ts), those kept are checked against the marker's digest.
    const marker = row.op_count > 0 ? markerOf(db, row.first_hlc) : undefined;
    const intact = marker
      ? ops.length === row.op_count - marker.pruned && digestOps(ops) === marker.kept_digest
      : ops.length === row.op_count && digestOps(ops) === row.ops_digest;
    if (!intact) return broken('该记录对应的同步操作被改动或删除');
    prevHash = row.hash;
    expectedSeq += 1;
    entries += 1;
    last = row;
  }
  return { entries, ...(last ? { last } : {}) };
}


/** This workstation's own chain alone, and nothing of the signed heads and peers' chains (sync/audit-chains.ts). */
export function verifyOwnChain(db: Db): { ok: boolean; entries: number; firstBroken?: ChainBreak } {
  const { entries, broken } = walkChain(db, db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>);
  const unsealed = broken ? undefined : pruneSealBreak(db);
  if (unsealed) return { ok: false, entries, firstBroken: unsealed };
  return broken ? { ok: false, entries, firstBroken: broken } : { ok: true, entries };
}

/**
 * Runs a local action that writes no ledger operations (trusting a peer, accepting a conflict) and records it in
 * the audit log, in one transaction: the security-relevant decisions leave a trace like every edit does.
 */
export function audited<T>(ctx: LedgerContext, meta: MutationMeta, action: () => T): T {
  return ctx.db.transaction(() => {
    const result = action();
    ctx.guard.allow(() => appendAudit(ctx, meta, []));
    return result;
  })();
}
