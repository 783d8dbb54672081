import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import { contractCalls, sampleIncident } from '../../helpers/ledger-calls.js';
import { footprint, tempLedger } from '../../helpers/temp.js';

// 乡镇（街道） as the office edits them, through the contract on a real ledger file: added, renamed, deactivated
// (kept for old incidents, refused for new ones), reactivated, and deleted only while no incident names them.

const auditSummaries = (ledger: ReturnType<typeof tempLedger>) =>
  (ledger.db.prepare("SELECT summary FROM audit WHERE entity = 'township' ORDER BY seq").all() as { summary: string }[]).map((r) => r.summary);

describe('townships', () => {
  it('adds a township after the seeded ones and lets incidents name it; a duplicate name is refused and nothing written', async () => {
    const ledger = tempLedger();
    const { ok, call } = contractCalls(ledger);
    const seeded = (await ok('getReference', {})).townships;
    expect(seeded.length).toBeGreaterThan(10);

    const added = await ok('addTownship', { name: '  新城街道 ' });
    expect(added).toMatchObject({ name: '新城街道', active: true });
    const townships = (await ok('getReference', {})).townships;
    expect(townships.at(-1)).toEqual(added);
    expect((await ok('createIncident', { ...sampleIncident, township: '新城街道' })).townshipId).toBe(added.id);

    const before = footprint(ledger);
    expect(await call('addTownship', { name: '新城街道' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '已有名为“新城街道”的乡镇（街道）', fields: [{ path: 'name' }] },
    });
    expect(await call('addTownship', { name: '羊山镇' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('addTownship', { name: ' ' })).toMatchObject({ ok: false, error: { fields: [{ path: 'name', message: '请填写乡镇（街道）名称' }] } });
    expect(await call('addTownship', { name: '城'.repeat(31) })).toMatchObject({ ok: false, error: { fields: [{ message: '乡镇（街道）名称不超过30字' }] } });
    expect(await call('addTownship', { name: '新\n城' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(footprint(ledger)).toEqual(before);
    expect(auditSummaries(ledger)).toEqual(['新增乡镇（街道）“新城街道”']);
  });

  it('renames: incidents keep the township, the new name resolves and the old one no longer does', async () => {
    const ledger = tempLedger();
    const { ok, call } = contractCalls(ledger);
    const incident = await ok('createIncident', { ...sampleIncident, township: '羊山镇' });
    const renamed = await ok('updateTownship', { id: '羊山镇', name: '羊山街道' });
    expect(renamed).toMatchObject({ id: incident.townshipId, name: '羊山街道', active: true });
    expect((await ok('getIncident', { id: incident.id })).townshipId).toBe(renamed.id);
    expect((await ok('listIncidents', { township: '羊山街道' })).rows.map((r) => r.id)).toEqual([incident.id]);
    expect(await call('createIncident', { ...sampleIncident, township: '羊山镇' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'township', message: '没有名为“羊山镇”的乡镇（街道）' }] },
    });
    // Renaming onto another live township's name is refused; renaming to its own name writes nothing.
    const before = footprint(ledger);
    expect(await call('updateTownship', { id: renamed.id, name: '柳城街道' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ok('updateTownship', { id: renamed.id, name: '羊山街道' })).toEqual(renamed);
    expect(await call('updateTownship', { id: '不存在的镇', name: '某镇' })).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到乡镇（街道）“不存在的镇”' } });
    expect(footprint(ledger)).toEqual(before);
    expect(auditSummaries(ledger)).toEqual(['乡镇（街道）“羊山镇”更名为“羊山街道”']);
  });

  it('deactivates: old incidents keep it (edits, filters), new incidents cannot name it; reactivation restores it', async () => {
    const ledger = tempLedger();
    const { ok, call } = contractCalls(ledger);
    const incident = await ok('createIncident', { ...sampleIncident, township: '胜利镇' });
    const off = await ok('updateTownship', { id: '胜利镇', active: false });
    expect(off.active).toBe(false);
    expect((await ok('getReference', {})).townships.find((t) => t.id === off.id)).toEqual(off);

    expect(await call('createIncident', { ...sampleIncident, township: '胜利镇' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ path: 'township', message: '乡镇（街道）“胜利镇”已停用' }] },
    });
    const other = await ok('createIncident', sampleIncident);
    expect(await call('updateIncident', { id: other.id, patch: { township: '胜利镇' } })).toMatchObject({ ok: false });
    // The incident that already names it: resending the township with another edit is no change, not a refusal.
    const edited = await ok('updateIncident', { id: incident.id, patch: { title: '胜利镇某小区供暖不热', township: '胜利镇' } });
    expect(edited).toMatchObject({ title: '胜利镇某小区供暖不热', townshipId: off.id });
    expect((await ok('listIncidents', { township: '胜利镇' })).rows.map((r) => r.id)).toEqual([incident.id]);

    // A name held by an inactive township is still taken.
    expect(await call('addTownship', { name: '胜利镇' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '已有名为“胜利镇”的乡镇（街道）（已停用，可重新启用）' },
    });

    expect(await ok('updateTownship', { id: off.id, active: true })).toMatchObject({ active: true });
    expect((await ok('createIncident', { ...sampleIncident, township: '胜利镇' })).townshipId).toBe(off.id);
    expect(auditSummaries(ledger)).toEqual(['停用乡镇（街道）“胜利镇”', '启用乡镇（街道）“胜利镇”']);
  });

  it('deletes only a township no incident names; one in use is refused with a hint to deactivate it', async () => {
    const ledger = tempLedger();
    const { ok, call } = contractCalls(ledger);
    await ok('createIncident', { ...sampleIncident, township: '大庙镇' });
    const before = footprint(ledger);
    expect(await call('deleteTownship', { id: '大庙镇' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '“大庙镇”已用于 1 条舆情事件，不能删除；不再使用请停用' },
    });
    expect(footprint(ledger)).toEqual(before);

    const typo = await ok('addTownship', { name: '新城街到' });
    expect(await ok('deleteTownship', { id: typo.id })).toEqual({ deleted: true });
    expect((await ok('getReference', {})).townships.some((t) => t.id === typo.id)).toBe(false);
    expect(await call('deleteTownship', { id: typo.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The name is free again once its row is deleted.
    expect(await ok('addTownship', { name: '新城街到' })).toMatchObject({ active: true });
    // Every edit went through the one write path: sync operations and a sound audit chain.
    expect((ledger.db.prepare("SELECT count(*) AS n FROM ops WHERE tbl = 'townships' AND row = ?").get(typo.id) as { n: number }).n).toBe(4);
    expect(verifyAudit(ledger.db).ok).toBe(true);
  });
});
