import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../electron/core/sync/export.js';
import { importBundleBytes } from '../../electron/core/sync/import.js';
import { memoryKeyStore } from '../../electron/core/sync/keystore.js';
import { contractCalls } from '../helpers/ledger-calls.js';
import { tempLedger } from '../helpers/temp.js';
import { introduce } from './sync/helpers.js';

// 筛选方案 belong to the person who made them and stay on the workstation unless shared with the office (issue
// 11.5), on real ledger files: personal views are listed only for their maker and never travel in a bundle; views
// shared with the office sync to every workstation. The multi-value filters are kept as the 台账 gives them.

const query = { severities: ['重大', '一般'], categories: ['工资拖欠'], statuses: ['待研判', '处置中'] };
const names = (views: { name: string; shared: boolean }[]) => views.map((v) => `${v.shared ? '办' : '我'}:${v.name}`);

describe('personal and office saved views', () => {
  it('keeps a view for its maker, shares one with the office, and syncs only the shared one', async () => {
    const now = () => Date.parse('2026-11-28T04:00:00Z');
    const here = tempLedger({ siteName: '县委宣传部', now, keyStore: memoryKeyStore() });
    const peer = tempLedger({ siteName: '城关镇', now, keyStore: memoryKeyStore() });
    await introduce(here, peer);
    const { ok, call } = contractCalls(here);
    await ok('addStaff', { name: '张三' });
    await ok('addStaff', { name: '李四' });

    await ok('chooseStaff', { name: '张三' });
    const mine = await ok('saveView', { name: '欠薪待办', query });
    expect(mine).toMatchObject({ shared: false, owner: '张三', query: { severities: ['major', 'general'], statuses: ['triage', 'handling'] } });
    await ok('saveView', { name: '本周重大', query: { severities: ['重大'] }, shared: true });
    // Saving again under the same name replaces the query, in its own place.
    await ok('saveView', { name: '欠薪待办', query: { ...query, statuses: ['待研判'] } });
    expect(names(await ok('listSavedViews', undefined))).toEqual(['我:欠薪待办', '办:本周重大']);
    expect((await ok('listSavedViews', undefined))[0]!.query).toMatchObject({ statuses: ['triage'] });

    // Another person at the same workstation sees the office's views, not 张三's, and cannot delete his.
    await ok('chooseStaff', { name: '李四' });
    expect(names(await ok('listSavedViews', undefined))).toEqual(['办:本周重大']);
    const refused = await call('deleteSavedView', { id: mine.id });
    expect(refused.ok).toBe(false);
    await ok('saveView', { name: '欠薪待办', query: { severities: ['一般'] } });
    expect(names(await ok('listSavedViews', undefined))).toEqual(['我:欠薪待办', '办:本周重大']);

    // Only the shared view travels.
    await importBundleBytes(peer, (await buildBundle(here, { peers: [peer.siteId], full: false })).bytes);
    expect(names(await contractCalls(peer).ok('listSavedViews', undefined))).toEqual(['办:本周重大']);
    expect(peer.db.prepare('SELECT count(*) FROM personal_views').pluck().get()).toBe(0);

    // Back to 张三: his own view is still there, as he left it; deleting it leaves 李四's.
    await ok('chooseStaff', { name: '张三' });
    const list = await ok('listSavedViews', undefined);
    expect(names(list)).toEqual(['我:欠薪待办', '办:本周重大']);
    expect(list[0]!.id).toBe(mine.id);
    await ok('deleteSavedView', { id: mine.id });
    expect(names(await ok('listSavedViews', undefined))).toEqual(['办:本周重大']);
    expect(here.db.prepare('SELECT owner FROM personal_views').pluck().all()).toEqual(['李四']);
  });
});
