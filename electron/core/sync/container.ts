import { BundleError } from './errors.js';

// The plaintext inside the age encryption:
//   "YQBUNDLE" | version (1 byte) | manifest length (u32 BE) | manifest (UTF-8 JSON) | Ed25519 signature (64)
//   | payload (deflate-raw of the operation frames)
// The signature covers the manifest, and the manifest holds the payload's length and SHA-256, so one signature
// authenticates everything.

const MAGIC = new TextEncoder().encode('YQBUNDLE');
const CONTAINER_VERSION = 1;
const HEADER = MAGIC.length + 1 + 4;
/** The fixed part before the manifest: magic, version, manifest length. */
export const CONTAINER_HEAD_BYTES = HEADER;
export const SIGNATURE_BYTES = 64;
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface Container {
  manifest: Uint8Array;
  signature: Uint8Array;
  payload: Uint8Array;
}

export function encodeContainer({ manifest, signature, payload }: Container): Uint8Array {
  const head = containerHead(manifest, signature);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

/** Everything before the payload, which then follows as a stream. */
export function containerHead(manifest: Uint8Array, signature: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + manifest.length + SIGNATURE_BYTES);
  out.set(MAGIC);
  out[MAGIC.length] = CONTAINER_VERSION;
  new DataView(out.buffer).setUint32(MAGIC.length + 1, manifest.length);
  out.set(manifest, HEADER);
  out.set(signature, HEADER + manifest.length);
  return out;
}

/** The manifest's length, from the container's first CONTAINER_HEAD_BYTES bytes; refuses what is not a bundle. */
export function manifestLengthOf(head: Uint8Array): number {
  if (head.length < HEADER || MAGIC.some((b, i) => head[i] !== b)) {
    throw new BundleError('format', '解密后的内容不是舆情台账同步包');
  }
  const version = head[MAGIC.length];
  if (version !== CONTAINER_VERSION) {
    throw new BundleError('version', `同步包封装版本 ${version} 不受本程序支持，请升级程序`);
  }
  const length = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(MAGIC.length + 1);
  if (length > MAX_MANIFEST_BYTES) throw new BundleError('format', '同步包已损坏：清单长度无效');
  return length;
}
