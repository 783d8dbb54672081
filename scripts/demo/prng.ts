// A small seeded PRNG so that a demo or benchmark ledger is the same every time it is built from the same seed.
// Math.random cannot be seeded; mulberry32 is tiny, fast and good enough for test data (not for secrets).

export interface Rng {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  /** A float in [min, max). */
  between: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` answers 'a' three times as often as 'b'. */
  weighted: <T>(entries: readonly (readonly [T, number])[]) => T;
  /** A log-normally distributed value with the given median: most near it, a long tail above (delays). */
  logNormal: (median: number, spread: number) => number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts: turns (seed, incident index, stream name) into an independent 32-bit seed. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (const ch of `${part}\u0000`) {
      h ^= ch.codePointAt(0)!;
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let x = next() * total;
      for (const [item, w] of entries) {
        x -= w;
        if (x < 0) return item;
      }
      return entries[entries.length - 1]![0];
    },
    logNormal: (median, spread) => {
      // Box–Muller; 1 - next() keeps the logarithm finite.
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(spread * z);
    },
  };
  return rng;
}

/**
 * An incident's own random stream: its fields and its timeline draw from separate streams, so adding a draw to
 * one (e.g. when responses are generated later) leaves everything else about every incident unchanged.
 */
export function streamFor(seed: number, index: number, stream: string): Rng {
  return createRng(hashSeed(seed, index, stream));
}
