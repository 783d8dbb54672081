import { guardTriggersFor } from './guard.js';

// Migration 4: commitments (承诺) with their deadlines, 公开情况 and 核查; follow-ups (跟进) and public feedback
// (反馈评价), which are append-only rows; the office's calendar overrides (节假日调休) for years the holiday
// library does not know; and, local to this workstation, which deadline notifications were already shown.
//
// A commitment stores both how its deadline was given (a date, N 工作日 or N 自然日 from a start date) and the
// computed date, plus whether the calendar behind that date is verified: the date is what the board, the 督办单
// and sync carry, and the spec lets the core recompute it once the office enters the missing year.
// 逾期 is not stored: it follows from the deadline and today's date (see ledger/commitments.ts).

export const migration = {
  version: 4,
  name: 'commitments',
  sql: `
CREATE TABLE commitments (
  id TEXT PRIMARY KEY,
  incident_id TEXT REFERENCES incidents(id),
  response_id TEXT,
  number TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL DEFAULT '',
  unit_id TEXT REFERENCES units(id),
  person TEXT NOT NULL DEFAULT '',
  promised_at TEXT NOT NULL DEFAULT '',
  deadline_kind TEXT NOT NULL DEFAULT 'date',
  deadline_n INTEGER NOT NULL DEFAULT 0,
  deadline_from TEXT NOT NULL DEFAULT '',
  deadline TEXT NOT NULL DEFAULT '',
  calendar_verified INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL DEFAULT 'pending',
  status_reason TEXT NOT NULL DEFAULT '',
  fulfilled_at TEXT,
  evidence TEXT NOT NULL DEFAULT '',
  pub_state TEXT NOT NULL DEFAULT '',
  pub_channel TEXT,
  pub_at TEXT,
  pub_url TEXT NOT NULL DEFAULT '',
  pub_note TEXT NOT NULL DEFAULT '',
  check_by TEXT NOT NULL DEFAULT '',
  check_at TEXT,
  check_result TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX commitments_incident ON commitments(incident_id);
CREATE INDEX commitments_open_deadline ON commitments(deadline) WHERE deleted = 0 AND status IN ('pending', 'in_progress');
CREATE INDEX commitments_unit_deadline ON commitments(unit_id, deadline);

CREATE TABLE followups (
  id TEXT PRIMARY KEY,
  incident_id TEXT REFERENCES incidents(id),
  commitment_id TEXT,
  kind TEXT NOT NULL DEFAULT 'progress',
  at TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX followups_incident_at ON followups(incident_id, at);
CREATE INDEX followups_commitment_at ON followups(commitment_id, at);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  incident_id TEXT REFERENCES incidents(id),
  commitment_id TEXT,
  at TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL DEFAULT 'other',
  satisfaction INTEGER NOT NULL DEFAULT 3,
  note TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX feedback_incident_at ON feedback(incident_id, at);

-- One row per date (id = YYYY-MM-DD): whether people work that day. Reference data, synced like units.
CREATE TABLE calendar_overrides (
  id TEXT PRIMARY KEY,
  work INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Local only (not synced, not guarded): notifications already shown on this workstation, so a restart or the
-- next 30-minute check does not repeat them. key names the event, e.g. a commitment id and its deadline.
CREATE TABLE notified (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;

${guardTriggersFor(['commitments', 'followups', 'feedback', 'calendar_overrides'])}
`,
};
