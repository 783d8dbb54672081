import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import { createDispatcher, createHandlers } from '../../../electron/core/service.js';
import { updateCategory } from '../../../electron/core/ledger/categories.js';
import { getCategories } from '../../../electron/core/ledger/reference.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { introduce, ledgerHash, replica, testClock } from './helpers.js';

// The office tunes reference data (keywords, rules) long before a new workstation is installed. The newcomer's
// seed data must never override those edits when the two exchange bundles — whichever way, whenever.

describe('seed data against the office edits', () => {
  it('keeps an edit made before a later workstation was installed, in both directions', async () => {
    const clock = testClock();
    const office = replica('县委宣传部', clock.now);
    updateCategory(office.ctx, { code: 'wages', keywords: ['欠薪', '讨薪', '工钱', '年关'] });
    clock.advance(30 * 24 * 3600_000); // a month later a new workstation is set up with the defaults
    const newcomer = replica('县政府办公室', clock.now);
    await introduce(office, newcomer);

    await importBundleBytes(office, (await buildBundle(newcomer, { peers: [office.siteId], full: true })).bytes);
    const wagesAtOffice = getCategories(office.db).find((c) => c.code === 'wages');
    expect(wagesAtOffice?.keywords).toEqual(['欠薪', '讨薪', '工钱', '年关']);

    await importBundleBytes(newcomer, (await buildBundle(office, { peers: [newcomer.siteId], full: true })).bytes);
    expect(getCategories(newcomer.db).find((c) => c.code === 'wages')?.keywords).toEqual(['欠薪', '讨薪', '工钱', '年关']);
    expect(ledgerHash(newcomer.db)).toBe(ledgerHash(office.db));
  });
});

describe('previewing a bundle', () => {
  it('leaves this workstation\'s clock where it was', async () => {
    const clock = testClock();
    const a = replica('甲', clock.now);
    const b = replica('乙', clock.now);
    await introduce(a, b);
    clock.advance(20 * 3600_000); // a's edits are stamped 20 h ahead of b's clock
    updateCategory(a.ctx, { code: 'wages', keywords: ['欠薪'] });
    clock.advance(-20 * 3600_000);
    const before = b.ctx.hlc.last();
    const { bytes } = await buildBundle(a, { peers: [b.siteId], full: false });
    await importBundleBytes(b, bytes, { dryRun: true });
    expect(b.ctx.hlc.last()).toBe(before);
    await importBundleBytes(b, bytes);
    expect(b.ctx.hlc.last() > before).toBe(true);
  });
});

describe('trust decisions', () => {
  it('leave an entry in the audit chain, which still verifies', async () => {
    const clock = testClock();
    const a = replica('甲', clock.now);
    const b = replica('乙', clock.now);
    const call = createDispatcher(createHandlers(a));
    const card = await createDispatcher(createHandlers(b))('getContactCard', {});
    if (!card.ok) throw new Error(card.error.message);
    const added = await call('addPeer', { cardText: (card.value as { text: string }).text, trusted: false });
    expect(added.ok).toBe(true);
    expect((await call('setPeerTrust', { peer: '乙', trusted: true })).ok).toBe(true);
    const actions = a.db.prepare("SELECT action, summary FROM audit WHERE entity = 'peer' ORDER BY seq").all() as { action: string; summary: string }[];
    expect(actions.map((e) => e.action)).toEqual(['peer.add', 'peer.trust']);
    expect(actions[1]!.summary).toBe('信任工作站“乙”');
    expect(verifyAudit(a.db).ok).toBe(true);
  });
});
