import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/open-ledger.js';
import { createIncident } from '../../electron/core/ledger/incidents.js';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import { buildBundle } from '../../electron/core/sync/export.js';
import { importBundleBytes } from '../../electron/core/sync/import.js';
import { listPeers } from '../../electron/core/sync/peers.js';
import type { z } from 'zod';
import { contract as methods, type MethodName, type MethodOutput } from '../../shared/contract.js';
import type { Result } from '../../shared/errors.js';
import { incidentInputSchema } from '../../shared/schemas.js';
import { footprint, tempLedger } from '../helpers/temp.js';
import { introduce, replica, testClock } from './sync/helpers.js';

// Naming this workstation (县委宣传部, 城关镇) through the contract, on real SQLite: validated in Chinese, stored in
// meta.site_name, audited, shown at once by getAppInfo, the sync identity and the contact card, kept on reopening;
// peers that hold the old card keep its name and still accept our bundles.

const incident = incidentInputSchema.parse({ title: '县城供暖不热', platform: '微博', foundAt: '2026-11-27 09:00', severity: '一般', categories: ['环境'] });

// Each method's output schema with its exact type, so answers are checked against the contract and typed.
const outputs: { [M in MethodName]: { output: z.ZodType<MethodOutput<M>> } } = methods;

/** The contract as every door calls it: unknown input parsed by the dispatcher, answers checked. */
function contract(ledger: Parameters<typeof createHandlers>[0]) {
  const dispatch = createDispatcher(createHandlers(ledger));
  return async <M extends MethodName>(method: M, input: unknown = {}): Promise<Result<MethodOutput<M>>> => {
    const result = await dispatch(method, input);
    return result.ok ? { ok: true, value: outputs[method].output.parse(result.value) } : result;
  };
}

const lastAudit = (ledger: ReturnType<typeof tempLedger>) =>
  ledger.db.prepare('SELECT actor, action, entity, entity_id, summary, op_count FROM audit ORDER BY seq DESC LIMIT 1').get();

describe('renameWorkstation', () => {
  it('starts as 工作站-<4 hex> and takes a trimmed name, audited, shown everywhere at once and after reopening', async () => {
    const ledger = tempLedger();
    const call = contract(ledger);
    expect(ledger.siteName).toBe(`工作站-${ledger.siteId.slice(0, 4)}`);
    const before = await call('getContactCard');
    expect(before.ok && before.value.card.name).toBe(ledger.siteName); // loads (and caches) the keys first

    const renamed = await call('renameWorkstation', { name: '  县委宣传部 ' });
    expect(renamed).toMatchObject({ ok: true, value: { siteId: ledger.siteId, siteName: '县委宣传部' } });
    expect(await call('getAppInfo')).toMatchObject({ ok: true, value: { siteName: '县委宣传部' } });
    expect(await call('getSyncIdentity')).toMatchObject({ ok: true, value: { name: '县委宣传部' } });
    const card = await call('getContactCard');
    expect(card.ok && card.value.card.name).toBe('县委宣传部');
    expect(card.ok && card.value.text).toContain('"name": "县委宣传部"');

    // One audit entry, no ledger operations (the name is not a synced field); the chain still verifies.
    expect(lastAudit(ledger)).toEqual({
      actor: `工作站-${ledger.siteId.slice(0, 4)}`,
      action: 'workstation.rename',
      entity: 'workstation',
      entity_id: ledger.siteId,
      summary: `工作站更名：“工作站-${ledger.siteId.slice(0, 4)}”改为“县委宣传部”`,
      op_count: 0,
    });
    expect(await call('verifyAudit')).toMatchObject({ ok: true, value: { ok: true } });

    // The audit log's actor was the workstation's name (none given at opening): it follows the rename.
    createIncident(ledger.ctx, incident);
    expect(lastAudit(ledger)).toMatchObject({ actor: '县委宣传部', action: 'create' });

    ledger.close();
    const reopened = openLedger({ path: ledger.path });
    try {
      expect(reopened.siteName).toBe('县委宣传部');
      expect(reopened.siteId).toBe(ledger.siteId);
    } finally {
      reopened.close();
    }
  });

  it('refuses empty, over-long, multi-line names and a peer’s name, in Chinese, changing nothing', async () => {
    const clock = testClock();
    const ledger = replica('县委网信办', clock.now);
    const peer = replica('城关镇', clock.now);
    await introduce(ledger, peer);
    const call = contract(ledger);
    const audit = footprint(ledger);
    const refusal = async (name: unknown) => {
      const result = await call('renameWorkstation', { name });
      if (result.ok) throw new Error(`accepted ${String(name)}`);
      return result.error;
    };
    expect(await refusal('   ')).toMatchObject({ code: 'invalid_input', fields: [{ path: 'name', message: '请填写工作站名称' }] });
    expect(await refusal('县'.repeat(31))).toMatchObject({ fields: [{ path: 'name', message: '工作站名称不超过30字' }] });
    expect(await refusal('县委\n宣传部')).toMatchObject({ fields: [{ path: 'name', message: '工作站名称不能包含换行等控制字符' }] });
    expect(await refusal(undefined)).toMatchObject({ fields: [{ path: 'name', message: '请填写工作站名称' }] });
    const taken = await refusal('城关镇');
    expect(taken.code).toBe('conflict');
    expect(taken.message).toContain('已使用名称“城关镇”');
    expect(footprint(ledger)).toEqual(audit);
    expect(ledger.siteName).toBe('县委网信办');

    // Thirty characters is the limit, not one less; the same name again records nothing.
    expect((await call('renameWorkstation', { name: '县'.repeat(30) })).ok).toBe(true);
    const once = footprint(ledger);
    expect((await call('renameWorkstation', { name: '县'.repeat(30) })).ok).toBe(true);
    expect(footprint(ledger)).toEqual(once);
  });

  it('a peer holding the old card keeps its name and still imports our bundles; the new card renames us there', async () => {
    const clock = testClock();
    const a = replica('工作站-a1b2', clock.now);
    const b = replica('县融媒体中心', clock.now);
    await introduce(a, b);
    const callA = contract(a);
    expect((await callA('renameWorkstation', { name: '县委宣传部' })).ok).toBe(true);
    createIncident(a.ctx, incident);

    const bundle = await buildBundle(a, { peers: [b.siteId], full: false });
    const imported = await importBundleBytes(b, bundle.bytes);
    expect(imported.applied).toBeGreaterThan(0);
    expect(listPeers(b.db).find((p) => p.siteId === a.siteId)?.name).toBe('工作站-a1b2');

    const card = await callA('getContactCard');
    if (!card.ok) throw new Error(card.error.message);
    expect((await contract(b)('addPeer', { cardText: card.value.text, trusted: true })).ok).toBe(true);
    expect(listPeers(b.db).find((p) => p.siteId === a.siteId)?.name).toBe('县委宣传部');
  });
});
