import type { Db } from '../open.js';

// Migration 16: the search index keeps no copy of the text it indexes (FTS5 contentless, with deletes). Searching
// needs only the index; highlights are made from the incidents' own text, for the page shown. The copy was about
// 1 KiB per incident of bigram text. Rebuilt here from the incidents and responses.

export const migration = {
  version: 16,
  name: 'search-contentless',
  sql: `
DROP TABLE incident_search;
CREATE VIRTUAL TABLE incident_search USING fts5(title, summary, responses, tokenize = 'unicode61', detail = 'full',
  content = '', contentless_delete = 1);
`,
  backfill(db: Db) {
    const insert = db.prepare('INSERT INTO incident_search (rowid, title, summary, responses) VALUES (?, ?, ?, ?)');
    const responsesOf = db.prepare('SELECT content FROM responses WHERE incident_id = ? AND deleted = 0 ORDER BY at').pluck();
    const rows = db.prepare('SELECT rowid, id, title, summary FROM incidents WHERE deleted = 0').all() as {
      rowid: number;
      id: string;
      title: string;
      summary: string;
    }[];
    for (const row of rows) {
      const responses = (responsesOf.all(row.id) as string[]).join('\n');
      insert.run(row.rowid, indexTextV16(row.title), indexTextV16(row.summary), indexTextV16(responses));
    }
  },
};

// The search index text as of this migration (search/bigrams.ts then), written out so that a later change to
// search cannot change what this upgrade does: CJK runs as overlapping bigrams plus the run's last character,
// other letters and digits as lower-cased words.
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}';
const TOKEN = new RegExp(`[${HAN}]+|(?:(?![${HAN}])[\\p{L}\\p{N}])+`, 'gu');
const IS_CJK = new RegExp(`^[${HAN}]`, 'u');

function indexTextV16(text: string): string {
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
