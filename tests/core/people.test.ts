import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/open-ledger.js';
import { buildBundle } from '../../electron/core/sync/export.js';
import { importBundleBytes } from '../../electron/core/sync/import.js';
import { memoryKeyStore } from '../../electron/core/sync/keystore.js';
import { contractCalls, sampleIncident } from '../helpers/ledger-calls.js';
import { tempLedger } from '../helpers/temp.js';
import { introduce } from './sync/helpers.js';

// Who did it (issue 11.4) on real ledger files: 回应人 and 跟进人 default to the person at the keyboard, and the
// timeline names the person behind each thing — on this workstation and, after an exchange, on its peer.

const response = { at: '2026-11-28 11:30', method: '发布权威信息', channel: '政务微博', content: '初步情况通报', unit: '县政府办公室' } as const;

describe('回应人 and 跟进人', () => {
  it('default to the chosen person, may name another, and the timeline says who did each thing', async () => {
    const ledger = tempLedger({ siteName: '县委宣传部' });
    const { ok } = contractCalls(ledger);
    await ok('addStaff', { name: '张三', post: '科员' });
    await ok('chooseStaff', { name: '张三' });
    const incident = await ok('createIncident', sampleIncident);
    const first = await ok('addResponse', { ...response, incident: incident.id });
    expect(first.responder).toBe('张三');
    const second = await ok('addResponse', { ...response, incident: incident.id, at: '2026-11-28 11:40', responder: '李四' });
    expect(second.responder).toBe('李四');
    const followup = await ok('addFollowup', { incident: incident.id, kind: 'progress', content: '已联系物业' });
    expect(followup.actor).toBe('张三');
    const timeline = await ok('getIncidentTimeline', { id: incident.id });
    expect(timeline.find((e) => e.kind === 'registered')?.actor).toBe('张三');
    expect(timeline.filter((e) => e.kind === 'response').map((e) => e.actor)).toEqual(['县政府办公室 · 张三', '县政府办公室 · 李四']);
    expect(timeline.find((e) => e.kind === 'followup')?.actor).toBe('张三');

    // Remembered in the file: reopened, the person is still at the keyboard.
    ledger.close();
    const reopened = openLedger({ path: ledger.path, now: () => Date.parse('2026-11-28T04:00:00Z') });
    try {
      const again = contractCalls(reopened);
      const third = await again.ok('addResponse', { ...response, incident: incident.id, at: '2026-11-28 11:50' });
      expect(third.responder).toBe('张三');
    } finally {
      reopened.close();
    }
  });

  it('with nobody chosen, a response names no 回应人 and the timeline names the unit', async () => {
    const ledger = tempLedger({ siteName: '县委宣传部' });
    const { ok } = contractCalls(ledger);
    const incident = await ok('createIncident', sampleIncident);
    expect((await ok('addResponse', { ...response, incident: incident.id })).responder).toBe('');
    const timeline = await ok('getIncidentTimeline', { id: incident.id });
    expect(timeline.find((e) => e.kind === 'response')?.actor).toBe('县政府办公室');
  });

  it("a peer's people arrive with its audit chain: the timeline there names them", async () => {
    const now = () => Date.parse('2026-11-28T04:00:00Z');
    const here = tempLedger({ siteName: '县委宣传部', now, keyStore: memoryKeyStore() });
    const peer = tempLedger({ siteName: '城关镇', now, keyStore: memoryKeyStore() });
    await introduce(here, peer);
    const there = contractCalls(peer);
    await there.ok('addStaff', { name: '王五', post: '值班员' });
    await there.ok('chooseStaff', { name: '王五' });
    const incident = await there.ok('createIncident', sampleIncident);
    await there.ok('updateIncident', { id: incident.id, patch: { title: '某小区供暖不热（已核实）' } });
    await there.ok('addResponse', { ...response, incident: incident.id });
    await importBundleBytes(here, (await buildBundle(peer, { peers: [here.siteId], full: false })).bytes);
    const timeline = await contractCalls(here).ok('getIncidentTimeline', { id: incident.id });
    expect(timeline.find((e) => e.kind === 'registered')?.actor).toBe('王五');
    expect(timeline.find((e) => e.kind === 'edited')?.actor).toBe('王五');
    expect(timeline.find((e) => e.kind === 'response')?.actor).toBe('县政府办公室 · 王五');
  });
});
