// The search index also lists each incident's categories, in a column of its own (migration 20), so that "filed
// under this category but not a text hit" is one search-index query, counted from the index's lists of rows
// instead of by looking up every hit. A category id becomes one token the tokenizer keeps whole (letters and
// digits: "k" and the id's UTF-8 bytes in hex); user text is searched only in the text columns (bigrams.ts), so it
// can never match these tokens.

export function categoryToken(categoryId: string): string {
  return `k${Buffer.from(categoryId, 'utf8').toString('hex')}`;
}

/** The categories column's text for an incident filed under these categories. */
export function categoryColumnText(categoryIds: readonly string[]): string {
  return categoryIds.map(categoryToken).join(' ');
}

/** A search-index expression: incidents filed under any of these categories. */
export function filedUnder(categoryIds: readonly string[]): string {
  return `{categories} : (${categoryIds.map((id) => `"${categoryToken(id)}"`).join(' OR ')})`;
}
