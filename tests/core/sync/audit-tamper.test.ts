import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open.js';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { type AuditRow, digestOps, opsOfEntry, sealOf } from '../../../electron/core/ledger/audit.js';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import { createIncident, updateIncident } from '../../../electron/core/ledger/incidents.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { introduce, replica, testClock } from './helpers.js';

// An audit trail peers can check (issue 11): A keeps B's and C's chains, signed by them. Someone with A's file
// rewrites one of B's or C's operations or audit entries, drops the triggers and recomputes every plain hash and
// digest as an attacker would; `audit verify` still finds it and names the workstation — it cannot re-sign.

const RUNS = Number(process.env.YQ_TAMPER_RUNS ?? 500);

async function threeWorkstations(): Promise<{ a: Ledger; sites: string[]; names: Map<string, string> }> {
  const clock = testClock();
  const [a, b, c] = [replica('县委宣传部', clock.now), replica('城关镇', clock.now), replica('县信访局', clock.now)];
  await introduce(a, b, c);
  for (const [l, titles] of [[b, ['供暖不热', '拆迁补偿']], [c, ['欠薪讨薪', '河道污染', '食堂卫生']]] as const) {
    for (const title of titles) {
      clock.advance(60_000);
      const made = createIncident(
        l.ctx,
        incidentInputSchema.parse({ title, platform: '微博', foundAt: '2026-11-27 09:30', severity: 'general', categories: ['其他'] }),
      );
      clock.advance(60_000);
      updateIncident(l.ctx, made.id, { summary: `${title}，网民反映情况属实` });
    }
  }
  const send = async (from: Ledger, to: Ledger) => importBundleBytes(to, (await buildBundle(from, { peers: [to.siteId], full: false })).bytes);
  await send(b, c);
  await send(c, a); // A gets B's chain through C, and C's own
  await send(b, a);
  expect(verifyAudit(a.db)).toMatchObject({ ok: true, peers: [{ ok: true }, { ok: true }] });
  return { a: a, sites: [b.siteId, c.siteId], names: new Map([[b.siteId, '城关镇'], [c.siteId, '县信访局']]) };
}

type Edit = { kind: 'op-value' | 'op-row' | 'op-delete' | 'op-insert' | 'entry-field' | 'entry-delete'; peer: number; pick: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('op-value', 'op-row', 'op-delete', 'op-insert', 'entry-field', 'entry-delete'),
  peer: fc.nat(1),
  pick: fc.nat(10_000),
  text: fc.string({ minLength: 1, maxLength: 8 }),
});

/** What an attacker does after editing: recompute every digest and hash of the chain so the plain checks hold. */
function recomputeChain(db: Db, site: string): void {
  const rows = db.prepare('SELECT * FROM peer_audit WHERE chain = ? ORDER BY seq').all(site) as (AuditRow & { chain: string })[];
  let prev = '0'.repeat(64);
  let seq = 1;
  for (const row of rows) {
    const ops = opsOfEntry(db, row.first_hlc.slice(-16), row.first_hlc, row.last_hlc);
    const fixed = { ...row, seq, op_count: ops.length, ops_digest: digestOps(ops), prev_hash: prev };
    const hash = sealOf(fixed);
    db.prepare('UPDATE peer_audit SET seq = ?, op_count = ?, ops_digest = ?, prev_hash = ?, hash = ? WHERE chain = ? AND seq = ?').run(
      seq, fixed.op_count, fixed.ops_digest, prev, hash, site, row.seq,
    );
    prev = hash;
    seq += 1;
  }
}

function tamper(db: Db, site: string, e: Edit): void {
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${name}"`);
  // Operations as stored (ledger/op-store.ts): clocks are 64-bit integers, hence safeIntegers.
  const ops = db
    .prepare(
      `SELECT o.site AS siteN, o.hlc AS clock, o.row AS rowN, r.tbl, r.row FROM op_log o
       JOIN op_sites s ON s.id = o.site JOIN op_rows r ON r.id = o.row WHERE s.site = ? ORDER BY o.hlc`,
    )
    .safeIntegers(true)
    .all(site) as { siteN: bigint; clock: bigint; rowN: bigint; tbl: string; row: string }[];
  const op = ops[e.pick % ops.length]!;
  const entries = db.prepare('SELECT seq FROM peer_audit WHERE chain = ? ORDER BY seq').pluck().all(site) as number[];
  const entry = entries[e.pick % entries.length]!;
  const where = 'WHERE site = ? AND hlc = ?';
  switch (e.kind) {
    case 'op-value':
      // A different value of the field's own kind: numbers and flags move by one, lists gain an item, text gains words.
      db.prepare(
        `UPDATE op_log SET value = CASE
           WHEN typeof(value) IN ('integer', 'real') THEN value + 1
           WHEN typeof(value) = 'null' THEN @text
           WHEN (SELECT type FROM op_fields WHERE id = op_log.field) IN ('json-strings', 'json') THEN json_insert(value, '$[#]', @text)
           ELSE @text || value END
         WHERE site = @site AND hlc = @clock`,
      ).run({ text: e.text, site: op.siteN, clock: op.clock });
      break;
    case 'op-row': {
      const rowN = db.prepare('INSERT INTO op_rows (tbl, row) VALUES (?, ?)').run(op.tbl, `${op.row}x`).lastInsertRowid;
      db.prepare(`UPDATE op_log SET row = ? ${where}`).run(rowN, op.siteN, op.clock);
      break;
    }
    case 'op-delete':
      db.prepare(`DELETE FROM op_log ${where}`).run(op.siteN, op.clock);
      break;
    case 'op-insert':
      // A new operation in the peer's name, stamped inside one of its entries' ranges (counter ffff).
      db.prepare(
        `INSERT INTO op_log (site, hlc, row, field, value)
         VALUES (?, ?, ?, (SELECT id FROM op_fields WHERE tbl = 'incidents' AND col = 'title'), ?)`,
      ).run(op.siteN, ((op.clock >> 16n) << 16n) + 0xffffn, op.rowN, e.text);
      break;
    case 'entry-field':
      db.prepare('UPDATE peer_audit SET actor = ?, summary = summary || ? WHERE chain = ? AND seq = ?').run(e.text, e.text, site, entry);
      break;
    case 'entry-delete':
      db.prepare('DELETE FROM peer_audit WHERE chain = ? AND seq = ?').run(site, entry);
      break;
  }
  recomputeChain(db, site);
}

describe('audit verify across workstations', () => {
  it(`finds ${RUNS} random edits of other workstations' operations or audit entries, hashes recomputed, and names the workstation`, async () => {
    const { a, sites, names } = await threeWorkstations();
    const file = a.db.serialize();
    const found = new Map<string, number>();
    fc.assert(
      fc.property(edit, (e) => {
        const db = new Database(file);
        try {
          const site = sites[e.peer]!;
          tamper(db, site, e);
          const report = verifyAudit(db);
          expect(report.ok).toBe(false);
          expect(report.firstBroken).toMatchObject({ site, workstation: names.get(site) });
          expect(report.peers.find((p) => p.site === site)?.ok).toBe(false);
          expect(report.peers.find((p) => p.site !== site)?.ok).toBe(true);
          found.set(e.kind, (found.get(e.kind) ?? 0) + 1);
        } finally {
          db.close();
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`audit tamper: ${JSON.stringify(Object.fromEntries(found))}`);
    expect([...found.values()].reduce((n, k) => n + k, 0)).toBe(RUNS);
  }, 600_000);

  it('names the entry and the record when an operation was changed without recomputing', async () => {
    const { a, sites } = await threeWorkstations();
    const db = new Database(a.db.serialize());
    const [site] = sites;
    const op = db.prepare("SELECT hlc, row FROM ops WHERE site = ? AND col = 'summary' ORDER BY hlc LIMIT 1").get(site) as { hlc: string; row: string };
    db.exec('DROP TRIGGER guard_op_log_update');
    db.prepare(
      `UPDATE op_log SET value = '改过的摘要' WHERE field = (SELECT id FROM op_fields WHERE tbl = 'incidents' AND col = 'summary')
         AND row = (SELECT id FROM op_rows WHERE tbl = 'incidents' AND row = ?)`,
    ).run(op.row);
    const report = verifyAudit(db);
    expect(report.firstBroken).toMatchObject({ site, workstation: '城关镇', record: `incident ${op.row}` });
    expect(report.firstBroken?.reason).toContain('同步操作被改动');
    db.close();
  });
});
