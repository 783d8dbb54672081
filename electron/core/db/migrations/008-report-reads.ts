import type { Db } from '../open.js';
import { guardTriggersFor } from './guard.js';

// Migration 8: what reports and the response clock read for thousands of incidents at a time.
// - incident_first_responses: each incident's first live response and first live press conference, derived data
//   kept by the apply path. Reports and the clock join it instead of aggregating the incident's responses once per
//   incident. "First before asOf" is then `first < asOf`, since the earliest response before asOf is the earliest
//   response whenever that falls before asOf, and none otherwise.
// - incidents_label: an incident's number and title beside its id, so a report naming the incidents of thousands of
//   commitments reads this narrow index instead of each wide incidents row.

export const migration = {
  version: 8,
  name: 'report-reads',
  sql: `
CREATE TABLE incident_first_responses (
  incident_id TEXT PRIMARY KEY,
  first_any TEXT NOT NULL,
  first_press TEXT
) STRICT, WITHOUT ROWID;
${guardTriggersFor(['incident_first_responses'])}

CREATE INDEX incidents_label ON incidents(id, deleted, number, title);
`,
  backfill(db: Db) {
    db.exec(`
      INSERT INTO incident_first_responses (incident_id, first_any, first_press)
      SELECT incident_id, min(at), min(CASE WHEN method = 'press_conference' THEN at END)
      FROM responses WHERE deleted = 0 AND incident_id IS NOT NULL GROUP BY incident_id;`);
  },
};
