import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIncident, listIncidents, transitionIncident } from '../../electron/core/ledger/incidents.js';
import { SEVERITIES } from '../../shared/domain.js';
import { incidentInputSchema, incidentQuerySchema } from '../../shared/schemas.js';
import { tempLedger } from '../helpers/temp.js';

// Ledger pages are answered by whichever index suits the filters and the sort (the sort's own index walked with
// each entry's filters checked, a filter's index sorted, or a category's slice walked in date order: see
// ledger/incidents.ts). On generated ledgers every page and count must be what a plain reading of every live row
// says, for every sort, direction, window and combination of filters.

const CATEGORIES = ['欠薪', '环境', '困难群众'];
const CATEGORY_CODES: Record<string, string> = { 欠薪: 'wages', 环境: 'environment', 困难群众: 'hardship' };
const SEVERITY_LABELS = ['一般', '较大', '重大', '特别重大'] as const;
const PLATFORMS: Record<string, string> = { 微博: 'weibo', 抖音: 'douyin', 12345: 'hotline' };
const UNITS: Record<string, string> = { 县政府办公室: 'u-zfb', 县发改局: 'u-fgj' };
const TOWNSHIPS: Record<string, string> = { 柳城街道: 't-lc', 羊山镇: 't-ys' };

const incidentSpec = fc.record({
  categories: fc.subarray(CATEGORIES, { minLength: 1 }),
  severity: fc.constantFrom(...SEVERITY_LABELS),
  platform: fc.constantFrom(...Object.keys(PLATFORMS)),
  leadUnit: fc.constantFrom(...Object.keys(UNITS)),
  township: fc.constantFrom(...Object.keys(TOWNSHIPS)),
  day: fc.integer({ min: 1, max: 25 }),
  handling: fc.boolean(),
});
const querySpec = fc.record({
  sort: fc.constantFrom('foundAt' as const, 'number' as const, 'severity' as const, 'status' as const, 'updatedAt' as const),
  descending: fc.boolean(),
  categories: fc.option(fc.subarray(CATEGORIES, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  severities: fc.option(fc.subarray([...SEVERITY_LABELS], { minLength: 1 }), { nil: undefined }),
  statuses: fc.option(fc.constantFrom(['处置中'], ['待研判']), { nil: undefined }),
  platforms: fc.option(fc.subarray(Object.keys(PLATFORMS), { minLength: 1 }), { nil: undefined }),
  leadUnit: fc.option(fc.constantFrom(...Object.keys(UNITS)), { nil: undefined }),
  township: fc.option(fc.constantFrom(...Object.keys(TOWNSHIPS)), { nil: undefined }),
  foundFrom: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
  offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  limit: fc.integer({ min: 1, max: 12 }),
});

interface Row {
  rowid: number;
  id: string;
  number: string;
  severity: string;
  status: string;
  platform: string;
  lead_unit_id: string;
  township_id: string;
  found_at: string;
  updated_at: string;
  categories: string;
}

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
const rank = (severity: string) => SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);
const SORTED_BY: Record<string, (r: Row) => string | number> = {
  foundAt: (r) => r.found_at,
  number: (r) => r.number,
  severity: (r) => rank(r.severity),
  status: (r) => r.status,
  updatedAt: (r) => r.updated_at,
};

describe('ledger pages from the indexes', () => {
  it('give the same pages and counts as a reading of every row, for any filters and sort', () => {
    fc.assert(
      fc.property(fc.array(incidentSpec, { minLength: 1, maxLength: 60 }), fc.array(querySpec, { minLength: 1, maxLength: 12 }), (specs, queries) => {
        let clock = Date.parse('2026-11-27T04:00:00Z');
        const ledger = tempLedger({ now: () => (clock += 1000) });
        for (const spec of specs) {
          const incident = createIncident(
            ledger.ctx,
            incidentInputSchema.parse({
              title: '某小区居民反映',
              platform: spec.platform,
              foundAt: `${day(spec.day)} 09:00`,
              severity: spec.severity,
              categories: spec.categories,
              leadUnit: spec.leadUnit,
              township: spec.township,
            }),
          );
          if (spec.handling) transitionIncident(ledger.ctx, incident.id, 'handling', '');
        }
        const rows = ledger.db
          .prepare('SELECT rowid, id, number, severity, status, platform, lead_unit_id, township_id, found_at, updated_at, categories FROM incidents WHERE deleted = 0')
          .all() as Row[];
        for (const q of queries) {
          const passes = (r: Row) =>
            (!q.categories || q.categories.some((c) => (JSON.parse(r.categories) as string[]).includes(CATEGORY_CODES[c]!))) &&
            (!q.severities || q.severities.some((s) => SEVERITIES[SEVERITY_LABELS.indexOf(s)] === r.severity)) &&
            (!q.statuses || (q.statuses[0] === '处置中' ? r.status === 'handling' : r.status === 'triage')) &&
            (!q.platforms || q.platforms.some((p) => PLATFORMS[p] === r.platform)) &&
            (!q.leadUnit || UNITS[q.leadUnit] === r.lead_unit_id) &&
            (!q.township || TOWNSHIPS[q.township] === r.township_id) &&
            (q.foundFrom === undefined || r.found_at >= `${day(q.foundFrom)}T01:00:00.000Z`);
          const key = SORTED_BY[q.sort]!;
          const dir = q.descending ? -1 : 1;
          const compare = (a: Row, b: Row) => {
            const [x, y] = [key(a), key(b)];
            return dir * (x < y ? -1 : x > y ? 1 : a.rowid - b.rowid);
          };
          const expected = rows.filter(passes).sort(compare);
          const { foundFrom, ...rest } = q;
          const page = listIncidents(ledger.db, incidentQuerySchema.parse({ ...rest, ...(foundFrom === undefined ? {} : { foundFrom: `${day(foundFrom)} 09:00` }) }));
          expect({ query: q, total: page.total, ids: page.rows.map((r) => r.id) }).toEqual({
            query: q,
            total: expected.length,
            ids: expected.slice(q.offset, q.offset + q.limit).map((r) => r.id),
          });
        }
        ledger.close();
      }),
      { numRuns: 30 },
    );
  });
});
