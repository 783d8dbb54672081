import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/ledger/verify-audit.js';
import { createIncident } from '../../electron/core/ledger/incidents.js';
import { mutate } from '../../electron/core/ledger/mutate.js';
import { incidentInputSchema } from '../../shared/schemas.js';
import { footprint, tempLedger } from '../helpers/temp.js';

const sample = () =>
  incidentInputSchema.parse({
    title: '县城某小区供暖不热，居民集体投诉',
    platform: '微博',
    foundAt: '2026-11-28 09:00',
    severity: '较大',
    categories: ['困难群众', '环境'],
    leadUnit: '县住建局',
  });

describe('the one mutation path', () => {
  it('writes field-level operations stamped by this site and one chained audit entry per mutation', () => {
    const ledger = tempLedger();
    const before = footprint(ledger);
    const incident = createIncident(ledger.ctx, sample());
    const after = footprint(ledger);
    expect(after.audit - before.audit).toBe(1);
    const ops = ledger.db.prepare('SELECT hlc, site, tbl, row, col, value FROM ops WHERE row = ? ORDER BY hlc').all(incident.id) as {
      hlc: string; site: string; tbl: string; col: string; value: string;
    }[];
    expect(ops.length).toBe(after.ops - before.ops);
    expect(new Set(ops.map((o) => o.site))).toEqual(new Set([ledger.siteId]));
    expect(ops.map((o) => o.col)).toEqual(expect.arrayContaining(['title', 'number', 'categories', 'severity', 'status']));
    expect(JSON.parse(ops.find((o) => o.col === 'categories')!.value)).toEqual(['hardship', 'environment']);
    // Stamps are strictly increasing and sort as strings.
    expect([...ops.map((o) => o.hlc)].sort()).toEqual(ops.map((o) => o.hlc));
    expect(new Set(ops.map((o) => o.hlc)).size).toBe(ops.length);
    const entry = ledger.db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT 1').get() as { summary: string; op_count: number };
    expect(entry.summary).toContain(incident.number);
    expect(entry.op_count).toBe(ops.length);
    expect(verifyAudit(ledger.db)).toEqual({ ok: true, entries: after.audit, peers: [] });
  });

  it.each([
    ['UPDATE incidents', "UPDATE incidents SET title = 'changed behind the ledger''s back'"],
    ['INSERT incidents', "INSERT INTO incidents (id, title) VALUES ('x', 'sneaked in')"],
    ['DELETE incidents', 'DELETE FROM incidents'],
    ['INSERT ops', "INSERT INTO ops (hlc, site, tbl, row, col, value) VALUES ('h', 's', 'incidents', 'r', 'title', '\"x\"')"],
    ['UPDATE categories', "UPDATE categories SET name = 'x'"],
    ['INSERT audit', "INSERT INTO audit SELECT seq + 100, at, site, actor, action, entity, entity_id, summary, op_count, first_hlc, last_hlc, ops_digest, prev_hash, hash FROM audit"],
    ['INSERT audit_log', 'INSERT INTO audit_log SELECT seq + 100, at, site, actor, action, entity, entity_id, summary, op_count, stamp_site, first_hlc, last_hlc, ops_digest, prev_hash, hash FROM audit_log'],
  ])('refuses a raw %s that bypasses operations and audit', (_name, sql) => {
    const ledger = tempLedger();
    createIncident(ledger.ctx, sample());
    const before = footprint(ledger);
    expect(() => ledger.db.prepare(sql).run()).toThrow(/only through the core mutation path/);
    expect(footprint(ledger)).toEqual(before);
  });

  it('refuses writes from a connection that does not have the core (e.g. another tool)', () => {
    const ledger = tempLedger();
    createIncident(ledger.ctx, sample());
    const other = new Database(ledger.path);
    expect(() => other.prepare("UPDATE incidents SET title = 'x'").run()).toThrow(/no such function: yq_guard/);
    other.close();
  });

  it('keeps the audit log append-only even for the core', () => {
    const ledger = tempLedger();
    expect(() => ledger.ctx.guard.allow(() => ledger.db.prepare("UPDATE audit SET actor = 'x'").run())).toThrow(/append-only/);
    expect(() => ledger.ctx.guard.allow(() => ledger.db.prepare('DELETE FROM audit').run())).toThrow(/append-only/);
  });

  it('rolls back operations, rows and audit together when any part of a mutation fails', () => {
    const ledger = tempLedger();
    const before = footprint(ledger);
    // A lead unit that does not exist breaks the foreign key after ops and audit were written in the transaction.
    expect(() =>
      mutate(ledger.ctx, { action: 'create', entity: 'incident', entityId: 'x', summary: 'bad' }, [
        { table: 'incidents', row: 'x', fields: { title: 'ok', lead_unit_id: 'no-such-unit' } },
      ]),
    ).toThrow(/FOREIGN KEY/);
    expect(footprint(ledger)).toEqual(before);
    expect(verifyAudit(ledger.db).ok).toBe(true);
  });

  it('refuses a field that is not in the whitelist of synced columns', () => {
    const ledger = tempLedger();
    expect(() =>
      mutate(ledger.ctx, { action: 'x', entity: 'incident', entityId: 'x', summary: 'x' }, [
        { table: 'incidents', row: 'x', fields: { 'title; DROP TABLE ops': 'x' } },
      ]),
    ).toThrow(/unknown field/);
  });
});

describe('audit verify', () => {
  function tamperable() {
    const ledger = tempLedger();
    for (let i = 0; i < 4; i += 1) createIncident(ledger.ctx, { ...sample(), title: `事件${i}` });
    // Tampering needs the protections removed first, as an attacker with the file would.
    ledger.db.exec('DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;');
    for (const t of ['update', 'delete', 'insert']) {
      ledger.db.exec(`DROP TRIGGER guard_audit_log_${t}; DROP TRIGGER guard_op_log_${t};`);
    }
    return ledger;
  }

  it('passes on an untouched log', () => {
    const ledger = tamperable();
    expect(verifyAudit(ledger.db)).toEqual({ ok: true, entries: 5, peers: [] });
  });

  it('names the first entry whose content was altered', () => {
    const ledger = tamperable();
    ledger.db.prepare("UPDATE audit_log SET summary = '改过的' WHERE seq = 3").run();
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: false, entries: 2, firstBroken: { seq: 3 } });
  });

  it('names the gap where an entry was deleted', () => {
    const ledger = tamperable();
    ledger.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    const report = verifyAudit(ledger.db);
    expect(report).toMatchObject({ ok: false, firstBroken: { seq: 3 } });
    expect(report.firstBroken?.reason).toContain('第 2 条记录缺失');
  });

  it('notices an entry re-sealed after editing, through the next link', () => {
    const ledger = tamperable();
    // The hash is stored as its 32 bytes (audit-store.ts): always a different first byte.
    ledger.db.prepare("UPDATE audit_log SET hash = unhex(CASE substr(hex(hash), 1, 2) WHEN '00' THEN '01' ELSE '00' END || substr(hex(hash), 3)) WHERE seq = 4").run();
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
  });

  it('notices an operation altered under its entry', () => {
    const ledger = tamperable();
    // Operations are stored compactly (op-store.ts): the newest title operation, edited where it is stored.
    const title = "(SELECT id FROM op_fields WHERE tbl = 'incidents' AND col = 'title')";
    ledger.ctx.guard.allow(() =>
      ledger.db.prepare(`UPDATE op_log SET value = '改过的标题' WHERE field = ${title} AND hlc = (SELECT max(hlc) FROM op_log WHERE field = ${title})`).run(),
    );
    const report = verifyAudit(ledger.db);
    expect(report).toMatchObject({ ok: false, firstBroken: { seq: 5 } });
    expect(report.firstBroken?.reason).toContain('同步操作');
  });
});
