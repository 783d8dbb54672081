import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw } from 'node:zlib';
import { LedgerError } from '../../../shared/errors.js';
import type { ExportResult } from '../../../shared/sync-schemas.js';
import { SCHEMA_VERSION } from '../db/open.js';
import { attachmentPath } from '../ledger/attachments.js';
import { eachOpOfSiteAfter } from '../ledger/op-store.js';
import { cached } from '../ledger/statements.js';
import { catalogueOf } from '../ledger/mutate.js';
import { syncVersionOf } from '../ledger/tables.js';
import { sealStream } from './age.js';
import { containerHead } from './container.js';
import type { SyncHost } from './host.js';
import { loadIdentity } from './identity.js';
import { signManifest } from './keys.js';
import { BUNDLE_FORMAT, FORMAT_VERSION, type Manifest, PAYLOAD_ENCODING } from './manifest.js';
import { auditVector, chainsFor, signOwnHead } from './audit-chains.js';
import { encodePayload, type Blob } from './payload.js';
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

type OpRow = readonly [string, string, string, string, string]; // hlc, tbl, row, col, value (JSON)

/** A bundle in memory (tests, the bench's small bundles); files are written as a stream by exportBundleFile. */
export async function buildBundle(host: SyncHost, options: ExportOptions): Promise<BuiltBundle> {
  const sealed = await sealBundle(host, options, scratchDirOf(host));
  try {
    const chunks: Uint8Array[] = [];
    for await (const chunk of sealed.stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return { bytes: Buffer.concat(chunks), manifest: sealed.manifest, recipientNames: sealed.recipientNames };
  } finally {
    sealed.cleanup();
  }
}

interface Sealed {
  /** The age file, as it is encrypted. */
  stream: ReadableStream<Uint8Array>;
  manifest: Manifest;
  recipientNames: string[];
  /** Removes the scratch files, once the stream has been read (or abandoned). */
  cleanup: () => void;
}

/**
 * Writes a bundle without holding it: the operations are framed to a scratch file in one read transaction (they
 * and the version vector describe one moment), compressed to a second one while hashed and counted (the signed
 * manifest, which comes first, holds the hash), and the container is then encrypted as a stream.
 */
async function sealBundle(host: SyncHost, options: ExportOptions, scratch: string): Promise<Sealed> {
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

  const tag = randomBytes(4).toString('hex');
  const rawPath = join(scratch, `.yq-bundle-${tag}.frames`);
  const compressedPath = join(scratch, `.yq-bundle-${tag}.deflate`);
  const cleanup = () => {
    rmSync(rawPath, { force: true });
    rmSync(compressedPath, { force: true });
  };
  try {
    options.onProgress?.('collect');
    const collected = collectPayload(host, rawPath, identity, peers.map((p) => p.siteId), full, options.attachments ?? false);
    options.onProgress?.('compress');
    const hash = createHash('sha256');
    let compressedBytes = 0;
    await pipeline(
      createReadStream(rawPath, { highWaterMark: 1024 * 1024 }),
      createDeflateRaw({ level: 6 }),
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          compressedBytes += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(compressedPath, { flags: 'wx', mode: 0o600 }),
    );
    rmSync(rawPath, { force: true });
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      formatVersion: FORMAT_VERSION,
      schemaVersion: SCHEMA_VERSION,
      // Operations held from a newer peer travel on: the bundle then speaks for that newer version.
      syncVersion: Math.max(syncVersionOf(catalogueOf(ctx)), collected.heldVersion),
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
      seen: collected.seen,
      auditSeen: collected.auditSeen,
      ranges: collected.ranges,
      opCount: collected.opCount,
      payload: {
        encoding: PAYLOAD_ENCODING,
        compression: 'deflate-raw',
        bytes: collected.rawBytes,
        compressedBytes,
        sha256: hash.digest('hex'),
      },
    };
    const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
    const head = containerHead(manifestBytes, signManifest(manifestBytes, identity.current.signSecret));
    options.onProgress?.('encrypt');
    const plaintext = Readable.toWeb(Readable.from(containerChunks(head, compressedPath))) as ReadableStream<Uint8Array>;
    const stream = await sealStream(plaintext, {
      recipients,
      ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
      ...(options.scryptWorkFactor !== undefined ? { scryptWorkFactor: options.scryptWorkFactor } : {}),
    });
    return { stream, manifest, recipientNames: peers.map((p) => p.name), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

async function* containerChunks(head: Uint8Array, compressedPath: string): AsyncGenerator<Uint8Array> {
  yield head;
  for await (const chunk of createReadStream(compressedPath, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
}

/** Scratch files go beside the ledger (what they hold is the ledger's own content), or to the system's for one in memory. */
function scratchDirOf(host: SyncHost): string {
  const name = host.db.name;
  return isAbsolute(name) ? dirname(name) : tmpdir();
}

interface Collected {
  seen: Record<string, string>;
  auditSeen: Record<string, number>;
  ranges: Manifest['ranges'];
  opCount: number;
  rawBytes: number;
  heldVersion: number;
}

/** Frames the payload into `rawPath` in one read transaction; answers what the manifest says of it. */
function collectPayload(
  host: SyncHost,
  rawPath: string,
  identity: Awaited<ReturnType<typeof loadIdentity>>,
  peerSites: readonly string[],
  full: boolean,
  attachments: boolean,
): Collected {
  const { db, ctx } = host;
  const fd = openSync(rawPath, 'wx', 0o600);
  try {
    return db.transaction(() => {
      // Our chain's head is signed with the operations it covers; the chains carried are read in the same moment.
      signOwnHead(db, identity.site, identity.current, new Date(ctx.now()).toISOString());
      const seen = ourVector(host);
      const auditSeen = auditVector(db, identity.site);
      const from = full ? undefined : startsFor(host, peerSites);
      const ranges: Manifest['ranges'] = {};
      const hashes = new Set<string>();
      let opCount = 0;
      let heldVersion = 0;
      function* ops(): Generator<OpRow> {
        for (const { row, syncVersion } of selectOps(host, from)) {
          const [hlc, tbl, , col, value] = row;
          noteRange(ranges, hlc);
          opCount += 1;
          if (syncVersion > heldVersion) heldVersion = syncVersion;
          if (attachments && tbl === 'attachments' && col === 'sha256') {
            const sha256: unknown = JSON.parse(value);
            if (typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)) hashes.add(sha256);
          }
          yield row;
        }
      }
      let rawBytes = 0;
      const frames = encodePayload({
        ops: ops(),
        conflicts: () => conflictsFor(host, from),
        chains: () => chainsFor(db, identity.site, peerSites, full),
        blobs: () => (attachments ? attachmentBlobs(host, hashes) : []),
      });
      for (const frame of frames) {
        let offset = 0;
        while (offset < frame.length) offset += writeSync(fd, frame, offset, frame.length - offset);
        rawBytes += frame.length;
      }
      return { seen, auditSeen, ranges, opCount, rawBytes, heldVersion };
    })();
  } finally {
    closeSync(fd);
  }
}

function noteRange(ranges: Manifest['ranges'], hlc: string): void {
  const site = hlc.slice(-16);
  const range = ranges[site];
  if (!range) ranges[site] = { first: hlc, last: hlc, count: 1 };
  else {
    range.count += 1;
    if (hlc < range.first) range.first = hlc;
    if (hlc > range.last) range.last = hlc;
  }
}

/** Per site, the stamp after which the least-informed of the chosen peers lacks its operations ('' = all of them). */
function startsFor(host: SyncHost, peerSites: readonly string[]): Map<string, string> {
  const known = peerSites.map((site) => peerSeen(host.db, site));
  const starts = new Map<string, string>();
  for (const { site } of cached(host.db, 'SELECT site FROM sites ORDER BY site').all() as { site: string }[]) {
    // What the least-informed of the chosen peers holds of this site; nothing known means from the start.
    const from = known.reduce((low, vector) => {
      const have = vector.get(site) ?? '';
      return have < low ? have : low;
    }, '\uffff');
    starts.set(site, from === '\uffff' ? '' : from);
  }
  return starts;
}

// Operations held for a newer version (sync/held.ts) are part of what this workstation holds and passes on; they
// are kept as they came, beside the compact store of applied ones (ledger/op-store.ts), and follow them.
function* selectOps(host: SyncHost, from: Map<string, string> | undefined): Generator<{ row: OpRow; syncVersion: number }> {
  const { db } = host;
  const heldRows = (site: string | undefined, after: string) =>
    (site === undefined
      ? db.prepare('SELECT hlc, tbl, row, col, value, sync_version FROM held_ops ORDER BY hlc').raw().iterate()
      : db.prepare('SELECT hlc, tbl, row, col, value, sync_version FROM held_ops WHERE site = ? AND hlc > ? ORDER BY hlc').raw().iterate(site, after)) as IterableIterator<
      [string, string, string, string, string, number]
    >;
  const stored = (site: string, after: string) => eachOpOfSiteAfter(db, site, after);
  if (from === undefined) {
    for (const site of cached(db, 'SELECT site FROM op_sites ORDER BY site').pluck().all() as string[]) {
      for (const row of stored(site, '')) yield { row, syncVersion: 0 };
    }
    for (const [hlc, tbl, row, col, value, syncVersion] of heldRows(undefined, '')) yield { row: [hlc, tbl, row, col, value], syncVersion };
    return;
  }
  for (const [site, after] of from) {
    for (const row of stored(site, after)) yield { row, syncVersion: 0 };
    for (const [hlc, tbl, row, col, value, syncVersion] of heldRows(site, after)) yield { row: [hlc, tbl, row, col, value], syncVersion };
  }
}

type ConflictRow = [string, string, string, string, string]; // tbl, row, col, winner hlc, loser hlc

/** Conflicts we recorded that involve an operation in this bundle: the receiver lists them too. */
function conflictsFor(host: SyncHost, from: Map<string, string> | undefined): ConflictRow[] {
  const all = cached(host.db, "SELECT tbl, row, col, winner_hlc, loser_hlc FROM conflicts WHERE kind = 'field' ORDER BY id")
    .raw()
    .all() as ConflictRow[];
  if (from === undefined || all.length === 0) return all;
  const carried = (hlc: string) => {
    const after = from.get(hlc.slice(-16));
    return after !== undefined && hlc > after;
  };
  return all.filter(([, , , winner, loser]) => carried(winner) || carried(loser));
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
  // The scratch files go beside the bundle: a folder that cannot take them cannot take the bundle either.
  const sealed = await sealBundle(host, options, dirname(path)).catch((error: unknown) => {
    if (error instanceof LedgerError) throw error;
    throw new LedgerError('storage', `无法写入同步包 ${path}：${fileProblem(error)}`);
  });
  let bytes: number;
  try {
    options.onProgress?.('write');
    bytes = await writeStreamAtomically(path, sealed.stream);
  } finally {
    sealed.cleanup();
  }
  const { manifest } = sealed;
  const at = new Date(host.ctx.now()).toISOString();
  const to = options.passphrase !== undefined ? '办公室口令' : sealed.recipientNames.join('、');
  cached(
    host.db,
    `INSERT INTO bundles (bundle_id, direction, peer_site, peer_name, at, created_at, file, bytes, op_count, full, passphrase,
       payload_sha256) VALUES (?, 'out', '', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    manifest.bundleId, to, at, manifest.createdAt, path, bytes, manifest.opCount, manifest.full ? 1 : 0,
    manifest.recipients.passphrase ? 1 : 0, manifest.payload.sha256,
  );
  options.onProgress?.('done');
  return {
    path,
    bundleId: manifest.bundleId,
    opCount: manifest.opCount,
    bytes,
    full: manifest.full,
    recipients: sealed.recipientNames,
    passphrase: manifest.recipients.passphrase,
  };
}

/** The same as writeAtomically, for a stream; answers how many bytes were written. */
async function writeStreamAtomically(path: string, stream: ReadableStream<Uint8Array>): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    let written = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      let offset = 0;
      while (offset < chunk.length) offset += writeSync(fd, chunk, offset, chunk.length - offset);
      written += chunk.length;
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
    return written;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw new LedgerError('storage', `无法写入同步包 ${path}：${fileProblem(error)}`);
  }
}

/** The contents of the attachments named in the bundle's operations that this workstation holds, each once. */
function* attachmentBlobs(host: SyncHost, hashes: ReadonlySet<string>): Generator<Blob> {
  if (!host.attachmentsDir) return;
  for (const sha256 of hashes) {
    const path = attachmentPath(host.attachmentsDir, sha256);
    if (existsSync(path)) yield { sha256, bytes: readFileSync(path) };
  }
}
