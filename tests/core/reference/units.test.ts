import { describe, expect, it } from 'vitest';
import { contractCalls, sampleIncident } from '../../helpers/ledger-calls.js';
import { footprint, tempLedger } from '../../helpers/temp.js';

// 单位 as the office edits them, through the contract on a real ledger file: added with a kind, renamed,
// re-kinded, deactivated (kept by the records that name them, refused for new assignments), reactivated, and
// deleted only while no incident, response or commitment names them.

const response = { at: '2026-11-28 10:00', method: '情况通报', channel: '政务微博', content: '已责成热力公司排查' } as const;

describe('units', () => {
  it('adds a unit with its kind (code or label), renames and re-kinds it; duplicates are refused and nothing written', async () => {
    const ledger = tempLedger();
    const { ok, call } = contractCalls(ledger);
    const added = await ok('addUnit', { name: '县城管执法局', kind: '县政府部门' });
    expect(added).toMatchObject({ name: '县城管执法局', kind: 'department', active: true });
    expect((await ok('getReference', {})).units.at(-1)).toEqual(added);
    expect(await ok('addUnit', { name: '县供热公司' })).toMatchObject({ kind: 'department' });
    expect(await ok('addUnit', { name: '县经济开发区', kind: 'park' })).toMatchObject({ kind: 'park' });

    const before = footprint(ledger);
    expect(await call('addUnit', { name: '县住建局', kind: '县政府部门' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '已有名为“县住建局”的单位', fields: [{ path: 'name' }] },
    });
    expect(await call('addUnit', { name: '县某中心', kind: '事业单位' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'kind', message: expect.stringContaining('单位类型“事业单位”无效') as string }] },
    });
    expect(await call('addUnit', { name: '' })).toMatchObject({ ok: false, error: { fields: [{ message: '请填写单位名称' }] } });
    expect(await call('updateUnit', { id: added.id, name: '县住建局' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(footprint(ledger)).toEqual(before);

    const renamed = await ok('updateUnit', { id: '县城管执法局', name: '县综合行政执法局', kind: '直属单位' });
    expect(renamed).toEqual({ id: added.id, name: '县综合行政执法局', kind: 'direct', active: true });
    const summaries = ledger.db.prepare("SELECT summary FROM audit WHERE entity = 'unit' AND entity_id = ? ORDER BY seq").all(added.id);
    expect(summaries).toEqual([
      { summary: '新增单位“县城管执法局”（县政府部门）' },
      { summary: '单位“县城管执法局”更名为“县综合行政执法局”，单位“县综合行政执法局”类型改为直属单位' },
    ]);
  });

  it('deactivates: records keep the unit (edits, filters), new assignments are refused; reactivation restores it', async () => {
    const ledger = tempLedger();
    const { ok, call } = contractCalls(ledger);
    const incident = await ok('createIncident', { ...sampleIncident, leadUnit: '县住建局', coUnits: ['县民政局'] });
    const off = await ok('updateUnit', { id: '县民政局', active: false });
    expect(off.active).toBe(false);
    expect((await ok('getReference', {})).units.find((u) => u.id === off.id)).toEqual(off);

    expect(await call('createIncident', { ...sampleIncident, leadUnit: '县民政局' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'leadUnit', message: '单位“县民政局”已停用' }] },
    });
    expect(await call('addResponse', { incident: incident.id, ...response, unit: '县民政局' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'unit', message: '单位“县民政局”已停用' }] },
    });
    // The incident naming it may add another 配合单位 and keep this one; the ledger view still filters by it.
    const edited = await ok('updateIncident', { id: incident.id, patch: { coUnits: ['县民政局', '县人社局'] } });
    expect(edited.coUnitIds).toHaveLength(2);
    expect(edited.coUnitIds[0]).toBe(off.id);
    const leadOff = await ok('updateUnit', { id: '县住建局', active: false });
    expect((await ok('listIncidents', { leadUnit: '县住建局' })).rows.map((r) => r.id)).toEqual([incident.id]);
    // Units the incident already names may swap roles: the office deactivated the unit, not the incident's record.
    expect((await ok('updateIncident', { id: incident.id, patch: { leadUnit: '县民政局', coUnits: ['县住建局'] } })).leadUnitId).toBe(off.id);

    // A commitment keeps its deactivated unit when an edit sends it again, but cannot be moved to another one.
    const commitment = await ok('addCommitment', { incident: incident.id, content: '三日内恢复供暖', unit: '县人社局', promisedAt: '2026-11-28 10:00', deadline: { workdays: 3 } });
    await ok('updateUnit', { id: '县人社局', active: false });
    expect((await ok('updateCommitment', { id: commitment.id, patch: { unit: '县人社局', person: '王强' } })).person).toBe('王强');
    expect(await call('updateCommitment', { id: commitment.id, patch: { unit: '县民政局' } })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'unit', message: '单位“县民政局”已停用' }] },
    });

    expect(await ok('updateUnit', { id: leadOff.id, active: true })).toMatchObject({ active: true });
    expect((await ok('createIncident', { ...sampleIncident, leadUnit: '县住建局' })).leadUnitId).toBe(leadOff.id);
  });

  it('deletes only a unit nothing names, and says what names the others', async () => {
    const ledger = tempLedger();
    const { ok, call } = contractCalls(ledger);
    const incident = await ok('createIncident', { ...sampleIncident, leadUnit: '县住建局', coUnits: ['县民政局'] });
    await ok('addResponse', { incident: incident.id, ...response, unit: '县人社局' });
    await ok('addResponse', { incident: incident.id, ...response, unit: '县民政局' });
    await ok('addCommitment', { incident: incident.id, content: '三日内恢复供暖', unit: '县民政局', promisedAt: '2026-11-28 10:00', deadline: { workdays: 3 } });

    const before = footprint(ledger);
    const refusal = (name: string, uses: string) => ({ ok: false, error: { code: 'conflict', message: `“${name}”已用于 ${uses}，不能删除；不再使用请停用` } });
    expect(await call('deleteUnit', { id: '县住建局' })).toMatchObject(refusal('县住建局', '1 条舆情事件'));
    expect(await call('deleteUnit', { id: '县民政局' })).toMatchObject(refusal('县民政局', '1 条舆情事件、1 条回应、1 项承诺'));
    expect(await call('deleteUnit', { id: '县人社局' })).toMatchObject(refusal('县人社局', '1 条回应'));
    expect(footprint(ledger)).toEqual(before);

    // A unit nothing names is deleted (other units' 配合单位 lists do not count against it), and resolves no more.
    const a = await ok('addUnit', { name: '甲单位' });
    expect(await ok('deleteUnit', { id: '甲单位' })).toEqual({ deleted: true });
    expect((await ok('getReference', {})).units.some((u) => u.id === a.id)).toBe(false);
    expect(await call('updateUnit', { id: a.id, active: true })).toMatchObject({ ok: false, error: { code: 'not_found', message: `找不到单位“${a.id}”` } });
    expect(await call('createIncident', { ...sampleIncident, leadUnit: '甲单位' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
