import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createDeflateRaw } from 'node:zlib';
import { openLedger } from '../../electron/core/open-ledger.js';
import { sealStream } from '../../electron/core/sync/age.js';
import { cardOf } from '../../electron/core/sync/card.js';
import { containerHead } from '../../electron/core/sync/container.js';
import { loadIdentity } from '../../electron/core/sync/identity.js';
import { importBundleFile, MAX_PAYLOAD_BYTES } from '../../electron/core/sync/import.js';
import { signManifest } from '../../electron/core/sync/keys.js';
import { fileKeyStore } from '../../electron/core/sync/keystore.js';
import { BUNDLE_FORMAT, FORMAT_VERSION, type Manifest, PAYLOAD_ENCODING, rangesOf } from '../../electron/core/sync/manifest.js';
import { MAX_FRAME_BYTES } from '../../electron/core/sync/payload.js';
import { addPeer } from '../../electron/core/sync/peers.js';
import { SCHEMA_VERSION } from '../../electron/core/db/open.js';
import { bundleSelf } from './bundle-self.js';
import { bytes, count, ms } from './measure.js';
import type { BenchRow } from './table.js';

// Peak memory of the largest bundle the format lets through: a trusted peer's properly signed and encrypted bundle
// whose payload inflates to just under the cap (MAX_PAYLOAD_BYTES, 1 GiB), in frames of several sizes (below)
// of operations whose values are as long as a field may be (1,000,000 characters) — the
// worst case for every buffer on the read path (one whole frame, its parse, its staging). It is read by a fresh
// process (bundled by esbuild, run under plain node, as sync-memory.ts does) whose VmHWM is the figure, twice:
//   · refused at the very end because the payload's hash is not the one the manifest signs, so everything up to the
//     last byte was decrypted, inflated, framed, checked and staged first;
//   · refused at its very last operation, which breaks a rule (a table no version syncs).
// Either way nothing may be applied: the receiving ledger's operation count is read before and after.
// It is read in frames of the writer's size (about 4 MiB), in frames at the earlier frame limit (64 MiB) and in one
// frame as long as the payload: frames are read as they stream, one operation at a time, so the memory follows the
// largest operation, not the frame or the bundle.
// Applying a valid 1 GiB bundle is not measured here: some 350 responses of 1,000,000 characters each is no office's ledger,
// and its apply writes (and indexes for search) a gigabyte; sync-memory.ts measures the apply of a real 20k ledger.
// Usage: tsx scripts/bench/sync-cap-memory.ts SCRATCH_DIR → JSON rows on the last line of stdout.
//        (internally: … import RECEIVER BUNDLE)

const BUDGET_MIB = 256;
const SELF = fileURLToPath(import.meta.url);
const VALUE_CHARS = 1_000_000;
/** About what the writer's frames of 4,096 operations come to in a real ledger (sync-memory.ts: 160 MB in ~40 frames). */
const WRITER_FRAME_BYTES = 4 * 1024 * 1024;
/** The frame limit before frames were read as they stream: frames this long were read, and parsed, whole. */
const OLD_FRAME_LIMIT = 64 * 1024 * 1024;

const peakKiB = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? process.resourceUsage().maxRSS);
const open = (path: string) => openLedger({ path, keyStore: fileKeyStore(`${path}.keys`), actor: '基准测试' });
const opCountOf = (ledger: ReturnType<typeof open>) => ledger.db.prepare('SELECT count(*) FROM op_log').pluck().get() as number;

async function importPhase(receiverPath: string, bundlePath: string): Promise<object> {
  const start = performance.now();
  const receiver = open(receiverPath);
  const before = opCountOf(receiver);
  let refusal = '';
  try {
    await importBundleFile(receiver, bundlePath, { confirmMassDelete: true });
  } catch (error) {
    refusal = (error as Error).message;
  }
  const after = opCountOf(receiver);
  receiver.close();
  return { peakKiB: peakKiB(), ms: performance.now() - start, before, after, refusal };
}

type Ending = 'bad-hash' | 'bad-last-op';

// Each value differs in its head, so the stream is not one repeated block; the rest is plain Chinese text.
const FILLER = '网民反映某路段积水严重，相关部门已到场处置。'.repeat(Math.ceil(VALUE_CHARS / 22)).slice(0, VALUE_CHARS - 8);
const stampOf = (site: string, n: number) => `${new Date(Date.UTC(2026, 10, 1) + n).toISOString()}-0000-${site}`;
const opText = (site: string, n: number, tbl: string) =>
  `[${JSON.stringify(stampOf(site, n))},"${tbl}","cap-${n}","content",${JSON.stringify(`${String(n).padStart(8, '0')}${FILLER}`)}]`;

/** How many operations fill a frame to just under the frame limit, and how many frames the payload to just under the cap. */
function shapeOf(site: string, frameBytes: number): { perFrame: number; frames: number; perOp: number } {
  const perOp = Buffer.byteLength(opText(site, 0, "responses")) + 1;
  const perFrame = Math.floor((Math.min(frameBytes, MAX_PAYLOAD_BYTES - 5) - 2) / perOp);
  return { perOp, perFrame, frames: Math.floor(MAX_PAYLOAD_BYTES / (4 + perFrame * perOp + 1)) };
}

/** Frames of valid operations (response texts of VALUE_CHARS each), filling the payload to just under the cap. */
function* capFrames(site: string, ending: Ending, frameBytes: number): Generator<Buffer> {
  const { perFrame, frames } = shapeOf(site, frameBytes);
  let n = 0;
  for (let f = 0; f < frames; f += 1) {
    const ops: string[] = [];
    for (let i = 0; i < perFrame; i += 1, n += 1) {
      const last = f === frames - 1 && i === perFrame - 1;
      ops.push(opText(site, n, last && ending === 'bad-last-op' ? 'no_such_table' : 'responses'));
    }
    const body = Buffer.from(`[${ops.join(',')}]`, 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    yield head;
    yield body;
  }
}

/** The stamps capFrames writes, without building its values: what the manifest counts. */
function capStamps(site: string, frameBytes: number): string[] {
  const { perFrame, frames } = shapeOf(site, frameBytes);
  return Array.from({ length: perFrame * frames }, (_, n) => stampOf(site, n));
}

/** A signed, encrypted bundle from `senderPath` to `receiverPath` carrying capFrames; what it holds. */
async function writeCapBundle(senderPath: string, receiverPath: string, bundlePath: string, ending: Ending, frameBytes: number): Promise<{ ops: number; inflated: number; ms: number }> {
  const start = performance.now();
  const sender = open(senderPath);
  const receiver = open(receiverPath);
  const identity = await loadIdentity(sender);
  const to = (await loadIdentity(receiver)).current;
  const receiverSite = receiver.siteId;
  sender.close();
  receiver.close();
  const compressedPath = `${bundlePath}.deflate`;
  const hash = createHash('sha256');
  let inflated = 0;
  let compressedBytes = 0;
  const frames = Readable.from(
    (function* () {
      for (const chunk of capFrames(identity.site, ending, frameBytes)) {
        inflated += chunk.length;
        yield chunk;
      }
    })(),
  );
  await pipeline(
    frames,
    createDeflateRaw({ level: 1 }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        compressedBytes += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(compressedPath),
  );
  const stamps = capStamps(identity.site, frameBytes);
  const opTotal = stamps.length;
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    bundleId: createHash('md5').update(bundlePath + ending).digest('hex'),
    createdAt: new Date().toISOString(),
    sender: {
      site: identity.site,
      name: identity.name,
      signPublic: identity.current.signPublic,
      ageRecipient: identity.current.ageRecipient,
      fingerprint: identity.current.fingerprint,
    },
    recipients: { peers: [{ site: receiverSite, name: '接收方', fingerprint: to.fingerprint }], passphrase: false },
    full: true,
    seen: {},
    ranges: rangesOf(stamps),
    opCount: opTotal,
    payload: {
      encoding: PAYLOAD_ENCODING,
      compression: 'deflate-raw',
      bytes: inflated,
      compressedBytes,
      // The signed hash: the payload's own, or (for the first row) one that differs in its last digit.
      sha256: ending === 'bad-hash' ? flipLast(hash.digest('hex')) : hash.digest('hex'),
    },
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const head = containerHead(manifestBytes, signManifest(manifestBytes, identity.current.signSecret));
  const plaintext = Readable.toWeb(
    Readable.from(
      (async function* () {
        yield head;
        for await (const chunk of createReadStream(compressedPath, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
      })(),
    ),
  ) as ReadableStream<Uint8Array>;
  const sealed = await sealStream(plaintext, { recipients: [to.ageRecipient] });
  await pipeline(Readable.fromWeb(sealed), createWriteStream(bundlePath));
  rmSync(compressedPath, { force: true });
  return { ops: opTotal, inflated, ms: performance.now() - start };
}

const flipLast = (hex: string) => hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');

interface ImportFigures {
  peakKiB: number;
  ms: number;
  before: number;
  after: number;
  refusal: string;
}

function child(script: string, args: readonly string[]): ImportFigures {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !last.startsWith('{')) throw new Error(`import failed: exit ${run.status ?? run.signal}`);
  return JSON.parse(last) as ImportFigures;
}

const [scratch, name, ...paths] = process.argv.slice(2);
if (name === 'import') {
  console.log(JSON.stringify(await importPhase(paths[0]!, paths[1]!)));
} else {
  const senderPath = join(scratch!, 'cap-sender.db');
  const receiverPath = join(scratch!, 'cap-receiver.db');
  const bundlePath = join(scratch!, 'cap.yqb');
  for (const path of [senderPath, receiverPath, `${senderPath}.keys`, `${receiverPath}.keys`, bundlePath]) rmSync(path, { force: true });
  {
    const sender = open(senderPath);
    const receiver = open(receiverPath);
    const now = new Date().toISOString();
    addPeer(sender.db, cardOf(await loadIdentity(receiver)), true, sender.siteId, now);
    addPeer(receiver.db, cardOf(await loadIdentity(sender)), true, receiver.siteId, now);
    sender.close();
    receiver.close();
  }
  const script = bundleSelf(SELF);
  const mib = (kib: number) => kib / 1024;
  const verdict = (r: ImportFigures) =>
    `${mib(r.peakKiB) <= BUDGET_MIB && r.after === r.before && r.refusal !== '' ? 'ok' : 'OVER'} ${(mib(r.peakKiB) / BUDGET_MIB).toFixed(2)}× budget; ` +
    `ledger ops ${count(r.before)} → ${count(r.after)}; “${r.refusal.slice(0, 40)}”`;
  const rows: BenchRow[] = [];
  const cases = [
    { ending: 'bad-hash', frameBytes: WRITER_FRAME_BYTES },
    { ending: 'bad-last-op', frameBytes: WRITER_FRAME_BYTES },
    { ending: 'bad-hash', frameBytes: OLD_FRAME_LIMIT },
    { ending: 'bad-last-op', frameBytes: MAX_FRAME_BYTES },
  ] as const;
  for (const { ending, frameBytes } of cases) {
    const made = await writeCapBundle(senderPath, receiverPath, bundlePath, ending, frameBytes);
    const read = child(script, [scratch!, 'import', receiverPath, bundlePath]);
    const what =
      ending === 'bad-hash' ? 'refused at its last byte (the signed hash differs)' : 'refused at its last operation (a table no version syncs)';
    rows.push({
      measure:
        rows.length === 0
          ? `sync memory at the cap: a trusted peer's signed bundle inflating to ${bytes(made.inflated)} (${count(made.ops)} ops of 1,000,000 characters, ` +
            `${bytes(statSync(bundlePath).size)} on disk, made in ${ms(made.ms)}) in ${bytes(frameBytes)} frames, decrypted, verified, checked and staged, ${what}, peak RSS`
          : frameBytes === MAX_FRAME_BYTES
            ? `  the same in one frame (the frame limit is the payload cap), ${what}, peak RSS`
            : `  the same in ${bytes(frameBytes)} frames${frameBytes === OLD_FRAME_LIMIT ? ' (the earlier frame limit)' : ''}, ${what}, peak RSS`,
      value: `${mib(read.peakKiB).toFixed(0)} MiB in ${ms(read.ms)}`,
      budget: `≤ ${BUDGET_MIB} MiB, nothing applied`,
      verdict: verdict(read),
    });
  }
  rmSync(bundlePath, { force: true });
  console.log(JSON.stringify(rows));
}
