import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, chinaDateOf, parsePeriod } from '../../../shared/china-time.js';
import { commitmentSection } from '../../../electron/core/digest/commitments.js';
import { keyIncidents } from '../../../electron/core/digest/compute.js';
import { loadNames } from '../../../electron/core/digest/names.js';
import { periodIncidents } from '../../../electron/core/digest/scan.js';
import { mutate } from '../../../electron/core/ledger/mutate.js';
import type { FieldValue, LedgerTable } from '../../../electron/core/ledger/tables.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { oldCommitmentSection, oldKeyIncidents } from './old-reads.js';

// Issue 12 rewrote the report's reads to be set-based (counts in SQL, only listed rows read). The rewritten reads
// must say exactly what the old ones said, on any ledger: generated here field by field through the mutation path
// (so states the forms never make — a deleted incident's commitments, 已公开 with no time, 已兑现 with no
// 兑现时间 — are met too), and compared for weeks, months and the year, printed at several moments.

const DAY = 86_400_000;
const BASE = Date.parse('2026-09-28T16:00:00Z'); // Tuesday 2026-09-29 00:00 China time
const at = (hours: number) => new Date(BASE + hours * 3_600_000).toISOString();
const day = (days: number) => chinaDateOf(BASE + days * DAY);

// Times fall on China midnight, 08:00 and 16:00, so they meet period ends and asOf exactly now and then.
const hours = (max: number) => fc.nat(max / 8).map((k) => k * 8);
const incident = fc.record({ foundHours: hours(24 * 70), deleted: fc.boolean() });
const commitment = fc.record({
  incident: fc.nat(5),
  promisedHours: hours(24 * 80),
  deadlineDays: fc.integer({ min: -5, max: 90 }),
  status: fc.constantFrom('pending', 'in_progress', 'fulfilled', 'unfulfillable'),
  fulfilledHours: fc.option(hours(24 * 100), { nil: null }),
  pub: fc.constantFrom('', 'published', 'not_published'),
  pubHours: fc.option(hours(24 * 100), { nil: null }),
  unit: fc.constantFrom(null, 'u-rsj', 'u-hbj'),
  deleted: fc.boolean(),
});

const PERIODS = ['2026-W40', '2026-W41', '2026-W44', '2026-W46', '2026-W47', '2026-W48', '2026-W50', '2026-10', '2026-11', '2026-12', '2026'];
const NOWS = ['2026-10-20T02:00:00Z', '2026-11-22T16:00:00Z', '2026-11-23T02:00:00Z', '2026-12-02T09:00:00Z', '2027-03-01T00:00:00Z'].map(Date.parse);

describe('the rewritten report reads', () => {
  it('give the commitments section the old reads gave', () => {
    fc.assert(
      fc.property(
        fc.array(incident, { minLength: 1, maxLength: 6 }),
        fc.array(commitment, { minLength: 1, maxLength: 30 }),
        (incidents, commitments) => {
          const ledger = openLedger({ path: ':memory:', now: () => Date.parse('2027-03-01T00:00:00Z') });
          try {
            const write = (table: LedgerTable, row: string, fields: Record<string, FieldValue>) =>
              mutate(ledger.ctx, { action: 'create', entity: 'test', entityId: row, summary: row }, [{ table, row, fields }]);
            for (const [id, name] of [['u-rsj', '县人社局'], ['u-hbj', '县生态环境分局']]) write('units', id!, { name: name! });
            incidents.forEach((i, n) =>
              write('incidents', `i-${n}`, { number: `YQ-2026-${String(n + 1).padStart(4, '0')}`, title: `事件${n}`, found_at: at(i.foundHours), deleted: i.deleted }),
            );
            commitments.forEach((c, n) => {
              const of = c.incident % incidents.length;
              write('commitments', `c-${n}`, {
                incident_id: `i-${of}`,
                number: `YQ-2026-${String(of + 1).padStart(4, '0')}-C${n + 1}`,
                content: `承诺${n}`,
                unit_id: c.unit,
                person: '',
                promised_at: at(c.promisedHours),
                deadline: day(Math.floor(c.promisedHours / 24) + c.deadlineDays),
                status: c.status,
                fulfilled_at: c.fulfilledHours === null ? null : at(c.promisedHours + c.fulfilledHours),
                pub_state: c.pub,
                pub_channel: c.pub === 'published' ? 'gov_weibo' : null,
                pub_at: c.pubHours === null ? null : at(c.promisedHours + c.pubHours),
                pub_note: c.pub === 'not_published' ? '涉及个人隐私' : '',
                deleted: c.deleted,
              });
            });
            for (const now of NOWS) {
              for (const key of PERIODS) {
                const period = parsePeriod(key)!;
                if (now < Date.parse(period.start)) continue;
                const asOf = new Date(Math.min(now, Date.parse(period.end))).toISOString();
                const nextFirst = chinaDateOf(Date.parse(period.end));
                const w = { start: period.start, asOf, nextFirst, nextLast: addDays(nextFirst, 6) };
                expect(commitmentSection(ledger.db, w), `${key} at ${new Date(now).toISOString()}`).toEqual(oldCommitmentSection(ledger.db, w));
              }
            }
          } finally {
            ledger.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('give 二、重点舆情 the responses the old per-incident reads gave', () => {
    const keyIncident = fc.record({ foundHours: hours(24 * 70), severity: fc.constantFrom('general', 'large', 'major', 'extreme'), deleted: fc.boolean() });
    const response = fc.record({
      incident: fc.nat(7),
      atHours: hours(24 * 90),
      method: fc.constantFrom('authoritative_info', 'press_conference', 'online_reply'),
      unit: fc.constantFrom(null, 'u-rsj'),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(keyIncident, { minLength: 1, maxLength: 8 }), fc.array(response, { maxLength: 25 }), (incidents, responses) => {
        const ledger = openLedger({ path: ':memory:', now: () => Date.parse('2027-03-01T00:00:00Z') });
        try {
          const write = (table: LedgerTable, row: string, fields: Record<string, FieldValue>) =>
            mutate(ledger.ctx, { action: 'create', entity: 'test', entityId: row, summary: row }, [{ table, row, fields }]);
          write('units', 'u-rsj', { name: '县人社局' });
          incidents.forEach((i, n) =>
            write('incidents', `i-${n}`, {
              number: `YQ-2026-${String(n + 1).padStart(4, '0')}`,
              title: `事件${n}`,
              found_at: at(i.foundHours),
              severity: i.severity,
              categories: ['wage'],
              deleted: i.deleted,
            }),
          );
          responses.forEach((r, n) =>
            write('responses', `r-${n}`, {
              incident_id: `i-${r.incident % incidents.length}`,
              at: at(r.atHours),
              method: r.method,
              channel: 'gov_weibo',
              unit_id: r.unit,
              content: `回应${n}`,
              deleted: r.deleted,
            }),
          );
          const names = loadNames(ledger.db);
          for (const now of NOWS) {
            for (const key of PERIODS) {
              const period = parsePeriod(key)!;
              if (now < Date.parse(period.start)) continue;
              const range = { start: period.start, end: period.end, asOf: new Date(Math.min(now, Date.parse(period.end))).toISOString() };
              const incidentsOf = periodIncidents(ledger.db, range);
              expect(keyIncidents(ledger.db, incidentsOf, names, range), key).toEqual(oldKeyIncidents(ledger.db, incidentsOf, names, range.asOf));
            }
          }
        } finally {
          ledger.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
