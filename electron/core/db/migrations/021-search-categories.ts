import type { Db } from '../open.js';

// Migration 21: the search index lists each incident's categories in a fourth column (search/category-tokens.ts),
// so a search that names a category (欠薪 finds the 工资拖欠 incidents) counts "filed under it but no text hit"
// from the index's own lists instead of looking up each of thousands of hits (issue 12.4). User text is searched in
// the three text columns only. Rebuilt here from the incidents and responses (the index is contentless: a column
// cannot be added to it).

export const migration = {
  version: 21,
  name: 'search-categories',
  sql: `
DROP TABLE incident_search;
CREATE VIRTUAL TABLE incident_search USING fts5(title, summary, responses, categories, tokenize = 'unicode61', detail = 'full',
  content = '', contentless_delete = 1);
`,
  backfill(db: Db) {
    const insert = db.prepare('INSERT INTO incident_search (rowid, title, summary, responses, categories) VALUES (?, ?, ?, ?, ?)');
    const responsesOf = db.prepare('SELECT content FROM responses WHERE incident_id = ? AND deleted = 0 ORDER BY at').pluck();
    const rows = db.prepare('SELECT rowid, id, title, summary, categories FROM incidents WHERE deleted = 0').all() as {
      rowid: number;
      id: string;
      title: string;
      summary: string;
      categories: string;
    }[];
    for (const row of rows) {
      const responses = (responsesOf.all(row.id) as string[]).join('\n');
      const categories = (JSON.parse(row.categories) as string[]).map((id) => `k${Buffer.from(id, 'utf8').toString('hex')}`).join(' ');
      insert.run(row.rowid, indexTextV20(row.title), indexTextV20(row.summary), indexTextV20(responses), categories);
    }
  },
};

// The search index text as of this migration (search/bigrams.ts then), written out so that a later change to
// search cannot change what this upgrade does: CJK runs as overlapping bigrams plus the run's last character,
// other letters and digits as lower-cased words.
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}';
const TOKEN = new RegExp(`[${HAN}]+|(?:(?![${HAN}])[\\p{L}\\p{N}])+`, 'gu');
const IS_CJK = new RegExp(`^[${HAN}]`, 'u');

function indexTextV20(text: string): string {
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
