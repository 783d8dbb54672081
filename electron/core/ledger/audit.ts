import { createHash } from 'node:crypto';
import type { AuditReport } from '../../../shared/schemas.js';
import type { Db } from '../db/open.js';
import type { LedgerContext, MutationMeta, Op } from './mutate.js';
import { cached } from './statements.js';
import { opsOfEntry } from './op-store.js';

// The audit log: one entry per mutation, each sealed with sha256(previous hash + its own content), so editing,
// deleting or reordering any entry breaks every hash after it. The entry also seals a digest of the operations
// the mutation wrote, so the operations cannot be altered without the log noticing.

const GENESIS = '0'.repeat(64);

interface AuditRow {
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
  const hash = createHash('sha256');
  for (const op of ops) hash.update(`${op.hlc}\t${op.tbl}\t${op.row}\t${op.col}\t${JSON.stringify(op.value)}\n`);
  return hash.digest('hex');
}

function sealOf(row: Omit<AuditRow, 'hash'>): string {
  const content = [
    row.seq, row.at, row.site, row.actor, row.action, row.entity, row.entity_id, row.summary, row.op_count,
    row.first_hlc, row.last_hlc, row.ops_digest,
  ].join('\u001f');
  return createHash('sha256').update(row.prev_hash).update('\u001e').update(content).digest('hex');
}

/** Appends the entry for a mutation; the caller holds the transaction and the write guard. */
export function appendAudit(ctx: LedgerContext, meta: MutationMeta, ops: readonly Op[]): void {
  const last = cached(ctx.db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
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
  cached(
    ctx.db,
    `INSERT INTO audit (seq, at, site, actor, action, entity, entity_id, summary, op_count, first_hlc, last_hlc,
       ops_digest, prev_hash, hash)
     VALUES (@seq, @at, @site, @actor, @action, @entity, @entity_id, @summary, @op_count, @first_hlc, @last_hlc,
       @ops_digest, @prev_hash, @hash)`,
  ).run({ ...row, hash: sealOf(row) });
}

/**
 * Walks the chain from the first entry and names the first one that does not hold: a gap in the numbering, a
 * link to the wrong predecessor, or content that no longer matches its seal.
 */
export function verifyAudit(db: Db): AuditReport {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const broken = (reason: string): AuditReport => ({ ok: false, entries, firstBroken: { seq: row.seq, reason } });
    if (row.seq !== expectedSeq) return broken(`第 ${expectedSeq} 条记录缺失（下一条为第 ${row.seq} 条）`);
    if (row.prev_hash !== prevHash) return broken('与上一条记录的链接不符（上一条被改动或删除）');
    if (sealOf(row) !== row.hash) return broken('记录内容与其哈希不符（记录被改动）');
    // The operations' site is in their stamps (seed operations belong to the seed site, not the workstation).
    const opsSite = row.first_hlc.slice(-16);
    const ops = row.op_count === 0 ? [] : opsOfEntry(db, opsSite, row.first_hlc, row.last_hlc);
    if (ops.length !== row.op_count || digestOps(ops) !== row.ops_digest) {
      return broken('该记录对应的同步操作被改动或删除');
    }
    prevHash = row.hash;
    expectedSeq += 1;
    entries += 1;
  }
  return { ok: true, entries };
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
