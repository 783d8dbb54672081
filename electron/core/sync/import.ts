import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LedgerError } from '../../../shared/errors.js';
import type { ImportResult } from '../../../shared/sync-schemas.js';
import { catalogueOf } from '../ledger/mutate.js';
import { FIRST_SYNC_VERSION, syncVersionOf } from '../ledger/tables.js';
import { open } from './age.js';
import { applyBundle } from './apply.js';
import { decodeContainer } from './container.js';
import { BundleError } from './errors.js';
import type { SyncHost } from './host.js';
import { loadIdentity } from './identity.js';
import { fingerprintOf, sha256Hex, verifyManifest } from './keys.js';
import { BUNDLE_FORMAT, FORMAT_VERSION, type Manifest, manifestSchema, rangesOf } from './manifest.js';
import { storeBlob } from '../ledger/attachments.js';
import { decodeOps, decompress } from './payload.js';
import { senderTrust } from './peers.js';
import { adoptRestoredPeer, auditPeerEvent, refuseReplacedSite } from '../backup/rejoin.js';

// Reading a bundle, outside in: size → age decryption → container → manifest → the sender must be a trusted
// peer and its signature must verify → format and schema versions → payload length and hash → bounded
// decompression → every operation validated → one transaction (apply.ts). Nothing touches the database
// before the last step, and that step is all or nothing.

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
  return importBundleBytes(host, readBounded(path, options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES), { file: path, ...options });
}

/** Reads a file only if it is within the limit: an oversized bundle is refused before any of it is read. */
function readBounded(path: string, limit: number): Uint8Array {
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
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const n = readSync(fd, bytes, offset, size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return offset === size ? bytes : bytes.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function importBundleBytes(host: SyncHost, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const limit = options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  if (bytes.length > limit) throw new BundleError('too-large', `同步包大小为 ${mib(bytes.length)}，超过上限 ${mib(limit)}，已拒绝`);
  const identity = await loadIdentity(host);
  options.onProgress?.('decrypt');
  const plaintext = await open(bytes, {
    identities: identity.all.map((k) => k.ageIdentity),
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
  });
  options.onProgress?.('verify');
  const container = decodeContainer(plaintext);
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

  const { payload } = manifest;
  if (container.payload.length !== payload.compressedBytes || sha256Hex(container.payload) !== payload.sha256) {
    throw new BundleError('payload', '同步包内容与清单不符（长度或哈希不一致），文件已损坏或被篡改');
  }
  if (payload.bytes > MAX_PAYLOAD_BYTES) {
    throw new BundleError('too-large', `同步包声明的内容解压后达 ${mib(payload.bytes)}，超过上限 ${mib(MAX_PAYLOAD_BYTES)}，已拒绝`);
  }
  options.onProgress?.('validate');
  const { ops, held, chains, conflicts, blobs } = decodeOps(decompress(container.payload, payload.bytes), { catalogue, newerSender });
  checkAgainstManifest(manifest, [...ops, ...held]);

  options.onProgress?.('apply');
  const result = applyBundle(
    host.ctx,
    { manifest, senderName: trust.name, ops, held, chains, conflicts, file: options.file ?? '', bytes: bytes.length },
    {
      confirmMassDelete: options.confirmMassDelete ?? false,
      dryRun: options.dryRun ?? false,
      maxDriftMs: options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS,
    },
  );
  // Attachment contents, checked against their hashes when decoded, are stored once the operations committed
  // (content-addressed: writing one twice, or one no record names yet, is harmless).
  if (!(options.dryRun ?? false) && blobs.length > 0 && host.attachmentsDir) {
    for (const blob of blobs) storeBlob(host.attachmentsDir, Buffer.from(blob.bytes));
    result.messages.push(`收到附件文件 ${blobs.length} 个`);
  }
  options.onProgress?.('done');
  return result;
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
function checkAgainstManifest(manifest: Manifest, ops: readonly { hlc: string; site: string }[]): void {
  if (ops.length !== manifest.opCount) throw new BundleError('payload', '同步包中的操作条数与清单不符，已拒绝');
  const counts = new Map(Object.entries(rangesOf(ops.map((op) => op.hlc))));
  const declared = Object.entries(manifest.ranges);
  const same =
    declared.length === counts.size &&
    declared.every(([site, r]) => {
      const got = counts.get(site);
      return got !== undefined && got.first === r.first && got.last === r.last && got.count === r.count;
    });
  if (!same) throw new BundleError('payload', '同步包中各工作站的操作范围与清单不符，已拒绝');
}
