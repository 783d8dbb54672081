import { BundleError } from './errors.js';

// The plaintext inside the age encryption:
//   "YQBUNDLE" | version (1 byte) | manifest length (u32 BE) | manifest (UTF-8 JSON) | Ed25519 signature (64)
//   | payload (deflate-raw of the operation frames)
// The signature covers the manifest, and the manifest holds the payload's length and SHA-256, so one signature
// authenticates everything.

const MAGIC = new TextEncoder().encode('YQBUNDLE');
const CONTAINER_VERSION = 1;
const HEADER = MAGIC.length + 1 + 4;
export const SIGNATURE_BYTES = 64;
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface Container {
  manifest: Uint8Array;
  signature: Uint8Array;
  payload: Uint8Array;
}

export function encodeContainer({ manifest, signature, payload }: Container): Uint8Array {
  const out = new Uint8Array(HEADER + manifest.length + SIGNATURE_BYTES + payload.length);
  out.set(MAGIC);
  out[MAGIC.length] = CONTAINER_VERSION;
  new DataView(out.buffer).setUint32(MAGIC.length + 1, manifest.length);
  out.set(manifest, HEADER);
  out.set(signature, HEADER + manifest.length);
  out.set(payload, HEADER + manifest.length + SIGNATURE_BYTES);
  return out;
}

export function decodeContainer(bytes: Uint8Array): Container {
  if (bytes.length < HEADER || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new BundleError('format', '解密后的内容不是舆情台账同步包');
  }
  const version = bytes[MAGIC.length];
  if (version !== CONTAINER_VERSION) {
    throw new BundleError('version', `同步包封装版本 ${version} 不受本程序支持，请升级程序`);
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length + 1);
  if (length > MAX_MANIFEST_BYTES || HEADER + length + SIGNATURE_BYTES > bytes.length) {
    throw new BundleError('format', '同步包已损坏：清单长度无效');
  }
  return {
    manifest: bytes.subarray(HEADER, HEADER + length),
    signature: bytes.subarray(HEADER + length, HEADER + length + SIGNATURE_BYTES),
    payload: bytes.subarray(HEADER + length + SIGNATURE_BYTES),
  };
}
