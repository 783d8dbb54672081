import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open.js';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { LedgerError } from '../../../shared/errors.js';
import { STATUS_TRANSITIONS } from '../../../shared/status.js';
import { createIncident, getIncident, transitionIncident, updateIncident } from '../../../electron/core/ledger/incidents.js';
import { pruneSuperseded } from '../../../electron/core/ledger/prune.js';
import { LEDGER_TABLES, toSqlValue, type FieldValue } from '../../../electron/core/ledger/tables.js';
import { incidentTimeline } from '../../../electron/core/ledger/timeline.js';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import { periodIncidents } from '../../../electron/core/digest/scan.js';
import { closedAtOf } from '../../../electron/core/similarity/closed-at.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { incidentInputSchema, incidentPatchSchema } from '../../../shared/schemas.js';
import { introduce, LOW_SCRYPT, replica, testClock } from '../sync/helpers.js';

// Bounded history (issue 12.2), proved: workstations that edit the same fields, move the same incidents through
// their workflow, exchange bundles in any order (stale ones too) and prune superseded operations at random moments
// end with the same ledger as a workstation that never prunes — every table, every field's winning operation —
// and every audit chain verifies everywhere. What people see of the past (timeline, status as of a date, closing
// time) is the same on a pruned ledger as on an unpruned one.

const RUNS = Number(process.env.YQ_PRUNE_RUNS ?? 40);
const PASSPHRASE = 'office-passphrase';
const TITLES = ['县城供暖不热', '小区拆迁补偿纠纷', '学校食堂食品安全'];
const SEVERITIES = ['general', 'large', 'major'] as const;

type Cmd =
  | { kind: 'create'; r: number; title: number }
  | { kind: 'move'; r: number; target: number; choice: number }
  | { kind: 'edit'; r: number; target: number; field: 'title' | 'severity'; value: number }
  | { kind: 'export'; from: number; to: number; full: boolean }
  | { kind: 'deliver'; bundle: number }
  | { kind: 'prune'; r: number }
  | { kind: 'tick'; ms: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), r: fc.nat(2), title: fc.nat(2) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('move' as const), r: fc.nat(2), target: fc.nat(10), choice: fc.nat(3) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      r: fc.nat(2),
      target: fc.nat(10),
      field: fc.constantFrom('title' as const, 'severity' as const),
      value: fc.nat(2),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('export' as const), from: fc.nat(2), to: fc.nat(2), full: fc.boolean() }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('deliver' as const), bundle: fc.nat(30) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('prune' as const), r: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3_600_000 }) }) },
);

/** The synced tables, row by row (the operation logs differ: that is the point of pruning). */
function tablesHash(db: Db): string {
  const hash = createHash('sha256');
  for (const table of Object.keys(LEDGER_TABLES).sort()) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()) hash.update(`${table}\t${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

/** Each field's winning operation: what last-writer-wins needs, the same on every workstation. */
function winners(db: Db): string {
  return JSON.stringify(db.prepare('SELECT tbl, row, col, value, max(hlc) AS hlc FROM ops GROUP BY tbl, row, col ORDER BY tbl, row, col').all());
}

function checkInvariant(db: Db): void {
  const rows = db.prepare('SELECT tbl, row, col, value, max(hlc) AS hlc FROM ops GROUP BY tbl, row, col').all() as {
    tbl: keyof typeof LEDGER_TABLES;
    row: string;
    col: string;
    value: string;
  }[];
  for (const w of rows) {
    const stored = db.prepare(`SELECT ${w.col} AS v FROM ${w.tbl} WHERE id = ?`).get(w.row) as { v: unknown } | undefined;
    expect(stored?.v, `${w.tbl}.${w.col} of ${w.row}`).toEqual(toSqlValue(JSON.parse(w.value) as FieldValue));
  }
}

/** What people see of each incident's past. */
function pastOf(db: Db): string {
  const ids = (db.prepare('SELECT id FROM incidents ORDER BY id').pluck().all() as string[]);
  const asOf = periodIncidents(db, { start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z', asOf: '2026-11-28T06:00:00.000Z' });
  return JSON.stringify({ timelines: ids.map((id) => incidentTimeline(db, id)), closed: ids.map((id) => closedAtOf(db, id) ?? null), asOf });
}

const live = (db: Db) => db.prepare('SELECT id FROM incidents WHERE deleted = 0 ORDER BY id').pluck().all() as string[];

const stats = { histories: 0, prunes: 0, pruned: 0, deliveries: 0 };

function act(ledgers: Ledger[], c: Cmd & { kind: 'create' | 'move' | 'edit' }): void {
  const { ctx, db } = ledgers[c.r % ledgers.length]!;
  if (c.kind === 'create') {
    createIncident(ctx, incidentInputSchema.parse({ title: TITLES[c.title]!, platform: '微博', foundAt: '2026-11-27 09:00', severity: 'general', categories: ['environment'] }));
    return;
  }
  const ids = live(db);
  if (ids.length === 0) return;
  const id = ids[c.target % ids.length]!;
  try {
    if (c.kind === 'edit') {
      updateIncident(ctx, id, incidentPatchSchema.parse({ [c.field]: c.field === 'title' ? TITLES[c.value]! : SEVERITIES[c.value]! }));
      return;
    }
    const moves = STATUS_TRANSITIONS[getIncident(db, id).status];
    transitionIncident(ctx, id, moves[c.choice % moves.length]!, '核实后调整');
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error; // a move the workflow refuses (closing with blockers)
  }
}

async function runHistory(commands: readonly Cmd[]): Promise<void> {
  const clock = testClock();
  // Workstations 1 and 2 prune at random moments; workstation 3 never does.
  const ledgers = [0, 1, 2].map((i) => replica(`工作站${i + 1}`, () => clock.now() + (i - 1) * 61_000, { keep: true }));
  try {
    await introduce(...ledgers);
    const mail: { to: number; bytes: Uint8Array }[] = [];
    const send = async (from: number, to: number, full: boolean) =>
      (await buildBundle(ledgers[from]!, { peers: [ledgers[to]!.siteId], full, passphrase: PASSPHRASE, scryptWorkFactor: LOW_SCRYPT })).bytes;
    const deliver = async (to: number, bytes: Uint8Array) => {
      await importBundleBytes(ledgers[to]!, bytes, { passphrase: PASSPHRASE, confirmMassDelete: true });
      stats.deliveries += 1;
    };
    const pruneAt = async (r: number) => {
      const ledger = ledgers[r]!;
      const before = pastOf(ledger.db);
      const tables = tablesHash(ledger.db);
      const result = await Promise.resolve(pruneSuperseded(ledger.ctx));
      stats.prunes += 1;
      stats.pruned += result.pruned;
      expect(tablesHash(ledger.db)).toBe(tables);
      expect(pastOf(ledger.db), 'timeline, status as of a date and closing time unchanged by the prune').toBe(before);
      const report = verifyAudit(ledger.db);
      expect(report.ok, JSON.stringify(report)).toBe(true);
    };
    for (const c of commands) {
      if (c.kind === 'tick') clock.advance(c.ms);
      else if (c.kind === 'export') {
        if (c.from % 3 !== c.to % 3) mail.push({ to: c.to % 3, bytes: await send(c.from % 3, c.to % 3, c.full) });
      } else if (c.kind === 'deliver') {
        if (mail.length > 0) {
          const letter = mail[c.bundle % mail.length]!;
          await deliver(letter.to, letter.bytes);
        }
      } else if (c.kind === 'prune') await pruneAt(c.r % 2);
      else act(ledgers, c);
      clock.advance(1);
    }
    // Everyone's operations reach everyone, and each hears from every other what it holds; the pruning
    // workstations prune once more (now everything superseded is known everywhere), and all exchange again.
    const exchangeAll = async () => {
      for (const [from, to] of [[0, 2], [1, 2], [2, 0], [2, 1], [0, 1], [1, 0]] as const) await deliver(to, await send(from, to, false));
    };
    await exchangeAll();
    await exchangeAll();
    for (const r of [0, 1]) await pruneAt(r);
    await exchangeAll();
    const states = ledgers.map((l) => tablesHash(l.db));
    expect(new Set(states).size, 'pruned and unpruned workstations hold the same ledger').toBe(1);
    expect(new Set(ledgers.map((l) => winners(l.db))).size, 'and the same winning operation of every field').toBe(1);
    expect(new Set(ledgers.map((l) => pastOf(l.db))).size, 'and show the same past').toBe(1);
    for (const l of ledgers) {
      checkInvariant(l.db);
      const report = verifyAudit(l.db);
      expect(report.ok, JSON.stringify(report)).toBe(true);
    }
  } finally {
    for (const l of ledgers) l.close();
  }
}

describe('pruning superseded operations', () => {
  it(`converges with every peer on ${RUNS} random histories of 3 workstations, two of them pruning at random moments`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 10, maxLength: 60 }), async (commands) => {
        stats.histories += 1;
        await runHistory(commands);
      }),
      { numRuns: RUNS },
    );
    console.log(`[prune property] ${JSON.stringify(stats)}`);
    expect(stats.pruned).toBeGreaterThan(0);
  }, 600_000);
});

describe('when pruning is safe, and what verification says after it', () => {
  async function twoWorkstations() {
    const clock = testClock();
    const [a, b] = [0, 1].map((i) => replica(`工作站${i + 1}`, clock.now)) as [Ledger, Ledger];
    await introduce(a, b);
    const bundle = async (from: Ledger, to: Ledger) => (await buildBundle(from, { peers: [to.siteId], full: false })).bytes;
    const incident = createIncident(a.ctx, incidentInputSchema.parse({ title: '县城供暖不热', platform: '微博', foundAt: '2026-11-27 09:00', severity: 'general', categories: ['environment'] }));
    for (const to of ['handling', 'responded'] as const) {
      clock.advance(60_000);
      transitionIncident(a.ctx, incident.id, to, '');
    }
    return { a, b, clock, incident, bundle };
  }
  const storedOps = (db: Db) => db.prepare('SELECT count(*) FROM op_log').pluck().get() as number;

  it('prunes nothing a trusted peer has not reported holding, then only superseded operations', async () => {
    const { a, b, bundle } = await twoWorkstations();
    const stale = await bundle(a, b);
    expect(pruneSuperseded(a.ctx).pruned).toBe(0); // b has not said what it holds
    await importBundleBytes(b, stale);
    await importBundleBytes(a, await bundle(b, a));
    const before = storedOps(a.db);
    const tables = tablesHash(a.db);
    expect(pruneSuperseded(a.ctx)).toMatchObject({ pruned: 6, entries: 2 }); // two moves' status, reason, updated_at
    expect(storedOps(a.db)).toBe(before - 6);
    expect(tablesHash(a.db)).toBe(tables);
    expect(verifyAudit(a.db).ok).toBe(true);
    expect(pruneSuperseded(a.ctx).pruned).toBe(0);
    // The pruned operations arriving again (a stale bundle, or b's full bundle) are known, not stored again.
    const again = await importBundleBytes(a, (await buildBundle(b, { peers: [a.siteId], full: true })).bytes);
    expect(again.applied).toBe(0);
    expect(storedOps(a.db)).toBe(before - 6);
    expect(verifyAudit(a.db).ok).toBe(true);
    // b, unpruned, still verifies a's chain, and the two agree.
    await importBundleBytes(b, await bundle(a, b));
    expect(verifyAudit(b.db).ok).toBe(true);
    expect(tablesHash(b.db)).toBe(tablesHash(a.db));
  });

  it('finds operations deleted without a prune, and a marker written without the sealing entry', async () => {
    const { a, b, bundle, incident } = await twoWorkstations();
    await importBundleBytes(b, await bundle(a, b));
    await importBundleBytes(a, await bundle(b, a));
    pruneSuperseded(a.ctx);
    expect(verifyAudit(a.db).ok).toBe(true);
    const snapshot = a.db.serialize();
    // A kept operation (the winner of the status) deleted: the entry's kept operations no longer match its marker.
    a.ctx.guard.allow(() =>
      a.db.prepare(
        `DELETE FROM op_log WHERE row = (SELECT id FROM op_rows WHERE row = ?) AND field = (SELECT id FROM op_fields WHERE tbl = 'incidents' AND col = 'title')`,
      ).run(incident.id),
    );
    expect(verifyAudit(a.db).ok).toBe(false);
    // A tamperer deletes an operation and rewrites the entry's marker as if it was pruned: the markers no longer match the
    // digest the 'prune' entry sealed.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(snapshot);
    db.function('yq_guard', () => 1);
    const entry = db.prepare("SELECT first_hlc, last_hlc, op_count FROM audit WHERE action = 'create' AND entity = 'incident'").get() as { first_hlc: string; last_hlc: string; op_count: number };
    const site = db.prepare('SELECT id FROM op_sites WHERE site = ?').pluck().get(entry.first_hlc.slice(-16)) as number;
    const victim = db.prepare("SELECT o.hlc FROM op_log o JOIN op_fields f ON f.id = o.field WHERE f.col = 'summary' AND o.site = ?").safeIntegers(true).pluck().get(site) as bigint;
    db.prepare('DELETE FROM op_log WHERE site = ? AND hlc = ?').run(site, victim);
    const { opsOfEntry, digestOps } = await import('../../../electron/core/ledger/audit.js');
    const kept = opsOfEntry(db, entry.first_hlc.slice(-16), entry.first_hlc, entry.last_hlc);
    const { clockOfStamp } = await import('../../../electron/core/ledger/prune-markers.js');
    db.prepare('INSERT OR REPLACE INTO op_prunes (site, first_hlc, last_hlc, pruned, kept_digest, prune_seq) VALUES (?, ?, ?, ?, ?, ?)').run(
      site, clockOfStamp(entry.first_hlc), clockOfStamp(entry.last_hlc), entry.op_count - kept.length, digestOps(kept), 1,
    );
    const report = verifyAudit(db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.reason).toContain('清理标记');
    db.close();
  });
});
