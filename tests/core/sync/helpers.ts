import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { afterEach } from 'vitest';
import { SCHEMA_VERSION, type Db } from '../../../electron/core/db/open.js';
import { type Ledger, openLedger } from '../../../electron/core/open-ledger.js';
import { LEDGER_TABLES } from '../../../electron/core/ledger/tables.js';
import { seal } from '../../../electron/core/sync/age.js';
import { cardOf } from '../../../electron/core/sync/card.js';
import { encodeContainer } from '../../../electron/core/sync/container.js';
import { loadIdentity } from '../../../electron/core/sync/identity.js';
import { sha256Hex, signManifest } from '../../../electron/core/sync/keys.js';
import { memoryKeyStore } from '../../../electron/core/sync/keystore.js';
import { BUNDLE_FORMAT, FORMAT_VERSION, type Manifest, PAYLOAD_ENCODING, rangesOf } from '../../../electron/core/sync/manifest.js';
import { addPeer } from '../../../electron/core/sync/peers.js';

/** A clock tests move by hand; starts 2026-11-28 12:00 China time. */
export function testClock(start = Date.parse('2026-11-28T04:00:00Z')) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
  };
}

/** An in-memory workstation with its keys in memory, closed after the test. */
export function replica(name: string, now: () => number, options: { keep?: boolean } = {}): Ledger {
  const ledger = openLedger({ path: ':memory:', now, siteName: name, actor: name, keyStore: memoryKeyStore() });
  if (!options.keep) {
    afterEach(() => {
      if (ledger.db.open) ledger.close();
    });
  }
  return ledger;
}

/** Every pair exchanges contact cards and trusts each other (as after comparing fingerprints by phone). */
export async function introduce(...ledgers: Ledger[]): Promise<void> {
  const cards = await Promise.all(ledgers.map(async (l) => cardOf(await loadIdentity(l))));
  for (const l of ledgers) {
    for (const card of cards) {
      if (card.site !== l.siteId) addPeer(l.db, card, true, l.siteId, new Date(l.ctx.now()).toISOString());
    }
  }
}

/**
 * The synced state: every ledger table (rows by id) and the operation log. Local bookkeeping is left out, and
 * so are derived indexes, which are keyed by each database's own rowids.
 */
export function ledgerHash(db: Db): string {
  const hash = createHash('sha256');
  for (const table of Object.keys(LEDGER_TABLES).sort()) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()) hash.update(`${table}\t${JSON.stringify(row)}\n`);
  }
  for (const row of db.prepare('SELECT hlc, site, tbl, row, col, value FROM ops ORDER BY hlc').all()) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

/** Every row of every table, local bookkeeping included: "the database is exactly as before". */
export function wholeDbHash(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r)).sort();
    hash.update(`${name}:${rows.length}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

export const LOW_SCRYPT = 2; // tests only: age's scrypt at N = 4 costs nothing

/**
 * Builds a bundle from whatever a hostile (but key-holding) sender chooses: raw payload frames, any manifest
 * fields, signed with `signer`'s real key. Used to prove that validation, not the signature, stops bad content.
 */
export async function craftBundle(
  signer: Ledger,
  options: {
    frames: unknown[];
    manifest?: (m: Manifest) => Record<string, unknown>;
    passphrase?: string;
    recipients?: string[];
    rawPayload?: Buffer;
    declaredBytes?: number;
  },
): Promise<Uint8Array> {
  const identity = await loadIdentity(signer);
  const raw =
    options.rawPayload ??
    Buffer.concat(
      options.frames.flatMap((frame) => {
        const body = Buffer.from(JSON.stringify(frame), 'utf8');
        const head = Buffer.alloc(4);
        head.writeUInt32BE(body.length);
        return [head, body];
      }),
    );
  const payload = deflateRawSync(raw);
  const ops = options.frames.flatMap((f) => (Array.isArray(f) ? (f as unknown[][]) : []));
  const ranges = rangesOf(ops.map((op) => String(op[0])));
  const base: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    bundleId: randomBytes(16).toString('hex'),
    createdAt: new Date(signer.ctx.now()).toISOString(),
    sender: {
      site: identity.site,
      name: identity.name,
      signPublic: identity.current.signPublic,
      ageRecipient: identity.current.ageRecipient,
      fingerprint: identity.current.fingerprint,
    },
    recipients: { peers: [], passphrase: true },
    full: false,
    seen: {},
    ranges,
    opCount: ops.length,
    payload: {
      encoding: PAYLOAD_ENCODING,
      compression: 'deflate-raw',
      bytes: options.declaredBytes ?? raw.length,
      compressedBytes: payload.length,
      sha256: sha256Hex(payload),
    },
  };
  const manifest = options.manifest ? options.manifest(base) : base;
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const plaintext = encodeContainer({ manifest: manifestBytes, signature: signManifest(manifestBytes, identity.current.signSecret), payload });
  return seal(plaintext, {
    recipients: options.recipients ?? [],
    ...(options.recipients ? {} : { passphrase: options.passphrase ?? 'office-passphrase' }),
    scryptWorkFactor: LOW_SCRYPT,
  });
}

/** The bytes as a stream of chunks of these sizes, in turn (to read a stream however it happens to be cut). */
export function inChunks(bytes: Buffer, sizes: readonly number[]): AsyncIterable<Uint8Array> {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks, { objectMode: true });
}
