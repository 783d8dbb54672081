import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { AuditReport } from '../../../shared/schemas.js';
import type { Db } from '../db/open.js';
import { type AuditRow, walkChain } from '../ledger/audit.js';
import { storedOpCountOf } from '../ledger/op-store.js';
import { prunedCountOf, pruneSealBreak } from '../ledger/prune-markers.js';
import { cached } from '../ledger/statements.js';
import { SEED_SITE } from '../ledger/seed.js';
import { formerSiteIds } from '../backup/former-sites.js';
import { BundleError } from './errors.js';

// An audit trail peers can check (issue 11). Every workstation signs the head of its own chain (sequence number and
// hash of its newest entry) with its Ed25519 key each time it writes a bundle; the bundle carries that signed head
// and the entries the receiver lacks, for its own chain and for every peer's chain it keeps. A receiver appends an
// entry only where it continues the chain it holds. `audit verify` then walks every chain, checks each entry's
// operations against the digest it sealed, and the chain's end against a head only its workstation could sign —
// so rewriting an operation and recomputing the plain hashes, on any workstation's file, is found.

const HEAD_CONTEXT = 'yuqing-ledger/audit-head/v1';

const headMessage = (site: string, seq: number, hash: string) => utf8ToBytes(`${HEAD_CONTEXT}\n${site}\n${seq}\n${hash}`);

export interface SignedHead {
  seq: number;
  hash: string;
  signPublic: string;
  signature: string;
}

function verifyHead(site: string, head: SignedHead): boolean {
  try {
    return ed25519.verify(hexToBytes(head.signature), headMessage(site, head.seq, head.hash), hexToBytes(head.signPublic));
  } catch {
    return false;
  }
}

/** Signs this workstation's newest audit entry and keeps the signature; the caller then sends it in a bundle. */
export function signOwnHead(db: Db, site: string, key: { signSecret: string; signPublic: string }, at: string): SignedHead | undefined {
  const last = cached(db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  if (!last) return undefined;
  const signature = bytesToHex(ed25519.sign(headMessage(site, last.seq, last.hash), hexToBytes(key.signSecret)));
  const head = { seq: last.seq, hash: last.hash, signPublic: key.signPublic, signature };
  storeHead(db, site, head, at);
  return head;
}

function storeHead(db: Db, site: string, head: SignedHead, at: string): void {
  cached(
    db,
    `INSERT INTO audit_heads (site, seq, hash, sign_public, signature, signed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(site) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, sign_public = excluded.sign_public,
       signature = excluded.signature, signed_at = excluded.signed_at WHERE excluded.seq >= audit_heads.seq`,
  ).run(site, head.seq, head.hash, head.signPublic, head.signature, at);
}

function headOf(db: Db, site: string): SignedHead | undefined {
  const row = cached(db, 'SELECT seq, hash, sign_public, signature FROM audit_heads WHERE site = ?').get(site) as
    | { seq: number; hash: string; sign_public: string; signature: string }
    | undefined;
  return row && { seq: row.seq, hash: row.hash, signPublic: row.sign_public, signature: row.signature };
}

const COLUMNS = 'seq, at, site, actor, action, entity, entity_id, summary, op_count, first_hlc, last_hlc, ops_digest, prev_hash, hash';

const entrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string().max(40),
  site: z.string().regex(/^[0-9a-f]{16}$/),
  actor: z.string().max(200),
  action: z.string().max(100),
  entity: z.string().max(100),
  entity_id: z.string().max(200),
  summary: z.string().max(4000),
  op_count: z.number().int().min(0),
  first_hlc: z.string().max(64),
  last_hlc: z.string().max(64),
  ops_digest: z.string().regex(/^[0-9a-f]{64}$/),
  prev_hash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
const chainSchema = z.strictObject({
  site: z.string().regex(/^[0-9a-f]{16}$/),
  head: z.strictObject({
    seq: z.number().int().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    signPublic: z.string().regex(/^[0-9a-f]{64}$/),
    signature: z.string().regex(/^[0-9a-f]{128}$/),
  }),
  entries: z.array(entrySchema).max(10_000_000),
});
export type WireChain = z.infer<typeof chainSchema>;

export type ChainEntry = z.infer<typeof entrySchema>;

const badChain = () => new BundleError('payload', '同步包中的审计链格式无效，已拒绝');

/** One entry of a chain frame, read on its own as the frame streams. */
export function parseChainEntry(json: unknown): ChainEntry {
  const parsed = entrySchema.safeParse(json);
  if (!parsed.success) throw badChain();
  return parsed.data;
}

/** A chain frame's site and signed head (its entries are read one by one: parseChainEntry). */
export function parseChainHead(site: unknown, head: unknown): Pick<WireChain, 'site' | 'head'> {
  const parsed = chainSchema.safeParse({ site, head, entries: [] });
  if (!parsed.success) throw badChain();
  return { site: parsed.data.site, head: parsed.data.head };
}

/** How much of each chain this workstation holds: its own and every peer's. Sent in the manifest. */
export function auditVector(db: Db, ownSite: string): Record<string, number> {
  const own = (cached(db, 'SELECT seq FROM audit ORDER BY seq DESC LIMIT 1').pluck().get() as number | null) ?? 0;
  const rows = cached(db, 'SELECT chain AS site, max(seq) AS seq FROM peer_audit GROUP BY chain').all() as { site: string; seq: number }[];
  return { ...Object.fromEntries(rows.map((r) => [r.site, r.seq])), ...(own > 0 ? { [ownSite]: own } : {}) };
}

export function notePeerAuditSeen(db: Db, peer: string, seen: Readonly<Record<string, number>>): void {
  const upsert = cached(
    db,
    `INSERT INTO peer_audit_seen (peer, site, seq) VALUES (?, ?, ?)
     ON CONFLICT(peer, site) DO UPDATE SET seq = max(seq, excluded.seq)`,
  );
  for (const [site, seq] of Object.entries(seen)) upsert.run(peer, site, seq);
}

/**
 * The chains a bundle for these peers carries: each chain this workstation holds a signed head of, from where the
 * least-informed of them stands — a piece of at most `page` entries at a time, each piece naming its chain and head
 * (a receiver keeps them in turn), so a long chain is never held whole.
 */
export function* chainsFor(db: Db, ownSite: string, peerSites: readonly string[], full: boolean, page = 2000): Generator<WireChain> {
  const sites = (cached(db, 'SELECT site FROM audit_heads ORDER BY site').pluck().all() as string[]);
  const known = cached(db, 'SELECT seq FROM peer_audit_seen WHERE peer = ? AND site = ?').pluck();
  for (const site of sites) {
    const head = headOf(db, site)!;
    let from = full || peerSites.length === 0 ? 0 : Math.min(...peerSites.map((p) => (known.get(p, site) as number | undefined) ?? 0));
    let pieces = 0;
    while (from < head.seq) {
      const entries =
        site === ownSite
          ? (cached(db, `SELECT ${COLUMNS} FROM audit WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`).all(from, head.seq, page) as AuditRow[])
          : (cached(db, `SELECT ${COLUMNS} FROM peer_audit WHERE chain = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`).all(site, from, head.seq, page) as AuditRow[]);
      if (entries.length === 0) {
        if (pieces === 0) yield { site, head, entries };
        break;
      }
      pieces += 1;
      yield { site, head, entries };
      from = entries[entries.length - 1]!.seq;
    }
  }
}

/**
 * Keeps the chains a bundle carried, in the caller's transaction: a chain whose head does not verify against a key
 * this workstation holds for that site is refused; entries it already holds must be identical; new ones are kept
 * only where they continue its chain (a gap waits for a later bundle).
 */
export function receiveChains(db: Db, ownSite: string, chains: readonly WireChain[], at: string): void {
  // A chain is checked against the key it was signed with, which must be a trusted workstation's — its own site's,
  // or, for a workstation restored from a backup, the key of the workstation it is now (its ids change, its key
  // stays): another restored copy's chain reaches every peer, and this workstation, under the id it had then.
  const keyKnown = cached(
    db,
    `SELECT 1 FROM peer_keys k JOIN peers p ON p.site = k.site AND p.trusted = 1 WHERE k.sign_public = @key
     UNION ALL SELECT 1 FROM sync_keys WHERE sign_public = @key`,
  );
  const held = cached(db, 'SELECT hash FROM peer_audit WHERE chain = ? AND seq = ?').pluck();
  const insert = cached(
    db,
    `INSERT INTO peer_audit (chain, ${COLUMNS}) VALUES (@chain, @seq, @at, @site, @actor, @action, @entity, @entity_id, @summary, @op_count,
       @first_hlc, @last_hlc, @ops_digest, @prev_hash, @hash)`,
  );
  for (const chain of chains) {
    if (chain.site === ownSite || !keyKnown.get({ site: chain.site, key: chain.head.signPublic })) continue; // not a chain we can check
    if (!verifyHead(chain.site, chain.head)) throw new BundleError('signature', `同步包中工作站 ${chain.site} 的审计链签名无效，可能被篡改，已拒绝`);
    let last = (cached(db, 'SELECT max(seq) FROM peer_audit WHERE chain = ?').pluck().get(chain.site) as number | null) ?? 0;
    for (const entry of chain.entries) {
      if (entry.seq <= last) {
        if (held.get(chain.site, entry.seq) !== entry.hash) {
          throw new BundleError('payload', `同步包中工作站 ${chain.site} 的第 ${entry.seq} 条审计记录与本机所存不同，可能被篡改，已拒绝`);
        }
        continue;
      }
      if (entry.seq !== last + 1) break; // a gap: a later bundle brings what is missing
      const prev = last === 0 ? '0'.repeat(64) : held.get(chain.site, last);
      if (entry.prev_hash !== prev) throw new BundleError('payload', `同步包中工作站 ${chain.site} 的审计链不连续，可能被篡改，已拒绝`);
      insert.run({ ...entry, chain: chain.site });
      last = entry.seq;
    }
    if (chain.head.seq <= last && held.get(chain.site, chain.head.seq) === chain.head.hash) storeHead(db, chain.site, chain.head, at);
  }
}

type PeerReport = AuditReport['peers'][number];

/**
 * Checks this workstation's chain and every peer's: each chain entry by entry (operations included), its end
 * against the newest head its workstation signed, and every operation of that workstation held here covered by it.
 */
export function verifyAllChains(db: Db, ownSite: string): AuditReport {
  const own = checkChain(db, ownSite, ownSite);
  const peerSites = new Set([
    ...(cached(db, 'SELECT DISTINCT chain FROM peer_audit').pluck().all() as string[]),
    ...(cached(db, 'SELECT site FROM sites').pluck().all() as string[]),
  ]);
  peerSites.delete(ownSite);
  peerSites.delete(SEED_SITE);
  // A restored ledger's former site ids are its own earlier selves: their entries are in its own chain.
  for (const former of formerSiteIds(db)) peerSites.delete(former);
  // A peer restored before it ever signed its chain: its earlier self's entries reach here only inside the chain of
  // the workstation it became (the same entries in each successor's chain, so counted once by their first stamp).
  for (const site of [...peerSites]) if (coveredBySuccessor(db, site)) peerSites.delete(site);
  const peers = [...peerSites].sort().map((site) => checkChain(db, site, ownSite));
  const firstBad = [own, ...peers].find((r) => !r.ok);
  return {
    ok: firstBad === undefined,
    entries: own.entries,
    peers: peers.map(({ name, site, entries, ok, reason }) => ({ name, site, entries, ok, ...(reason ? { reason } : {}) })),
    ...(firstBad?.firstBroken ? { firstBroken: firstBad.firstBroken } : {}),
  };
}

function nameOf(db: Db, site: string, ownSite: string): string {
  if (site === ownSite) return (cached(db, "SELECT value FROM meta WHERE key = 'site_name'").pluck().get() as string | undefined) ?? site;
  return (cached(db, 'SELECT name FROM peers WHERE site = ?').pluck().get(site) as string | undefined) ?? `工作站 ${site}`;
}

function checkChain(db: Db, site: string, ownSite: string): PeerReport & { firstBroken?: AuditReport['firstBroken'] } {
  const name = nameOf(db, site, ownSite);
  const rows =
    site === ownSite
      ? (db.prepare(`SELECT ${COLUMNS} FROM audit ORDER BY seq`).iterate() as IterableIterator<AuditRow>)
      : (db.prepare(`SELECT ${COLUMNS} FROM peer_audit WHERE chain = ? ORDER BY seq`).iterate(site) as IterableIterator<AuditRow>);
  const walked = walkChain(db, rows);
  const fail = (seq: number, reason: string, record?: string) => ({
    name, site, entries: walked.entries, ok: false, reason,
    firstBroken: { seq, reason, site, workstation: name, ...(record ? { record } : {}) },
  });
  if (walked.broken) return fail(walked.broken.seq, walked.broken.reason, walked.broken.record);
  const unsealed = site === ownSite ? pruneSealBreak(db) : undefined;
  if (unsealed) return fail(unsealed.seq, unsealed.reason);
  const head = headOf(db, site);
  const keys =
    site === ownSite
      ? (cached(db, 'SELECT sign_public FROM sync_keys').pluck().all() as string[])
      : // A workstation restored from a backup rejoins under a new site id with the same keys: its former chain stays
        // signed by a key this ledger trusts, now listed under the new site; an earlier self of this workstation's
        // own is signed by its own key.
        (cached(
          db,
          `SELECT sign_public FROM peer_keys WHERE site = @site OR NOT EXISTS (SELECT 1 FROM peer_keys WHERE site = @site)
           UNION SELECT sign_public FROM sync_keys WHERE NOT EXISTS (SELECT 1 FROM peer_keys WHERE site = @site)`,
        ).pluck().all({ site }) as string[]);
  if (head) {
    if (!keys.includes(head.signPublic) || !verifyHead(site, head)) return fail(head.seq, '审计链末端的签名无效（签名或所签内容被改动）');
    const at = db.prepare(`SELECT hash FROM ${site === ownSite ? 'audit WHERE' : 'peer_audit WHERE chain = @site AND'} seq = @seq`).pluck().get({ site, seq: head.seq });
    if (at !== head.hash) return fail(head.seq, '审计记录与该工作站签名时的内容不符（记录或其同步操作被改动后重算了哈希）');
  }
  if (site !== ownSite) {
    const signedTo = head?.seq ?? 0;
    if (walked.entries > signedTo) return fail(signedTo + 1, '审计记录未经该工作站签名');
    const opCount = opsOfSite(db, site);
    const covered = coveredOps(db, site);
    if (opCount !== covered) {
      return fail(walked.entries + 1, walked.entries === 0 ? '尚未收到该工作站签名的审计链（其操作无从核对）' : `该工作站的同步操作有 ${opCount} 条，其签名的审计链只涵盖 ${covered} 条（有操作被添加或删除）`);
    }
  }
  return { name, site, entries: walked.entries, ok: true };
}

/** A site with no chain of its own whose every operation is covered by entries in other workstations' chains. */
function coveredBySuccessor(db: Db, site: string): boolean {
  if (cached(db, 'SELECT 1 FROM peer_audit WHERE chain = ? LIMIT 1').get(site) || headOf(db, site)) return false;
  const opCount = opsOfSite(db, site);
  return opCount > 0 && coveredOps(db, site) === opCount;
}

/**
 * How many of a site's operations the signed chains here cover. A workstation restored from a backup carries its
 * earlier self's entries in its new chain, so the entries are counted wherever they are, once each (the same entry
 * sits in every successor's chain); each chain's entries were checked against their operations and signed head.
 */
function coveredOps(db: Db, site: string): number {
  return cached(
    db,
    `SELECT coalesce(sum(op_count), 0) FROM (SELECT DISTINCT first_hlc, op_count FROM peer_audit
       WHERE substr(first_hlc, -16) = ? AND op_count > 0)`,
  ).pluck().get(site) as number;
}

function opsOfSite(db: Db, site: string): number {
  return cached(
    db,
    `SELECT (SELECT count(*) FROM held_ops WHERE site = @site) + (SELECT count(*) FROM quarantine WHERE site = @site)`,
  ).pluck().get({ site }) as number + storedOpCountOf(db, site) + prunedCountOf(db, site);
}
