// Migration 6: covering indexes for the ledger view, and an index on response time for reports.
// Each filter index carries every other column the view filters or sorts on, so counts, further filters and
// any sort run on narrow index entries; only the 50 rows of a page are read from the wide incidents table.

/** Every column the ledger view filters or sorts on. */
const VIEW_COLUMNS = ['status', 'severity', 'platform', 'lead_unit_id', 'township_id', 'number', 'updated_at'];

function coveringIndexes(): string {
  const rest = (first: string) => VIEW_COLUMNS.filter((c) => c !== first);
  const lines = [
    'DROP INDEX incidents_live_found;',
    'DROP INDEX incidents_live_status;',
    'DROP INDEX incidents_live_severity;',
    'DROP INDEX incidents_live_platform;',
    'DROP INDEX incidents_live_lead;',
    'DROP INDEX incidents_live_township;',
    `CREATE INDEX incidents_live_found ON incidents(found_at, ${VIEW_COLUMNS.join(', ')}) WHERE deleted = 0;`,
  ];
  for (const column of ['status', 'severity', 'platform', 'lead_unit_id', 'township_id']) {
    lines.push(`CREATE INDEX incidents_live_${column} ON incidents(${column}, found_at, ${rest(column).join(', ')}) WHERE deleted = 0;`);
  }
  return lines.join('\n');
}

export const migration = {
  version: 6,
  name: 'covering-indexes',
  sql: `
${coveringIndexes()}
CREATE INDEX responses_live_at ON responses(at) WHERE deleted = 0;
`,
};


