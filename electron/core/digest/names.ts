import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';

// Names for the ids a report shows. Deleted categories, units and townships keep their names here: an incident
// filed under them last year is still counted under the name it was filed with.

export interface Names {
  category: (code: string) => string;
  /** Categories in the office's order (deleted ones left out), for listing every category with its count. */
  categoryOrder: readonly { code: string; name: string; color: string }[];
  unit: (id: string | null) => string;
  township: (id: string | null) => string;
}

export function loadNames(db: Db): Names {
  const categories = cached(db, 'SELECT id, name, color, deleted FROM categories ORDER BY sort_order, id').all() as {
    id: string;
    name: string;
    color: string;
    deleted: number;
  }[];
  const units = new Map(
    (cached(db, 'SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]),
  );
  const townships = new Map(
    (cached(db, 'SELECT id, name FROM townships').all() as { id: string; name: string }[]).map((t) => [t.id, t.name]),
  );
  const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
  return {
    category: (code) => categoryNames.get(code) ?? code,
    categoryOrder: categories.filter((c) => c.deleted === 0).map((c) => ({ code: c.id, name: c.name, color: c.color })),
    unit: (id) => (id === null ? '' : (units.get(id) ?? id)),
    township: (id) => (id === null ? '' : (townships.get(id) ?? id)),
  };
}
