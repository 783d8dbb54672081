import { HASHES } from './minhash.js';
import type { Profile } from './profile.js';
import { SAME_MATTER, scoreOf } from './score.js';

// Incidents of one period grouped by matter: single-link clustering over the pairs that reach SAME_MATTER, the
// pairs found through shared MinHash buckets. Within a bucket (its members in time order) each incident is
// compared with its WINDOW nearest successors only: a matter reported two hundred times a month still links up
// through neighbours, and the work stays linear in the period's size. Pairs already in one group are skipped.
//
// The buckets are not kept in a map: for each hash function the profiles are sorted by their least hash (then
// by time), so a bucket is a run of that order and an incident's successors in it are the entries after its own.
// Each incident then walks its successors in all its buckets at once, so a pair met in several buckets is scored
// once without a set of pairs — a month of the 100k ledger is about a million such steps.

const WINDOW = 12;
/** A profile's index fits below this in a sort key (value × SHIFT + index stays an exact double). */
const SHIFT = 2 ** 21;

function unionFind(n: number) {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
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
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  return { find, union };
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

/** Groups of at least `min` profiles (indices into `profiles`, which must be in time order), largest first. */
export function clusterProfiles(profiles: readonly Profile[], min: number, threshold = SAME_MATTER): number[][] {
  const n = profiles.length;
  const sigs = new Uint32Array(n * HASHES);
  profiles.forEach((p, a) => sigs.set(p.sig, a * HASHES));
  const orders = bucketOrders(sigs, n);
  const { find, union } = unionFind(n);
  const seenBy = new Int32Array(n).fill(-1); // seenBy[b] === a: the pair (a, b) has been looked at
  for (let a = 0; a < n; a += 1) {
    const idle = profiles[a]!.idle;
    for (let h = 0; h < HASHES; h += 1) {
      if (idle & (1 << h)) continue; // a bucket of a word that says nothing
      const { order, place } = orders[h]!;
      const value = sigs[a * HASHES + h];
      const last = Math.min(n - 1, place[a]! + WINDOW);
      for (let k = place[a]! + 1; k <= last; k += 1) {
        const b = order[k]!;
        if (sigs[b * HASHES + h] !== value) break; // the bucket ends
        if (seenBy[b] === a) continue;
        seenBy[b] = a;
        if (find(a) === find(b)) continue;
        if (scoreOf(profiles[a]!, profiles[b]!) >= threshold) union(a, b);
      }
    }
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
