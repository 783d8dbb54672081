import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LedgerError } from '../../../shared/errors.js';
import type { ExportResult } from '../../../shared/sync-schemas.js';
import { SCHEMA_VERSION } from '../db/open.js';
import { attachmentPath } from '../ledger/attachments.js';
import { allOps, opsOfSiteAfter } from '../ledger/op-store.js';
import { cached } from '../ledger/statements.js';
import { catalogueOf } from '../ledger/mutate.js';
import { syncVersionOf } from '../ledger/tables.js';
import { seal } from './age.js';
import { encodeContainer } from './container.js';
import type { SyncHost } from './host.js';
import { loadIdentity } from './identity.js';
import { sha256Hex, signManifest } from './keys.js';
import { BUNDLE_FORMAT, FORMAT_VERSION, type Manifest, PAYLOAD_ENCODING, rangesOf } from './manifest.js';
import { auditVector, chainsFor, signOwnHead } from './audit-chains.js';
import { compress, encodeOps, type Blob } from './payload.js';
import { findPeer, peerSeen, recipientOf } from './peers.js';
import { fileProblem } from '../file-problems.js';

// Writing a bundle: the operations the chosen peers are not known to hold (by the version vectors they sent
// us), or all of them; a manifest signed with our Ed25519 key; compressed; sealed with age to the peers' keys
// or to the office passphrase; written under a temporary name and renamed, so a half-written bundle never
// exists under the name someone will carry away.

export interface ExportOptions {
  /** Names or site ids of trusted peers. */
  peers: readonly string[];
  passphrase?: string;
  full: boolean;
  /** Also carry the contents of the attachments whose records the bundle carries (when this workstation has them). */
  attachments?: boolean;
  /** Tests only: a cheap scrypt for passphrase bundles. */
  scryptWorkFactor?: number;
  /** Where a long export is, for a progress display. */
  onProgress?: (phase: ExportPhase) => void;
}

export type ExportPhase = 'collect' | 'compress' | 'encrypt' | 'write' | 'done';

export interface BuiltBundle {
  bytes: Uint8Array;
  manifest: Manifest;
  recipientNames: string[];
}

type OpRow = [string, string, string, string, string]; // hlc, tbl, row, col, value (JSON)

export async function buildBundle(host: SyncHost, options: ExportOptions): Promise<BuiltBundle> {
  const { db, ctx } = host;
  const identity = await loadIdentity(host);
  const peers = [...new Map(options.peers.map((ref) => findPeer(db, ref)).map((p) => [p.siteId, p])).values()];
  for (const peer of peers) {
    if (!peer.trusted) throw new LedgerError('forbidden', `工作站“${peer.name}”未受信任，不能向其导出同步包`);
  }
  if (peers.length === 0 && options.passphrase === undefined) {
    throw new LedgerError('invalid_input', '请选择对方工作站，或设置办公室口令');
  }
  const recipients = options.passphrase === undefined ? peers.map((p) => recipientOf(db, p.siteId)) : [];
  // Without named peers nobody's holdings are known: send everything.
  const full = options.full || peers.length === 0;

  options.onProgress?.('collect');
  // One read transaction: the operations and the version vector describe the same moment.
  // Our chain's head is signed with the operations it covers; the chains carried are read in the same moment.
  const { rows, seen, chains, auditSeen } = db.transaction(() => {
    signOwnHead(db, identity.site, identity.current, new Date(ctx.now()).toISOString());
    return {
      rows: selectOps(host, peers.map((p) => p.siteId), full),
      seen: ourVector(host),
      chains: chainsFor(db, identity.site, peers.map((p) => p.siteId), full),
      auditSeen: auditVector(db, identity.site),
    };
  })();
  const ranges = rangesOf(rows.map(([hlc]) => hlc));
  const raw = encodeOps(rows, conflictsFor(host, rows, full), options.attachments ? attachmentBlobs(host, rows) : [], chains);
  options.onProgress?.('compress');
  const payload = compress(raw);
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    // Operations held from a newer peer travel on: the bundle then speaks for that newer version.
    syncVersion: Math.max(syncVersionOf(catalogueOf(ctx)), heldVersionOf(host, rows)),
    bundleId: randomBytes(16).toString('hex'),
    createdAt: new Date(ctx.now()).toISOString(),
    sender: {
      site: identity.site,
      name: identity.name,
      signPublic: identity.current.signPublic,
      ageRecipient: identity.current.ageRecipient,
      fingerprint: identity.current.fingerprint,
    },
    recipients: {
      peers: peers.map((p) => ({ site: p.siteId, name: p.name, fingerprint: p.fingerprint })),
      passphrase: options.passphrase !== undefined,
    },
    full,
    seen,
    auditSeen,
    ranges,
    opCount: rows.length,
    payload: {
      encoding: PAYLOAD_ENCODING,
      compression: 'deflate-raw',
      bytes: raw.length,
      compressedBytes: payload.length,
      sha256: sha256Hex(payload),
    },
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const plaintext = encodeContainer({ manifest: manifestBytes, signature: signManifest(manifestBytes, identity.current.signSecret), payload });
  options.onProgress?.('encrypt');
  const bytes = await seal(plaintext, {
    recipients,
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
    ...(options.scryptWorkFactor !== undefined ? { scryptWorkFactor: options.scryptWorkFactor } : {}),
  });
  return { bytes, manifest, recipientNames: peers.map((p) => p.name) };
}

// Operations held for a newer version (sync/held.ts) are part of what this workstation holds and passes on; they
// are kept as they came, beside the compact store of applied ones (ledger/op-store.ts).
const byStamp = (a: OpRow, b: OpRow) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function withHeld(db: SyncHost['db'], stored: OpRow[], site: string | undefined, after: string): OpRow[] {
  const held = (
    site === undefined
      ? cached(db, 'SELECT hlc, tbl, row, col, value FROM held_ops').raw().all()
      : cached(db, 'SELECT hlc, tbl, row, col, value FROM held_ops WHERE site = ? AND hlc > ?').raw().all(site, after)
  ) as OpRow[];
  return held.length === 0 ? stored : [...stored, ...held].sort(byStamp);
}

function selectOps(host: SyncHost, peerSites: readonly string[], full: boolean): OpRow[] {
  const { db } = host;
  if (full) return withHeld(db, allOps(db), undefined, '');
  const known = peerSites.map((site) => peerSeen(db, site));
  const rows: OpRow[] = [];
  for (const { site } of cached(db, 'SELECT site FROM sites ORDER BY site').all() as { site: string }[]) {
    // What the least-informed of the chosen peers holds of this site; nothing known means from the start.
    const from = known.reduce((low, vector) => {
      const have = vector.get(site) ?? '';
      return have < low ? have : low;
    }, '\uffff');
    const after = from === '\uffff' ? '' : from;
    for (const row of withHeld(db, opsOfSiteAfter(db, site, after), site, after)) rows.push(row);
  }
  return rows;
}

type ConflictRow = [string, string, string, string, string]; // tbl, row, col, winner hlc, loser hlc

/** Conflicts we recorded that involve an operation in this bundle: the receiver lists them too. */
function conflictsFor(host: SyncHost, rows: readonly OpRow[], full: boolean): ConflictRow[] {
  const all = cached(host.db, "SELECT tbl, row, col, winner_hlc, loser_hlc FROM conflicts WHERE kind = 'field' ORDER BY id")
    .raw()
    .all() as ConflictRow[];
  if (full || all.length === 0) return all;
  const carried = new Set(rows.map(([hlc]) => hlc));
  return all.filter(([, , , winner, loser]) => carried.has(winner) || carried.has(loser));
}

/** The newest sync version among the held operations a bundle carries (0 when it carries none). */
function heldVersionOf(host: SyncHost, rows: readonly OpRow[]): number {
  const versionOf = cached(host.db, 'SELECT sync_version FROM held_ops WHERE hlc = ?').pluck();
  const any = cached(host.db, 'SELECT 1 FROM held_ops LIMIT 1').get();
  if (!any) return 0;
  return rows.reduce((max, [hlc]) => Math.max(max, (versionOf.get(hlc) as number | undefined) ?? 0), 0);
}

function ourVector(host: SyncHost): Record<string, string> {
  const rows = cached(host.db, 'SELECT site, max_hlc FROM sites').all() as { site: string; max_hlc: string }[];
  return Object.fromEntries(rows.map((r) => [r.site, r.max_hlc]));
}

/** Writes next to the target, flushes, then renames: the target name only ever holds a whole bundle. */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new LedgerError('storage', `无法写入同步包 ${path}：${fileProblem(error)}`);
  }
}

export async function exportBundleFile(host: SyncHost, path: string, options: ExportOptions): Promise<ExportResult> {
  const built = await buildBundle(host, options);
  options.onProgress?.('write');
  writeAtomically(path, built.bytes);
  const { manifest } = built;
  const at = new Date(host.ctx.now()).toISOString();
  const to = options.passphrase !== undefined ? '办公室口令' : built.recipientNames.join('、');
  cached(
    host.db,
    `INSERT INTO bundles (bundle_id, direction, peer_site, peer_name, at, created_at, file, bytes, op_count, full, passphrase,
       payload_sha256) VALUES (?, 'out', '', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    manifest.bundleId, to, at, manifest.createdAt, path, built.bytes.length, manifest.opCount, manifest.full ? 1 : 0,
    manifest.recipients.passphrase ? 1 : 0, manifest.payload.sha256,
  );
  options.onProgress?.('done');
  return {
    path,
    bundleId: manifest.bundleId,
    opCount: manifest.opCount,
    bytes: built.bytes.length,
    full: manifest.full,
    recipients: built.recipientNames,
    passphrase: manifest.recipients.passphrase,
  };
}

/** The contents of the attachments named in the bundle's operations that this workstation holds, each once. */
function attachmentBlobs(host: SyncHost, rows: readonly (readonly [string, string, string, string, string])[]): Blob[] {
  if (!host.attachmentsDir) return [];
  const dir = host.attachmentsDir;
  const hashes = new Set<string>();
  for (const [, tbl, , col, value] of rows) {
    if (tbl !== 'attachments' || col !== 'sha256') continue;
    const sha256: unknown = JSON.parse(value);
    if (typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)) hashes.add(sha256);
  }
  return [...hashes].flatMap((sha256) => {
    const path = attachmentPath(dir, sha256);
    return existsSync(path) ? [{ sha256, bytes: readFileSync(path) }] : [];
  });
}
