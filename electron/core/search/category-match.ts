import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { filedUnder } from './category-tokens.js';

// A search that names a category finds the incidents filed under it too: "疫情" finds those tagged 疫情防控 even
// when their text never says 疫情. Full-text hits come first; the category's other incidents follow them. Kept
// apart from the full-text search so each can change without the other.

interface CategoryWordsRow {
  id: string;
  name: string;
  short: string;
  keywords: string;
}

/**
 * The categories a query names: the whole query (two characters or more) is part of a category's name or short
 * label (疫情 → 疫情防控, 欠薪 → 工资拖欠(欠薪)), or is one of its keywords, or a keyword contains it.
 */
export function categoriesNamedBy(db: Db, text: string): string[] {
  const q = text.trim();
  if ([...q].length < 2 || /\s/.test(q)) return [];
  const rows = cached(db, 'SELECT id, name, short, keywords FROM categories WHERE deleted = 0 ORDER BY sort_order').all() as CategoryWordsRow[];
  return rows
    .filter((c) => c.name.includes(q) || c.short.includes(q) || (JSON.parse(c.keywords) as string[]).some((k) => k.includes(q)))
    .map((c) => c.id);
}

/**
 * One window of the incidents in `categories` that match the filters but are not full-text hits (`match`, or
 * every one when the text makes no full-text query), in the query's order; and how many there are. Both come from
 * the search index, which lists each incident's categories too (search/category-tokens.ts): "filed under these,
 * not a hit" is one index expression. `order` is `relevance` (newest registered first: the index's rowid order)
 * or ORDER BY terms on the incidents `i`.
 */
export function categoryOnlyHits(
  db: Db,
  page: {
    where: readonly string[];
    params: readonly (string | number)[];
    /** Whether `where` narrows anything beyond live incidents. */
    filtered: boolean;
    categories: readonly string[];
    match: string | undefined;
    order: string;
  },
  window: { offset: number; limit: number },
): { rowids: number[]; total: number } {
  const expr = page.match === undefined ? filedUnder(page.categories) : `(${filedUnder(page.categories)}) NOT (${page.match})`;
  // The search index holds live incidents only: unfiltered, it alone answers, in its own rowid order.
  const joined = page.filtered || page.order !== 'relevance';
  const from = joined ? 'incident_search s CROSS JOIN incidents i ON i.rowid = s.rowid' : 'incident_search s';
  const where = [...(joined ? page.where : []), 'incident_search MATCH ?'].join(' AND ');
  const params = [...(joined ? page.params : []), expr];
  const total = cached(db, `SELECT count(*) FROM ${from} WHERE ${where}`).pluck().get(...params) as number;
  if (window.limit <= 0 || window.offset >= total) return { rowids: [], total };
  const order = page.order === 'relevance' ? 's.rowid DESC' : page.order;
  const rowids = cached(db, `SELECT s.rowid FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, window.limit, window.offset) as number[];
  return { rowids, total };
}
