import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIncident, listIncidents } from '../../electron/core/ledger/incidents.js';
import { addResponse } from '../../electron/core/ledger/responses.js';
import { categoriesNamedBy } from '../../electron/core/search/category-match.js';
import { responseInputSchema } from '../../shared/api/responses.js';
import { incidentInputSchema, incidentQuerySchema } from '../../shared/schemas.js';
import { tempLedger } from '../helpers/temp.js';

// Search counts and pages from the indexes (the search index's counts and doclists, the category index), reading
// only the page's rows. On generated ledgers every page and count must be what a plain reading of every live row
// says: each incident whose title, summary or responses contain the text, or that is filed under a category the
// text names; by relevance (title hits, then other text hits, then category-only, each newest registered first) or
// by discovery time (text hits, then category-only), with the filters applied.

const WORDS = ['讨薪', '供暖', '低保', '扬尘', '拖欠工资', '停水', '物业'];
const FILLER = ['某小区居民反映', '网友发帖称', '县城东关', '已有多日', '情况属实'];
const CATEGORIES = ['欠薪', '环境', '困难群众', '其他', '养老'];
const SEVERITIES = ['一般', '较大', '重大'] as const;
const PLATFORMS = ['微博', '抖音', '12345'] as const;

const piece = fc.array(fc.constantFrom(...WORDS, ...FILLER), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('，'));
const incidentSpec = fc.record({
  title: piece,
  summary: piece,
  category: fc.constantFrom(...CATEGORIES),
  severity: fc.constantFrom(...SEVERITIES),
  platform: fc.constantFrom(...PLATFORMS),
  day: fc.integer({ min: 1, max: 25 }),
  response: fc.option(piece, { nil: undefined }),
});
const querySpec = fc.record({
  text: fc.constantFrom(...WORDS, '工资', '欠薪', '污染'),
  sort: fc.constantFrom('relevance' as const, 'foundAt' as const),
  descending: fc.boolean(),
  severities: fc.option(fc.subarray([...SEVERITIES], { minLength: 1 }), { nil: undefined }),
  platforms: fc.option(fc.subarray([...PLATFORMS], { minLength: 1 }), { nil: undefined }),
  offset: fc.integer({ min: 0, max: 30 }),
  limit: fc.integer({ min: 1, max: 12 }),
});

interface Row {
  rowid: number;
  id: string;
  title: string;
  summary: string;
  severity: string;
  platform: string;
  found_at: string;
  categories: string;
}

const SEVERITY_CODES: Record<string, string> = { 一般: 'general', 较大: 'large', 重大: 'major' };
const PLATFORM_CODES: Record<string, string> = { 微博: 'weibo', 抖音: 'douyin', 12345: 'hotline' };

describe('search counts and pages from the indexes', () => {
  it('gives the same pages and counts as a reading of every row, filtered or not', () => {
    fc.assert(
      fc.property(fc.array(incidentSpec, { minLength: 1, maxLength: 30 }), fc.array(querySpec, { minLength: 1, maxLength: 12 }), (specs, queries) => {
        const ledger = tempLedger({ now: () => Date.parse('2026-11-28T04:00:00Z') });
        for (const spec of specs) {
          const incident = createIncident(
            ledger.ctx,
            incidentInputSchema.parse({
              title: spec.title,
              summary: spec.summary,
              platform: spec.platform,
              foundAt: `2026-11-${String(spec.day).padStart(2, '0')} 09:00`,
              severity: spec.severity,
              categories: [spec.category],
            }),
          );
          if (spec.response !== undefined) {
            addResponse(
              ledger.ctx,
              responseInputSchema.parse({ incident: incident.id, at: '2026-11-27 10:00', method: '情况通报', channel: '政务微博', content: spec.response, unit: '县人社局' }),
            );
          }
        }
        const rows = ledger.db.prepare('SELECT rowid, id, title, summary, severity, platform, found_at, categories FROM incidents WHERE deleted = 0').all() as Row[];
        const responses = ledger.db.prepare('SELECT incident_id, content FROM responses WHERE deleted = 0').all() as { incident_id: string; content: string }[];
        for (const q of queries) {
          const named = new Set(categoriesNamedBy(ledger.db, q.text));
          const passes = (r: Row) =>
            (!q.severities || q.severities.some((s) => SEVERITY_CODES[s] === r.severity)) &&
            (!q.platforms || q.platforms.some((p) => PLATFORM_CODES[p] === r.platform));
          const rank = (r: Row) => {
            if (r.title.includes(q.text)) return 0;
            if (r.summary.includes(q.text) || responses.some((x) => x.incident_id === r.id && x.content.includes(q.text))) return 1;
            return (JSON.parse(r.categories) as string[]).some((c) => named.has(c)) ? 2 : undefined;
          };
          const dir = q.descending ? -1 : 1;
          const expected = rows
            .filter(passes)
            .map((r) => ({ r, rank: rank(r) }))
            .filter((x): x is { r: Row; rank: number } => x.rank !== undefined)
            .sort((a, b) =>
              q.sort === 'relevance'
                ? a.rank - b.rank || b.r.rowid - a.r.rowid
                : Number(a.rank === 2) - Number(b.rank === 2) || dir * a.r.found_at.localeCompare(b.r.found_at) || dir * (a.r.rowid - b.r.rowid),
            );
          const page = listIncidents(ledger.db, incidentQuerySchema.parse(q));
          expect({ query: q, total: page.total, ids: page.rows.map((r) => r.id) }).toEqual({
            query: q,
            total: expected.length,
            ids: expected.slice(q.offset, q.offset + q.limit).map((x) => x.r.id),
          });
          // The snippet marks the hit wherever the summary or a response shows it (responses read for the page only).
          for (const row of page.rows) {
            const shown = row.summary.includes(q.text) || responses.some((x) => x.incident_id === row.id && x.content.includes(q.text));
            expect(row.highlight!.snippet.some((run) => run.hit && run.text === q.text)).toBe(shown);
          }
        }
        ledger.close();
      }),
      { numRuns: 25 },
    );
  });
});
