import { HASHES, positionHash } from './minhash.js';
import type { Profile } from './profile.js';
import { SAME_MATTER, scoreOfOverlap, textShare } from './score.js';

// Incidents of one period grouped by matter: single-link clustering over the pairs that reach SAME_MATTER, the
// pairs found through shared MinHash buckets. Within a bucket (its members in time order) each incident is
// compared with its WINDOW nearest successors only: a matter reported two hundred times a month still links up
// through neighbours, and the work stays linear in the period's size. Pairs already in one group are skipped.
//
// The buckets are not kept in a map: for each hash function the profiles are sorted by their least hash (then
// by time), so a bucket is a run of that order and an incident's successors in it are the entries after its own.
// Each incident then walks its successors in all its buckets at once, so a pair met in several buckets is scored
// once without a set of pairs — a month of the 100k ledger is about a million such steps.
//
// Plain single links drift: in a month of 4,236 incidents of the bench ledger, one borderline pair between two
// matters (two wage complaints, one about a site, one about a firm) joined them, the next pair another, until one
// group held 3,267 incidents of 38 kinds. So two groups of SETTLED or more incidents join only when their first
// incidents share at least SEEDS_ALIKE of their text: a matter's posts drift in wording, but its first post and the
// first of a group it truly belongs with still say much the same; the first posts of two matters do not. (Taking
// the links strongest first did no better on the labelled set or the bench ledger, and scored every pair.)

const WINDOW = 12;
/** Groups this large are checked by their first incidents before they join (see above). */
const SETTLED = 3;
/** The text share the first incidents of two settled groups need to join (tuned on the labelled set and the bench ledger). */
const SEEDS_ALIKE = 0.3;
/** A profile's index fits below this in a sort key (value × SHIFT + index stays an exact double). */
const SHIFT = 2 ** 21;

function unionFind(n: number) {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const size = new Int32Array(n).fill(1);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  // The smaller index becomes the root, so groups come out the same whatever order pairs were seen in.
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    size[root] = size[root]! + size[child]!;
  };
  return { find, union, size };
}

/** For each hash function, the profile indices in bucket order, and each profile's place in that order. */
function bucketOrders(sigs: Uint32Array, n: number): { order: Int32Array; place: Int32Array }[] {
  if (n >= SHIFT) throw new Error(`cannot group ${n} incidents at once`); // two million: far beyond any period
  const keys = new Float64Array(n);
  return Array.from({ length: HASHES }, (_, h) => {
    for (let a = 0; a < n; a += 1) keys[a] = sigs[a * HASHES + h]! * SHIFT + a;
    keys.sort();
    const order = new Int32Array(n);
    const place = new Int32Array(n);
    for (let k = 0; k < n; k += 1) {
      const a = keys[k]! % SHIFT;
      order[k] = a;
      place[a] = k;
    }
    return { order, place };
  });
}

/**
 * Each profile's telling hashes as small dense numbers (the period holds a few thousand distinct ones), so what
 * two profiles share is summed by looking b's up in a table of a's weights rather than by merging two lists.
 */
function denseTelling(profiles: readonly Profile[]): { ids: Int32Array[]; distinct: number } {
  const id = new Map<number, number>();
  const ids = profiles.map((p) => {
    const hashes = p.tellingHashes;
    const own = new Int32Array(hashes.length);
    for (let i = 0; i < hashes.length; i += 1) {
      const key = hashes[i]! | 0; // a small integer to V8: a much faster key than a uint32 above 2^31
      let k = id.get(key);
      if (k === undefined) id.set(key, (k = id.size));
      own[i] = k;
    }
    return own;
  });
  return { ids, distinct: id.size };
}

/**
 * Per profile, the positions of its signature held by a shingle that weighs nothing (a word a sixth of the ledger
 * uses): sharing such a bucket says nothing, and in a month of the bench ledger those buckets hold a third of it.
 * Worked out once per position over the period's distinct weightless shingles (a few hundred) rather than per
 * profile: the hash functions are one-to-one, so a position's least hash is a weightless shingle's exactly when that
 * shingle is the profile's own.
 */
function idlePositions(profiles: readonly Profile[], sigs: Uint32Array): Int32Array {
  const weightless = new Set<number>();
  for (const p of profiles) for (let i = 0; i < p.hashes.length; i += 1) if (!(p.weights[i]! > 0)) weightless.add(p.hashes[i]!);
  const byPosition = Array.from({ length: HASHES }, (_, h) => new Set(Array.from(weightless, (hash) => positionHash(hash, h))));
  const idle = new Int32Array(profiles.length);
  for (let a = 0; a < profiles.length; a += 1) {
    let bits = 0;
    for (let h = 0; h < HASHES; h += 1) if (byPosition[h]!.has(sigs[a * HASHES + h]!)) bits |= 1 << h;
    idle[a] = bits;
  }
  return idle;
}

/** Groups of at least `min` profiles (indices into `profiles`, which must be in time order), largest first. */
export function clusterProfiles(profiles: readonly Profile[], min: number, threshold = SAME_MATTER): number[][] {
  const n = profiles.length;
  const sigs = new Uint32Array(n * HASHES);
  profiles.forEach((p, a) => sigs.set(p.sig, a * HASHES));
  const orders = bucketOrders(sigs, n);
  const { find, union, size } = unionFind(n);
  const { ids, distinct } = denseTelling(profiles);
  const weightOfA = new Float64Array(distinct); // a's telling weights by dense id while a is compared, else 0
  const idle = idlePositions(profiles, sigs);
  const seenBy = new Int32Array(n).fill(-1); // seenBy[b] === a: the pair (a, b) has been looked at
  const seedsAlike = (ra: number, rb: number) => size[ra]! < SETTLED || size[rb]! < SETTLED || textShare(profiles[ra]!, profiles[rb]!) >= SEEDS_ALIKE;
  for (let a = 0; a < n; a += 1) {
    const pa = profiles[a]!;
    const own = ids[a]!;
    for (let i = 0; i < own.length; i += 1) weightOfA[own[i]!] = pa.tellingWeights[i]!;
    for (let h = 0; h < HASHES; h += 1) {
      if (idle[a]! & (1 << h)) continue; // a bucket of a word that says nothing
      const { order, place } = orders[h]!;
      const value = sigs[a * HASHES + h];
      const last = Math.min(n - 1, place[a]! + WINDOW);
      for (let k = place[a]! + 1; k <= last; k += 1) {
        const b = order[k]!;
        if (sigs[b * HASHES + h] !== value) break; // the bucket ends
        if (seenBy[b] === a) continue;
        seenBy[b] = a;
        const ra = find(a);
        const rb = find(b);
        if (ra === rb) continue;
        // Summed in b's ascending hash order, as score.ts's overlap sums it (a weight b lacks in a adds 0).
        const theirs = ids[b]!;
        let shared = 0;
        for (let j = 0; j < theirs.length; j += 1) shared += weightOfA[theirs[j]!]!;
        if (scoreOfOverlap(pa, profiles[b]!, shared) >= threshold && seedsAlike(ra, rb)) union(a, b);
      }
    }
    for (let i = 0; i < own.length; i += 1) weightOfA[own[i]!] = 0;
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].filter((g) => g.length >= min).sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}
