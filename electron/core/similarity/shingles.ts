import { toIndexText } from '../search/bigrams.js';
import { STOP_BIGRAMS } from './stop-bigrams.js';

// What an incident's text is compared by: the bigrams of its title and summary as the search index holds them
// (search/bigrams.ts — one tokenizer for search and similarity), each once, without stop-bigrams, numbers and the
// lone trailing characters the index keeps for one-character queries. Word order, 小区 names and figures may
// differ between two posts about one matter; the shared bigrams are what carries it.

const WORTHLESS = /^[\p{N}\p{P}]+$/u;

export function shinglesOf(title: string, summary: string): string[] {
  const out = new Set<string>();
  for (const token of toIndexText(`${title}\n${summary}`).split(' ')) {
    const length = [...token].length;
    if (length < 2 || WORTHLESS.test(token) || STOP_BIGRAMS.has(token)) continue;
    out.add(token);
  }
  return [...out];
}
