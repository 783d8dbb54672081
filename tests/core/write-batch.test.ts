import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitmentInputSchema, commitmentPatchSchema } from '../../shared/api/commitments.js';
import { responseInputSchema } from '../../shared/api/responses.js';
import type { IncidentStatus } from '../../shared/domain.js';
import { LedgerError } from '../../shared/errors.js';
import { incidentInputSchema } from '../../shared/schemas.js';
import { addCommitmentRow, updateCommitmentRow } from '../../electron/core/ledger/commitments.js';
import { createIncident, transitionIncident, updateIncident } from '../../electron/core/ledger/incidents.js';
import { attempt, type LedgerContext, mutate, writeBatch } from '../../electron/core/ledger/mutate.js';
import { allOps } from '../../electron/core/ledger/op-store.js';
import { addResponse } from '../../electron/core/ledger/responses.js';
import { LEDGER_TABLES } from '../../electron/core/ledger/tables.js';
import { verifyAudit } from '../../electron/core/ledger/verify-audit.js';
import { type Ledger, openLedger } from '../../electron/core/open-ledger.js';
import { tempDir } from '../helpers/temp.js';

// The write batch (ledger/mutate.ts writeBatch) is a mode of the one write path, not a second path: the same
// sequence of changes written one by one and written in batches leaves equal tables, equal derived rows, equal
// operations (same stamps, same values) and an audit chain that verifies, on real ledger files. Row ids are random
// per ledger, so each id is replaced by the order it first appears in the operation log before comparing.

const WORDS = ['供暖', '欠薪', '拆迁', '小区', '物业', '停水', '学校', '食堂', '噪音', '占道', '垃圾', '医院'];
const STATUSES: IncidentStatus[] = ['handling', 'responded', 'tracking', 'closed', 'no_response', 'triage'];

type Command =
  | { kind: 'create'; words: number[]; day: number; categories: boolean[] }
  | { kind: 'respond'; incident: number; words: number[] }
  | { kind: 'commit'; incident: number; words: number[] }
  | { kind: 'progress'; commitment: number }
  | { kind: 'retitle'; incident: number; words: number[] }
  | { kind: 'move'; incident: number; to: number }
  | { kind: 'delete'; incident: number };

const words = fc.array(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 6 });
const pick = fc.nat(40);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), words, day: fc.nat(20), categories: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('respond' as const), incident: pick, words }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('commit' as const), incident: pick, words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('progress' as const), commitment: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retitle' as const), incident: pick, words }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), incident: pick, to: fc.nat(STATUSES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), incident: pick }) },
);
/** A group is written as one part (a spreadsheet row); `fails` makes it throw after its writes, to be rolled back. */
const group = fc.record({ commands: fc.array(command, { minLength: 1, maxLength: 4 }), fails: fc.boolean() });
/** Groups, and where batches end (each group index that starts a new batch). */
const history = fc.record({ groups: fc.array(group, { minLength: 1, maxLength: 12 }), cuts: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }) });

const CATEGORIES = ['困难群众', '环境', '教育医疗、食品药品安全'];
const text = (ws: readonly number[]) => ws.map((w) => WORDS[w]!).join('');

class PartFails extends Error {}

/** Runs one command; a refusal of the core (LedgerError) is part of the history and leaves nothing written. */
function run(ctx: LedgerContext, clock: { t: number }, c: Command, made: { incidents: string[]; commitments: string[] }): void {
  clock.t += 60_000;
  const incident = (i: number) => made.incidents[i % Math.max(1, made.incidents.length)];
  try {
    attempt(ctx, () => {
      switch (c.kind) {
        case 'create': {
          const input = incidentInputSchema.parse({
            title: `县城${text(c.words)}问题`,
            summary: `居民反映${text([...c.words].reverse())}情况`,
            platform: '微博',
            foundAt: `2026-11-${String(1 + c.day).padStart(2, '0')} 09:00`,
            severity: '一般',
            categories: [CATEGORIES[c.day % 3]!, ...CATEGORIES.filter((_, k) => c.categories[k])],
            leadUnit: '县住建局',
          });
          made.incidents.push(createIncident(ctx, input).id);
          return;
        }
        case 'respond': {
          const id = incident(c.incident);
          if (!id) return;
          addResponse(ctx, responseInputSchema.parse({ incident: id, at: '2026-11-25 10:00', method: '情况通报', channel: '官方微博', content: `已回应${text(c.words)}`, unit: '县住建局' }));
          return;
        }
        case 'commit': {
          const id = incident(c.incident);
          if (!id) return;
          const input = commitmentInputSchema.parse({ incident: id, content: `整改${text(c.words)}`, unit: '县住建局', promisedAt: '2026-11-25 11:00', deadline: { workdays: 5 } });
          made.commitments.push(addCommitmentRow(ctx, input));
          return;
        }
        case 'progress': {
          const id = made.commitments[c.commitment % Math.max(1, made.commitments.length)];
          if (id) updateCommitmentRow(ctx, id, commitmentPatchSchema.parse({ status: '推进中' }));
          return;
        }
        case 'retitle': {
          const id = incident(c.incident);
          if (id) updateIncident(ctx, id, { title: `改为${text(c.words)}`, summary: text(c.words) });
          return;
        }
        case 'move': {
          const id = incident(c.incident);
          if (id) transitionIncident(ctx, id, STATUSES[c.to]!, '依据说明');
          return;
        }
        case 'delete': {
          const id = incident(c.incident);
          if (id) mutate(ctx, { action: 'delete', entity: 'incident', entityId: id, summary: `删除 ${id}` }, [{ table: 'incidents', row: id, fields: { deleted: true } }]);
          return;
        }
      }
    });
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
  }
}

/** Writes the history: each group a part of its own; one by one, or in batches cut where `cuts` says. */
function write(ledger: Ledger, clock: { t: number }, h: { groups: { commands: Command[]; fails: boolean }[]; cuts: boolean[] }, batched: boolean): void {
  const made = { incidents: [] as string[], commitments: [] as string[] };
  const writeGroup = (ctx: LedgerContext, g: { commands: Command[]; fails: boolean }) => {
    const before = { incidents: made.incidents.length, commitments: made.commitments.length };
    try {
      attempt(ctx, () => {
        for (const c of g.commands) run(ctx, clock, c, made);
        if (g.fails) throw new PartFails();
      });
    } catch (error) {
      if (!(error instanceof PartFails)) throw error;
      made.incidents.length = before.incidents;
      made.commitments.length = before.commitments;
    }
  };
  if (!batched) {
    for (const g of h.groups) writeGroup(ledger.ctx, g);
    return;
  }
  let from = 0;
  while (from < h.groups.length) {
    let to = from + 1;
    while (to < h.groups.length && !h.cuts[to]) to += 1;
    writeBatch(ledger.ctx, (ctx) => {
      for (const g of h.groups.slice(from, to)) writeGroup(ctx, g);
    });
    from = to;
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Everything the ledger holds that the write path writes, with each random id replaced by its first appearance. */
function contents(ledger: Ledger) {
  const db = ledger.db;
  const ids = new Map<string, string>();
  const ops = allOps(db);
  for (const op of ops) for (const id of JSON.stringify(op).match(UUID) ?? []) if (!ids.has(id)) ids.set(id, `#${ids.size}`);
  const audit = db.prepare('SELECT seq, at, site, actor, action, entity, entity_id, summary, op_count, first_hlc, last_hlc FROM audit ORDER BY seq').all();
  for (const id of JSON.stringify(audit).match(UUID) ?? []) if (!ids.has(id)) ids.set(id, `#${ids.size}`);
  const named = (value: unknown) => JSON.parse(JSON.stringify(value).replace(UUID, (id) => ids.get(id) ?? 'unknown id')) as unknown;
  const all = (sql: string) => db.prepare(sql).all();
  /** Rows keyed by ids, in an order that does not depend on the ids' random spelling. */
  const byNamedId = (sql: string) => (named(all(sql)) as object[]).map((r) => JSON.stringify(r)).sort();
  const tables = Object.fromEntries(Object.keys(LEDGER_TABLES).map((t) => [t, byNamedId(`SELECT * FROM ${t}`)]));
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, incident_search, instance)');
  return {
    ops: named(ops),
    audit: named(audit),
    tables,
    sites: all('SELECT site, max_hlc FROM sites ORDER BY site'),
    derived: {
      categories: all('SELECT * FROM incident_categories ORDER BY 1, 2, 3'),
      firstResponses: byNamedId('SELECT * FROM incident_first_responses'),
      signatures: all('SELECT * FROM incident_signatures ORDER BY 1'),
      buckets: all('SELECT * FROM incident_lsh ORDER BY 1, 2, 3'),
      // A shingle counted in no incident reads as absent either way; one by one, a shingle that came and went within
      // the batch's span is left at 0 docs, which a batch never writes.
      frequency: all('SELECT * FROM shingle_frequency WHERE docs > 0 ORDER BY 1'),
      search: all('SELECT term, doc, col, offset FROM temp.search_terms ORDER BY 1, 2, 3, 4'),
    },
  };
}

describe('the write batch', () => {
  it('writes exactly what the same changes write one by one: tables, derived rows, operations, audit (fast-check)', () => {
    const dir = tempDir();
    const now = Date.parse('2026-11-28T04:00:00Z');
    const fresh = join(dir, 'fresh.db');
    openLedger({ path: fresh, now: () => now, actor: '测试' }).close();
    let runs = 0;
    let operations = 0;
    fc.assert(
      fc.property(history, (h) => {
        runs += 1;
        const open = (name: string, clock: { t: number }) => {
          const path = join(dir, `${name}-${runs}.db`);
          copyFileSync(fresh, path); // one workstation, twice: the same site id, seed and clock
          return openLedger({ path, now: () => clock.t, actor: '测试' });
        };
        const oneClock = { t: now };
        const batchClock = { t: now };
        const one = open('one', oneClock);
        const batch = open('batch', batchClock);
        try {
          write(one, oneClock, h, false);
          write(batch, batchClock, h, true);
          const expected = contents(one);
          expect(contents(batch)).toEqual(expected);
          operations += (expected.ops as unknown[]).length;
          for (const ledger of [one, batch]) expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
        } finally {
          one.close();
          batch.close();
        }
      }),
      { numRuns: 50 },
    );
    expect(operations).toBeGreaterThan(50 * 50); // the histories wrote something worth comparing
  });

  it('ends with its transaction: a context kept past its batch is refused, and a batch inside a batch joins it', () => {
    const dir = tempDir();
    const ledger = openLedger({ path: join(dir, 'ledger.db'), now: () => Date.parse('2026-11-28T04:00:00Z') });
    try {
      let kept: LedgerContext | undefined;
      const input = incidentInputSchema.parse({ title: '县城供暖不热', platform: '微博', foundAt: '2026-11-20 09:00', severity: '一般', categories: ['环境'], leadUnit: '县住建局' });
      writeBatch(ledger.ctx, (ctx) => {
        kept = ctx;
        writeBatch(ctx, (inner) => expect(inner).toBe(ctx));
        createIncident(ctx, input);
      });
      expect(() => createIncident(kept!, input)).toThrow(/after it ended/);
      expect(ledger.db.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(1);
      // The batch's derived rows were written when it ended: the incident is found by search.
      expect(ledger.db.prepare("SELECT count(*) FROM incident_search WHERE incident_search MATCH '供暖'").pluck().get()).toBe(1);
    } finally {
      ledger.close();
    }
  });
});
