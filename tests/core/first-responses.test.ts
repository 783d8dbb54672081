import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open.js';
import type { Ledger } from '../../electron/core/open-ledger.js';
import { mutate } from '../../electron/core/ledger/mutate.js';
import type { FieldValue } from '../../electron/core/ledger/tables.js';
import { buildBundle } from '../../electron/core/sync/export.js';
import { importBundleBytes } from '../../electron/core/sync/import.js';
import { RESPONSE_METHODS } from '../../shared/domain.js';
import { introduce, replica, testClock } from './sync/helpers.js';

// incident_first_responses is derived data (migration 8): each incident's first live response and first live press
// conference, which the reports and the response clock read instead of aggregating responses. Whatever happens to
// responses — added, re-timed, re-classed, deleted, restored, moved to another incident, here or on another
// workstation — the table must say what the responses themselves say, on both workstations.

const INCIDENTS = ['i-a', 'i-b', 'i-c'];
const TIMES = ['2026-11-20T01:00:00.000Z', '2026-11-20T03:00:00.000Z', '2026-11-21T02:00:00.000Z', '2026-11-22T08:30:00.000Z'];

type Step =
  | { kind: 'respond'; on: 'here' | 'there'; response: number; incident: number; at: number; method: number }
  | { kind: 'retime'; on: 'here' | 'there'; response: number; at: number }
  | { kind: 'reclass'; on: 'here' | 'there'; response: number; method: number }
  | { kind: 'delete'; on: 'here' | 'there'; response: number; deleted: boolean }
  | { kind: 'move'; on: 'here' | 'there'; response: number; incident: number }
  | { kind: 'sync' };

const on = fc.constantFrom('here' as const, 'there' as const);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('respond' as const), on, response: fc.nat(5), incident: fc.nat(2), at: fc.nat(3), method: fc.nat(RESPONSE_METHODS.length - 1) }),
  fc.record({ kind: fc.constant('retime' as const), on, response: fc.nat(5), at: fc.nat(3) }),
  fc.record({ kind: fc.constant('reclass' as const), on, response: fc.nat(5), method: fc.nat(RESPONSE_METHODS.length - 1) }),
  fc.record({ kind: fc.constant('delete' as const), on, response: fc.nat(5), deleted: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), on, response: fc.nat(5), incident: fc.nat(2) }),
  fc.record({ kind: fc.constant('sync' as const) }),
);

/** What the responses say, aggregated afresh. */
function expected(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT incident_id, min(at) AS first_any, min(CASE WHEN method = 'press_conference' THEN at END) AS first_press
       FROM responses WHERE deleted = 0 AND incident_id IS NOT NULL GROUP BY incident_id ORDER BY incident_id`,
    )
    .all();
}

const derived = (db: Db) => db.prepare('SELECT incident_id, first_any, first_press FROM incident_first_responses ORDER BY incident_id').all();

function change(ledger: Ledger, s: Exclude<Step, { kind: 'sync' }>): void {
  const row = `r-${s.response}`;
  const exists = ledger.db.prepare('SELECT 1 FROM responses WHERE id = ?').get(row) !== undefined;
  if (s.kind !== 'respond' && !exists) return;
  const fields: Record<string, FieldValue> =
    s.kind === 'respond'
      ? { incident_id: INCIDENTS[s.incident]!, at: TIMES[s.at]!, method: RESPONSE_METHODS[s.method]!, channel: 'gov_weibo', content: '情况通报', created_at: new Date(ledger.ctx.now()).toISOString() }
      : s.kind === 'retime'
        ? { at: TIMES[s.at]! }
        : s.kind === 'reclass'
          ? { method: RESPONSE_METHODS[s.method]! }
          : s.kind === 'delete'
            ? { deleted: s.deleted }
            : { incident_id: INCIDENTS[s.incident]! };
  mutate(ledger.ctx, { action: exists ? 'update' : 'create', entity: 'response', entityId: row, summary: s.kind }, [{ table: 'responses', row, fields }]);
}

async function syncBothWays(a: Ledger, b: Ledger): Promise<void> {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const { bytes } = await buildBundle(from, { peers: [to.siteId], full: false });
    await importBundleBytes(to, bytes, {});
  }
}

describe('the derived first responses', () => {
  it('always agree with the responses, through local edits and sync, on both workstations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const clock = testClock();
        const here = replica('本机', clock.now, { keep: true });
        const there = replica('他机', () => clock.now() + 60_000, { keep: true });
        try {
          await introduce(here, there);
          for (const ledger of [here, there]) {
            mutate(
              ledger.ctx,
              { action: 'create', entity: 'incident', entityId: 'seed', summary: '三条事件' },
              INCIDENTS.map((id) => ({ table: 'incidents' as const, row: id, fields: { title: id, found_at: TIMES[0]! } })),
            );
          }
          for (const s of steps) {
            if (s.kind === 'sync') await syncBothWays(here, there);
            else change(s.on === 'here' ? here : there, s);
            clock.advance(1000);
            for (const ledger of [here, there]) expect(derived(ledger.db)).toEqual(expected(ledger.db));
          }
          await syncBothWays(here, there);
          expect(derived(here.db)).toEqual(expected(here.db));
          expect(derived(there.db)).toEqual(derived(here.db));
        } finally {
          here.close();
          there.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a response moved to another incident leaves the first one, and its words leave that incident’s search', () => {
    const clock = testClock();
    const ledger = replica('本机', clock.now);
    mutate(ledger.ctx, { action: 'create', entity: 'incident', entityId: 'seed', summary: '两条事件' }, [
      { table: 'incidents', row: 'i-a', fields: { title: '县城供暖不热', found_at: TIMES[0]! } },
      { table: 'incidents', row: 'i-b', fields: { title: '河道污染', found_at: TIMES[0]! } },
    ]);
    const respond = (fields: Record<string, string>) =>
      mutate(ledger.ctx, { action: 'update', entity: 'response', entityId: 'r-1', summary: '回应' }, [{ table: 'responses', row: 'r-1', fields }]);
    respond({ incident_id: 'i-a', at: TIMES[1]!, method: 'press_conference', channel: 'media', content: '召开新闻发布会通报供热整改' });
    expect(derived(ledger.db)).toEqual([{ incident_id: 'i-a', first_any: TIMES[1], first_press: TIMES[1] }]);
    respond({ incident_id: 'i-b' });
    expect(derived(ledger.db)).toEqual([{ incident_id: 'i-b', first_any: TIMES[1], first_press: TIMES[1] }]);
    const found = (word: string) =>
      ledger.db
        .prepare('SELECT i.id FROM incident_search s JOIN incidents i ON i.rowid = s.rowid WHERE incident_search MATCH ? ORDER BY i.id')
        .pluck()
        .all(`"${[...word].slice(0, -1).map((c, i) => c + word[i + 1]).join(' ')}"`);
    expect(found('整改')).toEqual(['i-b']);
  });
});
