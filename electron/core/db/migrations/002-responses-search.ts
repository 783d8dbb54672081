import type { Db } from '../open.js';
import { guardTriggersFor } from './guard.js';

// Migration 2: responses (回应), attachments, saved views, and the Chinese full-text index.
//
// Search: SQLite's tokenizers do not split Chinese, and the trigram tokenizer cannot find the two-character
// words people actually search for (欠薪, 供暖). So the core writes each incident's text into `incident_search`
// as overlapping CJK bigrams (县城供暖 → 县城 城供 供暖), the approach of Lucene's CJK analyzer; a query is
// turned into the same bigrams and matched as a phrase. The index is derived data: the apply path rebuilds an
// incident's row whenever its title, summary or responses change, locally or by sync.

export const migration = {
  version: 2,
  name: 'responses-search',
  sql: `
CREATE TABLE responses (
  id TEXT PRIMARY KEY,
  incident_id TEXT REFERENCES incidents(id),
  at TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL DEFAULT 'authoritative_info',
  channel TEXT NOT NULL DEFAULT 'other',
  url TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL DEFAULT '',
  unit_id TEXT REFERENCES units(id),
  disposition TEXT,
  created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX responses_incident_at ON responses(incident_id, at);

CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  incident_id TEXT REFERENCES incidents(id),
  sha256 TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  mime TEXT NOT NULL DEFAULT 'application/octet-stream',
  size INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX attachments_incident ON attachments(incident_id);

CREATE TABLE saved_views (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  query TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

-- rowid = incidents.rowid. Columns hold bigram text, weighted title > responses > summary when ranking.
CREATE VIRTUAL TABLE incident_search USING fts5(title, summary, responses, tokenize = 'unicode61', detail = 'full');

CREATE INDEX responses_first ON responses(incident_id, method, at) WHERE deleted = 0;

${guardTriggersFor(['responses', 'attachments', 'saved_views'])}
`,
  /**
   * A ledger made before search existed gets its incidents indexed once, here — in the index text of this
   * migration's time, written out below rather than borrowed from today's search code, so that a later change
   * to search cannot change what this upgrade does. (A migration that changes the index rebuilds it itself.)
   */
  backfill(db: Db) {
    const insert = db.prepare('INSERT INTO incident_search (rowid, title, summary, responses) VALUES (?, ?, ?, ?)');
    const rows = db.prepare('SELECT rowid, title, summary FROM incidents WHERE deleted = 0').all() as {
      rowid: number;
      title: string;
      summary: string;
    }[];
    // No incident had responses before this migration created the table.
    for (const row of rows) insert.run(row.rowid, indexTextV2(row.title), indexTextV2(row.summary), '');
  },
};

// The search index text as of migration 2: CJK runs as overlapping bigrams plus the run's last character,
// other letters and digits as lower-cased words.
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}';
const TOKEN = new RegExp(`[${HAN}]+|(?:(?![${HAN}])[\\p{L}\\p{N}])+`, 'gu');
const IS_CJK = new RegExp(`^[${HAN}]`, 'u');

function indexTextV2(text: string): string {
  const out: string[] = [];
  for (const token of text.match(TOKEN) ?? []) {
    if (!IS_CJK.test(token)) {
      out.push(token.toLowerCase());
      continue;
    }
    const chars = [...token];
    for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
    out.push(chars[chars.length - 1]!);
  }
  return out.join(' ');
}
