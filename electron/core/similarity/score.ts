import type { Profile } from './profile.js';

// Whether two incidents are about one matter. The text decides (the weighted share of their title-and-summary
// bigrams in common: Ochiai's coefficient, so a two-line post and a long one can still match); category, lead
// unit, township and nearness in time support it but can never link two incidents on their own.

/** Text share below which no supporting fact makes a match. */
export const MIN_TEXT = 0.2;
/** Score at or above which two incidents are the same matter. Tuned on the labelled set in tests/core/similarity. */
export const SAME_MATTER = 0.39;

const BONUS = { category: 0.06, lead: 0.05, township: 0.03, near: 0.03 } as const;
const NEAR_DAYS = 30;

export interface Match {
  score: number;
  /** The weighted share of text in common, 0–1. */
  text: number;
  /** The shared bigrams, weightiest first. */
  shared: string[];
  categories: string[];
  sameLead: boolean;
  sameTownship: boolean;
  days: number;
}

/** The weight of the shingles both hold, merging the two sorted lists of telling hashes. */
function overlap(a: Profile, b: Profile, collect?: { hash: number; w: number }[]): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ah = a.tellingHashes;
  const bh = b.tellingHashes;
  while (i < ah.length && j < bh.length) {
    const x = ah[i]!;
    const y = bh[j]!;
    if (x === y) {
      const w = a.tellingWeights[i]!;
      sum += w;
      if (collect && w > 0) collect.push({ hash: x, w });
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}

/**
 * A text counts as holding at least MIN_SHINGLES telling bigrams (of its own average weight): two one-line posts
 * that share one word (过期) are not thereby the same matter, however little else they say.
 */
const MIN_SHINGLES = 12;
const mass = (p: Profile) => (p.telling >= MIN_SHINGLES ? p.total : (p.total * MIN_SHINGLES) / Math.max(1, p.telling));
const norm = (a: Profile, b: Profile) => Math.sqrt(mass(a) * mass(b));

export function textShare(a: Profile, b: Profile): number {
  if (a.total === 0 || b.total === 0) return 0;
  return overlap(a, b) / norm(a, b);
}

const MEANINGLESS_CATEGORY = 'other';

/** The score alone: cheap when the text already rules the pair out. */
export function scoreOf(a: Profile, b: Profile): number {
  return scoreOfOverlap(a, b, a.total === 0 || b.total === 0 ? 0 : overlap(a, b));
}

/**
 * The score of a pair whose shared telling weight is already summed (clustering sums it its own, faster way; the
 * sum in ascending hash order, as overlap sums it, so the score is the same to the last bit).
 */
export function scoreOfOverlap(a: Profile, b: Profile, shared: number): number {
  if (shared === 0) return 0;
  const text = shared / norm(a, b);
  if (text < MIN_TEXT) return text;
  return text + bonusOf(a, b).bonus;
}

function bonusOf(a: Profile, b: Profile) {
  const categories = a.categories.filter((c) => c !== MEANINGLESS_CATEGORY && b.categories.includes(c));
  const sameLead = a.leadUnitId !== null && a.leadUnitId === b.leadUnitId;
  const sameTownship = a.townshipId !== null && a.townshipId === b.townshipId;
  const days = Math.abs(a.foundMs - b.foundMs) / 86_400_000;
  const bonus =
    (categories.length > 0 ? BONUS.category : 0) +
    (sameLead ? BONUS.lead : 0) +
    (sameTownship ? BONUS.township : 0) +
    (days <= NEAR_DAYS ? BONUS.near : 0);
  return { bonus, categories, sameLead, sameTownship, days };
}

/** The hashes of the shingles a and b share that weigh anything: those compare names (see shingleNamesOf). */
export function sharedTelling(a: Profile, b: Profile): number[] {
  const collected: { hash: number; w: number }[] = [];
  overlap(a, b, collected);
  return collected.map((c) => c.hash);
}

/** The shared shingles as words, weightiest first (`names`: a's shingles by hash, see shingleNames). */
function sharedWords(collected: { hash: number; w: number }[], names: ReadonlyMap<number, string>): string[] {
  return collected
    .map((c) => ({ word: names.get(c.hash) ?? '', w: c.w }))
    .filter((c) => c.word !== '')
    .sort((x, y) => y.w - x.w || (x.word < y.word ? -1 : 1))
    .map((c) => c.word);
}

/** The score of a pair with what makes it, for a person to read; `namesOfA`: shingleNames of a's text. */
export function compare(a: Profile, b: Profile, namesOfA: ReadonlyMap<number, string>): Match {
  const collected: { hash: number; w: number }[] = [];
  const text = a.total === 0 || b.total === 0 ? 0 : overlap(a, b, collected) / norm(a, b);
  const { bonus, categories, sameLead, sameTownship, days } = bonusOf(a, b);
  return {
    score: text < MIN_TEXT ? text : text + bonus,
    text,
    shared: sharedWords(collected, namesOfA),
    categories,
    sameLead,
    sameTownship,
    days,
  };
}
