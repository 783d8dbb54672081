import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';

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
 * every one when the text makes no full-text query), in the query's order; and how many there are.
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
  const inCategories = `category_id IN (${page.categories.map(() => '?').join(', ')})`;
  if (!page.filtered) {
    // Counted on the category and search indexes alone (both hold live incidents only): the category's entries,
    // less the full-text hits filed under it — each hit looked up in the category index by incident, which costs
    // less than gathering every hit into a list for `NOT IN` to probe. No incident row is read for the count.
    const distinct = page.categories.length === 1 ? 'count(*)' : 'count(DISTINCT incident_rowid)';
    const filed = cached(db, `SELECT ${distinct} FROM incident_categories WHERE ${inCategories}`).pluck().get(...page.categories) as number;
    const filedHits =
      page.match === undefined
        ? 0
        : (cached(
            db,
            `SELECT count(*) FROM incident_search s WHERE incident_search MATCH ? AND EXISTS (SELECT 1 FROM incident_categories c INDEXED BY incident_categories_incident WHERE c.incident_rowid = s.rowid AND c.${inCategories})`,
          )
            .pluck()
            .get(page.match, ...page.categories) as number);
    const total = filed - filedHits;
    if (window.limit <= 0 || window.offset >= total) return { rowids: [], total };
    return { rowids: windowOf(db, page, window), total };
  }
  // Filtered: walk the categories' entries (CROSS JOIN keeps them the outer loop), checking each incident's filters.
  const where = [
    `c.${inCategories}`,
    ...page.where,
    ...(page.match === undefined ? [] : ['c.incident_rowid NOT IN (SELECT rowid FROM incident_search WHERE incident_search MATCH ?)']),
  ].join(' AND ');
  const params = [...page.categories, ...page.params, ...(page.match === undefined ? [] : [page.match])];
  const what = page.categories.length === 1 ? 'count(*)' : 'count(DISTINCT c.incident_rowid)';
  const total = cached(db, `SELECT ${what} FROM incident_categories c CROSS JOIN incidents i ON i.rowid = c.incident_rowid WHERE ${where}`)
    .pluck()
    .get(...params) as number;
  return { rowids: window.limit > 0 ? windowOf(db, page, window) : [], total };
}

/** The rowids of one window of the category-only hits, in the query's order. */
function windowOf(
  db: Db,
  page: { where: readonly string[]; params: readonly (string | number)[]; categories: readonly string[]; match: string | undefined; order: string },
  window: { offset: number; limit: number },
): number[] {
  const where = [
    ...page.where,
    `i.rowid IN (SELECT incident_rowid FROM incident_categories WHERE category_id IN (${page.categories.map(() => '?').join(', ')}))`,
    ...(page.match === undefined ? [] : ['i.rowid NOT IN (SELECT rowid FROM incident_search WHERE incident_search MATCH ?)']),
  ].join(' AND ');
  const params = [...page.params, ...page.categories, ...(page.match === undefined ? [] : [page.match])];
  return cached(db, `SELECT i.rowid FROM incidents i WHERE ${where} ORDER BY ${page.order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, window.limit, window.offset) as number[];
}
