// CJK text as overlapping bigrams (Lucene's CJKAnalyzer approach), everything else as lower-cased words.
//   县城供暖不热 → 县城 城供 供暖 暖不 不热 热
// The last character of each CJK run is also kept alone, so a one-character query can be answered by a prefix
// search (every other character begins some bigram).

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}';
// A run of Han characters, or a run of other letters and digits (which must stop where Han begins: G15高速).
const TOKEN = new RegExp(`[${HAN}]+|(?:(?![${HAN}])[\\p{L}\\p{N}])+`, 'gu');
const IS_CJK = new RegExp(`^[${HAN}]`, 'u');

function bigramsOf(run: string): string[] {
  const chars = [...run];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i]! + chars[i + 1]!);
  grams.push(chars[chars.length - 1]!);
  return grams;
}

/** The text as stored in the search index. */
export function toIndexText(text: string): string {
  const out: string[] = [];
  for (const token of text.match(TOKEN) ?? []) {
    if (IS_CJK.test(token)) out.push(...bigramsOf(token));
    else out.push(token.toLowerCase());
  }
  return out.join(' ');
}

/** The parts of a query as people typed them, for highlighting: CJK runs and words. */
export function queryTerms(query: string): string[] {
  return [...new Set(query.match(TOKEN) ?? [])].filter((term) => term.length > 0);
}

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

/**
 * An FTS5 MATCH expression: each term must occur (AND); a CJK term of two or more characters is the phrase
 * of its bigrams (供暖不热 → "供暖 暖不 不热"), one character is a prefix, a word is a prefix.
 * Searches the title, summary and responses columns. Returns undefined when the query has nothing searchable (only
 * punctuation).
 */
export function toMatchExpression(query: string): string | undefined {
  const parts: string[] = [];
  for (const term of queryTerms(query)) {
    if (IS_CJK.test(term)) {
      const chars = [...term];
      if (chars.length === 1) parts.push(`${quote(term)}*`);
      else parts.push(quote(bigramsOf(term).slice(0, -1).join(' ')));
    } else {
      parts.push(`${quote(term.toLowerCase())}*`);
    }
  }
  // Only the text columns: the categories column holds category tokens (category-tokens.ts).
  return parts.length > 0 ? `{title summary responses} : (${parts.join(' AND ')})` : undefined;
}
