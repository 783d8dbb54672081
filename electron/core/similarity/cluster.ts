import { bucketsOf } from './minhash.js';
import type { Profile } from './profile.js';
import { SAME_MATTER, scoreOf } from './score.js';

// Incidents of one period grouped by matter: single-link clustering over the pairs that reach SAME_MATTER, the
// pairs found through shared MinHash buckets. Within a bucket (its members in time order) each incident is
// compared with its WINDOW nearest successors only: a matter reported two hundred times a month still links up
// through neighbours, and the work stays linear in the period's size. Pairs already in one group are skipped.

const WINDOW = 12;

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

/** Groups of at least `min` profiles (indices into `profiles`, which must be in time order), largest first. */
export function clusterProfiles(profiles: readonly Profile[], min: number, threshold = SAME_MATTER): number[][] {
  const buckets = new Map<number, number[]>();
  profiles.forEach((p, index) => {
    for (const bucket of bucketsOf(p.sig)) {
      const members = buckets.get(bucket);
      if (members) members.push(index);
      else buckets.set(bucket, [index]);
    }
  });
  const { find, union } = unionFind(profiles.length);
  const tried = new Set<number>();
  const n = profiles.length;
  for (const members of buckets.values()) {
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length && j <= i + WINDOW; j += 1) {
        const a = members[i]!;
        const b = members[j]!;
        if (find(a) === find(b)) continue;
        const key = a * n + b;
        if (tried.has(key)) continue;
        tried.add(key);
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
