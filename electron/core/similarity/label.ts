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

export function labelWords(members: readonly Profile[], texts: readonly string[]): string[] {
  const needed = Math.max(2, Math.ceil(members.length / 2));
  const held = new Map<number, { count: number; w: number }>();
  for (const p of members) {
    p.hashes.forEach((h, i) => {
      const w = p.weights[i]!;
      if (w <= 0) return;
      const entry = held.get(h);
      if (entry) entry.count += 1;
      else held.set(h, { count: 1, w });
    });
  }
  const names = new Map<number, string>();
  for (const text of texts) for (const [h, word] of shingleNames(text)) names.set(h, word);
  const seeds = [...held]
    .filter(([h, e]) => e.count >= needed && names.has(h))
    .map(([h, e]) => ({ word: names.get(h)!, score: e.count * e.w }))
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
