import { hash32 } from './minhash.js';
import { type Profile, shingleNames } from './profile.js';

// A group's label: its most telling shared words (供暖 室温 不达标). The bigrams most of the group holds, weighted
// by how rare they are in the ledger, each grown a character at a time while every text holding it writes the
// longer run (供热公 → 供热公司), so the label reads as words rather than as cut bigrams.

const MAX_WORDS = 3;
const CANDIDATES = 8;
const MAX_LENGTH = 8;

function grow(seed: string, texts: readonly string[], needed: number): string {
  const holders = (word: string) => texts.filter((t) => t.includes(word));
  let word = seed;
  for (let grown = true; grown && word.length < MAX_LENGTH; ) {
    grown = false;
    const next = new Map<string, number>();
    for (const text of holders(word)) {
      for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
        const before = text[at - 1];
        const after = text[at + word.length];
        if (after && /\p{Script=Han}/u.test(after)) next.set(word + after, 0);
        if (before && /\p{Script=Han}/u.test(before)) next.set(before + word, 0);
      }
    }
    // Grown only where every text holding the word holds the longer run: 鑫源置 → 鑫源置业, but not 室温 → 室温不
    // (which only some write), so the label stops at the word's end.
    const support = holders(word).length;
    const longer = [...next.keys()].sort().find((candidate) => holders(candidate).length === support);
    if (longer && support >= needed) {
      word = longer;
      grown = true;
    }
  }
  return word;
}

/**
 * The words of the `wanted` shingle hashes (as signed integers), from the texts: each pair of neighbouring
 * characters hashed as the tokenizer would hash that bigram — far cheaper than tokenizing — and the tokenizer
 * itself only for what that leaves unnamed (a word in Latin letters).
 */
function namesOf(texts: readonly string[], wanted: ReadonlySet<number>): Map<number, string> {
  const names = new Map<number, string>();
  for (const text of texts) {
    const chars = [...text];
    for (let i = 0; i + 1 < chars.length; i += 1) {
      const pair = chars[i]! + chars[i + 1]!;
      const key = hash32(pair) | 0;
      if (wanted.has(key) && !names.has(key)) names.set(key, pair);
    }
  }
  if (names.size < wanted.size) {
    for (const text of texts) for (const [h, word] of shingleNames(text)) if (wanted.has(h | 0) && !names.has(h | 0)) names.set(h | 0, word);
  }
  return names;
}

export function labelWords(members: readonly Profile[], texts: readonly string[]): string[] {
  const needed = Math.max(2, Math.ceil(members.length / 2));
  // Keyed by the hash as a signed 32-bit integer (a small integer to V8: a faster key than a uint32 above 2^31).
  const held = new Map<number, { count: number; w: number }>();
  for (const p of members) {
    for (let i = 0; i < p.hashes.length; i += 1) {
      const w = p.weights[i]!;
      if (w <= 0) continue;
      const key = p.hashes[i]! | 0;
      const entry = held.get(key);
      if (entry) entry.count += 1;
      else held.set(key, { count: 1, w });
    }
  }
  const common = new Set<number>();
  for (const [key, e] of held) if (e.count >= needed) common.add(key);
  if (common.size === 0) return [];
  const names = namesOf(texts, common);
  const seeds = [...common]
    .filter((key) => names.has(key))
    .map((key) => ({ word: names.get(key)!, score: held.get(key)!.count * held.get(key)!.w }))
    .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1))
    .slice(0, CANDIDATES);
  const chosen: string[] = [];
  for (const { word } of seeds) {
    if (chosen.length >= MAX_WORDS) break;
    const grown = grow(word, texts, needed).replace(/^[的了和与及]+|[的了和与及]+$/u, '');
    if ([...grown].length < 2) continue;
    // A word inside a chosen one adds nothing (供暖 beside 供暖不热); a longer one replaces what it contains.
    if (chosen.some((c) => c.includes(grown))) continue;
    for (let k = chosen.length - 1; k >= 0; k -= 1) if (grown.includes(chosen[k]!)) chosen.splice(k, 1);
    chosen.push(grown);
  }
  return chosen;
}
