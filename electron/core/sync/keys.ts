import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

// Signing and fingerprints, in pure JavaScript (@noble): Electron's BoringSSL lacks parts of node:crypto, and
// the tests must run the very code the app runs.

const SIGN_CONTEXT = utf8ToBytes('yuqing-ledger/bundle-manifest/v1\n');

export function newSigningKey(): { secret: string; publicKey: string } {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secret: bytesToHex(secretKey), publicKey: bytesToHex(publicKey) };
}

export const signingPublicOf = (secretHex: string) => bytesToHex(ed25519.getPublicKey(hexToBytes(secretHex)));

/** Signs a bundle manifest; the domain prefix keeps the signature from meaning anything elsewhere. */
export function signManifest(manifest: Uint8Array, secretHex: string): Uint8Array {
  return ed25519.sign(concat(SIGN_CONTEXT, manifest), hexToBytes(secretHex));
}

export function verifyManifest(manifest: Uint8Array, signature: Uint8Array, publicHex: string): boolean {
  try {
    return ed25519.verify(signature, concat(SIGN_CONTEXT, manifest), hexToBytes(publicHex));
  } catch {
    return false; // malformed key or signature: not valid, never a crash
  }
}

/** Whether `hex` is a usable Ed25519 public key (a point on the curve). */
export function isSigningPublicKey(hex: string): boolean {
  try {
    ed25519.Point.fromHex(hex).assertValidity();
    return true;
  } catch {
    return false;
  }
}

/**
 * What two people compare by phone: 128 bits over the site, both public keys, in groups of four hex digits
 * (`3F2A 9C1B …`). Any change to a key or the site changes it.
 */
export function fingerprintOf(site: string, signPublic: string, ageRecipient: string): string {
  const digest = sha256(utf8ToBytes(`yuqing-ledger/card/v1\n${site}\n${signPublic}\n${ageRecipient}`));
  return (bytesToHex(digest.subarray(0, 16)).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

export const sha256Hex = (bytes: Uint8Array) => bytesToHex(sha256(bytes));

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
