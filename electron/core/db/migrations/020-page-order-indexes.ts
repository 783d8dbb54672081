// Migration 20: two narrow indexes in the order the ledger view sorts by (issue 12.4: pages at 100k incidents).
// Migration 6 widened the found_at index with every filter column, so the rowid that breaks ties no longer follows
// found_at in its entries: the default order sorted each page's last key, and a deep page (offset 10,000) walked
// ten thousand wide entries. Sorting by 等级 ranked every matching row in a temporary B-tree, since the rank index
// continues with found_at, not the rowid.
// - incidents_live_found_order: found_at alone, so `ORDER BY found_at, rowid` is the index order and an offset
//   skips narrow entries.
// - incidents_live_severity_order: the rank, then the severity it ranks (one severity per rank), then the rowid:
//   `ORDER BY rank, severity, rowid` is the index order, and a severity filter is checked inside the index.

export const migration = {
  version: 20,
  name: 'page-order-indexes',
  sql: `
CREATE INDEX incidents_live_found_order ON incidents(found_at) WHERE deleted = 0;
CREATE INDEX incidents_live_severity_order ON incidents((CASE severity WHEN 'extreme' THEN 4 WHEN 'major' THEN 3 WHEN 'large' THEN 2 ELSE 1 END), severity) WHERE deleted = 0;
`,
};
