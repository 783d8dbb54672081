// MinHash signatures (Broder 1997) of shingle sets: for each of HASHES seeded hash functions, the least hash over
// the set. Two sets agree on one position with probability equal to their Jaccard similarity, so incidents that
// share a position are the candidates worth scoring (LSH with bands of one row: high recall for the loosely
// worded posts of one matter; the exact score decides). Pure integer arithmetic: the same text gives the same
// signature on every workstation.

export const HASHES = 24;

/** FNV-1a over the UTF-16 code units: a stable 32-bit hash of a shingle. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser over the hash xor a per-function seed: HASHES independent-enough functions. */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab, 0x5bd1e995));

/** The signature of a non-empty shingle set. */
export function signatureOf(shingles: readonly string[]): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    const h = hash32(shingle);
    for (let i = 0; i < HASHES; i += 1) {
      const v = mix(h, SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** What hash function `position` makes of a shingle's hash: the signature holds the least of these. */
export function positionHash(hash: number, position: number): number {
  return mix(hash, SEEDS[position]!);
}

/** One bucket per hash function: its position and least hash in one integer (below 2^53). */
export function bucketsOf(sig: Uint32Array): number[] {
  return Array.from(sig, (v, i) => i * 0x1_0000_0000 + v);
}

export function toBlob(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function fromBlob(blob: Buffer): Uint32Array {
  const copy = new Uint8Array(blob); // aligned, owned
  return new Uint32Array(copy.buffer, 0, HASHES);
}
