import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { LedgerError } from '../../../shared/errors.js';
import type { ImportResult } from '../../../shared/sync-schemas.js';
import { catalogueOf } from '../ledger/mutate.js';
import { FIRST_SYNC_VERSION, syncVersionOf } from '../ledger/tables.js';
import { decryptionProblem, openStream } from './age.js';
import { applyBundle } from './apply.js';
import { byteReader, type ByteReader, framesOf, TruncatedError } from './byte-reader.js';
import { CONTAINER_HEAD_BYTES, manifestLengthOf, SIGNATURE_BYTES } from './container.js';
import { BundleError } from './errors.js';
import type { SyncHost } from './host.js';
import { loadIdentity } from './identity.js';
import { fingerprintOf, verifyManifest } from './keys.js';
import { BUNDLE_FORMAT, FORMAT_VERSION, type Manifest, manifestSchema } from './manifest.js';
import { storeBlobParts } from '../ledger/attachments.js';
import { frameChecker, MAX_FRAME_BYTES, type Reader } from './payload.js';
import { senderTrust } from './peers.js';
import { openStaging, type Staging } from './staging.js';
import { adoptRestoredPeer, auditPeerEvent, refuseReplacedSite } from '../backup/rejoin.js';

// Reading a bundle, outside in, as a stream: size → age decryption → container → manifest → the sender must be a
// trusted peer and its signature must verify → format and schema versions → the payload, hashed, inflated within its
// counted bounds, framed, every operation validated and kept aside → the hash and counts against the manifest → one
// transaction (apply.ts). Nothing touches the database before the last step, and that step is all or nothing.

export const DEFAULT_MAX_BUNDLE_BYTES = 512 * 1024 * 1024;
/** Uncompressed operations; a signed manifest cannot promise more than this. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_MAX_DRIFT_MS = 24 * 3600_000;

export interface ImportOptions {
  passphrase?: string;
  confirmMassDelete?: boolean;
  dryRun?: boolean;
  maxBundleBytes?: number;
  maxDriftMs?: number;
  /** A name for the bundle history (the file path). */
  file?: string;
  /** Where a long import is, for a progress display. */
  onProgress?: (phase: ImportPhase) => void;
}

export type ImportPhase = 'decrypt' | 'verify' | 'validate' | 'apply' | 'done';

export async function importBundleFile(host: SyncHost, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const limit = options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  const { size, head } = headOf(path, limit);
  return importBundleStream(host, head, fileStream(path), size, { file: path, ...options });
}

/**
 * The file as a stream read one chunk at a time, as the reader asks for it. (Readable.toWeb of a file stream counts a
 * byte stream's high-water mark in chunks on Node 20, so it read a whole bundle into memory ahead of the decryption.)
 */
function fileStream(path: string): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        handle ??= await open(path, 'r');
        const chunk = Buffer.allocUnsafe(FILE_CHUNK);
        const { bytesRead } = await handle.read(chunk, 0, FILE_CHUNK, null);
        if (bytesRead === 0) {
          await handle.close();
          handle = undefined;
          controller.close();
        } else {
          controller.enqueue(chunk.subarray(0, bytesRead));
        }
      },
      async cancel() {
        await handle?.close();
      },
    },
    { highWaterMark: 0 },
  );
}

const FILE_CHUNK = 1024 * 1024;

/** The file's size and first bytes, only if it is within the limit: an oversized bundle is refused before any of it is read. */
function headOf(path: string, limit: number): { size: number; head: Uint8Array } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new LedgerError(code === 'ENOENT' ? 'not_found' : 'storage', code === 'ENOENT' ? `找不到同步包文件 ${path}` : `无法读取同步包文件 ${path}`);
  }
  try {
    const { size } = fstatSync(fd);
    if (size > limit) {
      throw new BundleError('too-large', `同步包 ${path} 大小为 ${mib(size)}，超过上限 ${mib(limit)}，已拒绝（未读取内容）`);
    }
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    const n = readSync(fd, head, 0, head.length, 0);
    return { size, head: head.subarray(0, n) };
  } finally {
    closeSync(fd);
  }
}

/** Enough of a file to read its age header (which kinds of key it needs). */
const HEAD_BYTES = 64 * 1024;

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A bundle already in memory (tests, small bundles): read through the same stream as a file. */
export async function importBundleBytes(host: SyncHost, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const limit = options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  if (bytes.length > limit) throw new BundleError('too-large', `同步包大小为 ${mib(bytes.length)}，超过上限 ${mib(limit)}，已拒绝`);
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return importBundleStream(host, bytes.subarray(0, HEAD_BYTES), source, bytes.length, options);
}

/**
 * Reads a bundle as it streams: decrypted, its signed manifest checked, its payload hashed, inflated, framed, every
 * frame checked and kept aside (staging.ts); only when the whole payload matches the manifest is it applied. The
 * memory this takes does not grow with the bundle: each stage holds a chunk or one frame.
 */
async function importBundleStream(
  host: SyncHost,
  head: Uint8Array,
  file: ReadableStream<Uint8Array>,
  size: number,
  options: ImportOptions,
): Promise<ImportResult> {
  const limit = options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  const identity = await loadIdentity(host);
  options.onProgress?.('decrypt');
  const plaintext = await openStream(head, file.pipeThrough(capped(limit)), {
    identities: identity.all.map((k) => k.ageIdentity),
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
  });
  const reader = byteReader(decrypted(plaintext));
  options.onProgress?.('verify');
  const container = await readContainerHead(reader);
  const manifest = readManifest(container.manifest);

  if (manifest.sender.site === host.siteId) throw new BundleError('untrusted', '这是本工作站自己导出的同步包，无需导入');
  const fingerprint = fingerprintOf(manifest.sender.site, manifest.sender.signPublic, manifest.sender.ageRecipient);
  refuseReplacedSite(host.db, manifest.sender.site);
  let trust = senderTrust(host.db, manifest.sender.site, manifest.sender.signPublic);
  if (trust.status === 'unknown' && verifyManifest(container.manifest, container.signature, manifest.sender.signPublic)) {
    // A trusted peer's key under a new site id: that peer was restored from a backup (backup/rejoin.ts).
    const name = adoptRestoredPeer(host.db, auditPeerEvent(host), manifest.sender, new Date(host.ctx.now()).toISOString());
    if (name !== undefined) trust = { status: 'trusted', name };
  }
  const who = `“${manifest.sender.name}”（工作站 ${manifest.sender.site}，指纹 ${fingerprint}）`;
  switch (trust.status) {
    case 'unknown':
      throw new BundleError('untrusted', `同步包来自未添加的工作站${who}。请先电话核对指纹，再添加对方的联系卡后导入。`);
    case 'untrusted':
      throw new BundleError('untrusted', `同步包来自未受信任的工作站${who}。如已电话核对指纹，请先将其设为信任。`);
    case 'other-key':
      throw new BundleError(
        'untrusted',
        `同步包的签名密钥与已登记的“${trust.name}”不符${who}：对方可能更换了密钥，请电话核对指纹并重新添加其联系卡；否则可能是伪造。`,
      );
    case 'trusted':
      break;
  }
  if (!verifyManifest(container.manifest, container.signature, manifest.sender.signPublic)) {
    throw new BundleError('signature', `同步包签名无效：内容与“${trust.name}”签署的不一致，可能被篡改，已拒绝`);
  }
  // A storage-only difference never matters; what is synced is the sync version. A newer sender's unknown fields are
  // held (sync/held.ts), an older sender's bundle is always read.
  const catalogue = catalogueOf(host.ctx);
  const newerSender = (manifest.syncVersion ?? FIRST_SYNC_VERSION) > syncVersionOf(catalogue);
  if (manifest.payload.bytes > MAX_PAYLOAD_BYTES) {
    throw new BundleError('too-large', `同步包声明的内容解压后达 ${mib(manifest.payload.bytes)}，超过上限 ${mib(MAX_PAYLOAD_BYTES)}，已拒绝`);
  }

  options.onProgress?.('validate');
  const staging = openStaging();
  try {
    await stagePayload(reader.rest(), manifest, staging, { catalogue, newerSender });
    checkAgainstManifest(manifest, staging);
    options.onProgress?.('apply');
    const result = applyBundle(
      host.ctx,
      { manifest, senderName: trust.name, staging, file: options.file ?? '', bytes: size },
      {
        confirmMassDelete: options.confirmMassDelete ?? false,
        dryRun: options.dryRun ?? false,
        maxDriftMs: options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS,
      },
    );
    // Attachment contents, checked against their hashes when read, are stored once the operations committed
    // (content-addressed: writing one twice, or one no record names yet, is harmless).
    if (!(options.dryRun ?? false) && host.attachmentsDir) {
      let stored = 0;
      for (const blob of staging.blobs()) {
        storeBlobParts(host.attachmentsDir, blob.sha256, blob.parts());
        stored += 1;
      }
      if (stored > 0) result.messages.push(`收到附件文件 ${stored} 个`);
    }
    options.onProgress?.('done');
    return result;
  } finally {
    staging.close();
  }
}

/** Passes the file through, refusing it as soon as more bytes arrive than the limit (a file may grow after its size was read). */
function capped(limit: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit) throw new BundleError('too-large', `同步包超过上限 ${mib(limit)}，已拒绝`);
      controller.enqueue(chunk);
    },
  });
}

/** The decrypted stream, with a failure while reading (a chunk cut or altered after the header) said in words. */
async function* decrypted(plaintext: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = plaintext.getReader();
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        throw decryptionProblem(error);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function readContainerHead(reader: ByteReader): Promise<{ manifest: Uint8Array; signature: Uint8Array }> {
  const cut = () => new BundleError('format', '同步包已损坏：内容被截断');
  try {
    const head = await reader.read(CONTAINER_HEAD_BYTES);
    if (head === undefined) throw new BundleError('format', '解密后的内容不是舆情台账同步包');
    const length = manifestLengthOf(head);
    const manifest = await reader.read(length);
    const signature = await reader.read(SIGNATURE_BYTES);
    if (manifest === undefined || signature === undefined) throw cut();
    return { manifest, signature };
  } catch (error) {
    if (error instanceof TruncatedError) throw cut();
    throw error;
  }
}

/**
 * Reads the payload: its compressed bytes hashed and counted as they pass, inflated, cut into frames, each frame
 * checked and kept aside. Sizes are counted, never taken from the manifest on trust: more compressed bytes than it
 * signed, or more inflated bytes than it declared (or the cap allows), stop the reading there. The hash is compared
 * at the end; nothing was applied before it.
 */
async function stagePayload(compressed: AsyncIterable<Uint8Array>, manifest: Manifest, staging: Staging, reader: Reader): Promise<void> {
  const { payload } = manifest;
  const hash = createHash('sha256');
  let compressedSeen = 0;
  const tampered = () => new BundleError('payload', '同步包内容与清单不符（长度或哈希不一致），文件已损坏或被篡改');
  async function* hashed() {
    for await (const chunk of compressed) {
      compressedSeen += chunk.byteLength;
      if (compressedSeen > payload.compressedBytes) throw tampered();
      hash.update(chunk);
      yield chunk;
    }
  }
  const allowed = Math.min(payload.bytes, MAX_PAYLOAD_BYTES);
  let inflatedSeen = 0;
  const inflate = createInflateRaw();
  const source = Readable.from(hashed());
  source.on('error', (error) => inflate.destroy(error));
  source.pipe(inflate);
  async function* inflated() {
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        inflatedSeen += chunk.length;
        if (inflatedSeen > allowed) {
          throw new BundleError(
            'payload',
            payload.bytes > MAX_PAYLOAD_BYTES ? `同步包内容解压后超过上限 ${mib(MAX_PAYLOAD_BYTES)}，已拒绝` : '同步包内容解压后超出清单声明的大小，已拒绝（可能是压缩炸弹）',
          );
        }
        yield chunk;
      }
    } catch (error) {
      if (error instanceof LedgerError) throw error;
      throw new BundleError('payload', '同步包内容无法解压，文件已损坏');
    } finally {
      source.destroy();
      inflate.destroy();
    }
  }
  const check = frameChecker(staging, reader);
  try {
    const frames = framesOf(inflated(), MAX_FRAME_BYTES, () => new BundleError('payload', '同步包内容被截断或分段长度无效'));
    for await (const frame of frames) await check(frame);
  } catch (error) {
    if (error instanceof TruncatedError) throw new BundleError('payload', '同步包内容被截断');
    throw error;
  }
  if (compressedSeen !== payload.compressedBytes || hash.digest('hex') !== payload.sha256) throw tampered();
  if (inflatedSeen !== payload.bytes) throw new BundleError('payload', '同步包内容的大小与清单不符，文件已损坏');
}

function readManifest(bytes: Uint8Array): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BundleError('format', '同步包清单无法读取，文件已损坏');
  }
  const head = json as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== BUNDLE_FORMAT) {
    throw new BundleError('format', '解密后的内容不是舆情台账同步包');
  }
  if (head.formatVersion !== FORMAT_VERSION) {
    throw new BundleError('version', `同步包格式版本为 ${String(head.formatVersion)}，本程序只支持 ${FORMAT_VERSION}，请升级程序`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new BundleError('format', '同步包清单格式无效，文件已损坏或被篡改');
  return parsed.data;
}

/** The signed manifest says how many operations of which sites; the payload must say the same. */
function checkAgainstManifest(manifest: Manifest, staging: Staging): void {
  if (staging.opCount() !== manifest.opCount) throw new BundleError('payload', '同步包中的操作条数与清单不符，已拒绝');
  const counts = new Map(Object.entries(staging.ranges()));
  const declared = Object.entries(manifest.ranges);
  const same =
    declared.length === counts.size &&
    declared.every(([site, r]) => {
      const got = counts.get(site);
      return got !== undefined && got.first === r.first && got.last === r.last && got.count === r.count;
    });
  if (!same) throw new BundleError('payload', '同步包中各工作站的操作范围与清单不符，已拒绝');
}
