import { rmSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { createIncident } from '../../../electron/core/ledger/incidents.js';
import { cardOf, cardText, parseCard } from '../../../electron/core/sync/card.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { loadIdentity, publicIdentity, rotateIdentity } from '../../../electron/core/sync/identity.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { addPeer, listPeers } from '../../../electron/core/sync/peers.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { FINGERPRINT } from '../../../shared/sync-schemas.js';
import { tempLedger } from '../../helpers/temp.js';
import { introduce, replica, testClock } from './helpers.js';

const incident = incidentInputSchema.parse({ title: '县城供暖不热', platform: '微博', foundAt: '2026-11-27 09:00', severity: '一般', categories: ['环境'] });

describe('workstation identity', () => {
  it('is made on first use, kept in a 0600 key file beside the database, and stable across reopening', async () => {
    const ledger = tempLedger();
    const first = publicIdentity(await loadIdentity(ledger));
    expect(first.fingerprint).toMatch(FINGERPRINT);
    expect(first.ageRecipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(statSync(`${ledger.path}.keys`).mode & 0o777).toBe(0o600);
    ledger.close();
    const again = openLedger({ path: ledger.path });
    try {
      expect(publicIdentity(await loadIdentity(again))).toEqual(first);
    } finally {
      again.close();
    }
  });

  it('says where the private keys should be when they are missing', async () => {
    const ledger = tempLedger();
    await loadIdentity(ledger);
    ledger.close();
    rmSync(`${ledger.path}.keys`);
    const reopened = openLedger({ path: ledger.path });
    try {
      await expect(loadIdentity(reopened)).rejects.toThrow(/私钥不在/);
    } finally {
      reopened.close();
    }
  });
});

describe('contact cards', () => {
  it('round-trip, and an altered card is refused', async () => {
    const clock = testClock();
    const a = replica('县委宣传部', clock.now);
    const card = cardOf(await loadIdentity(a));
    expect(await parseCard(cardText(card))).toEqual(card);
    const swapped = cardOf(await loadIdentity(replica('冒充者', clock.now)));
    await expect(parseCard(JSON.stringify({ ...card, ageRecipient: swapped.ageRecipient }))).rejects.toThrow(/指纹与其中的公钥不符/);
    await expect(parseCard(JSON.stringify({ ...card, ageRecipient: `age1pq1${'q'.repeat(60)}` }))).rejects.toThrow(/X25519/);
    await expect(parseCard('not json')).rejects.toThrow(/不是有效的 JSON/);
  });

  it('adds peers, and a new card for a known site keeps the old key for older bundles', async () => {
    const clock = testClock();
    const [a, b] = [replica('甲', clock.now), replica('乙', clock.now)];
    await introduce(a, b);
    createIncident(b.ctx, incident);
    const oldBundle = (await buildBundle(b, { peers: [a.siteId], full: false })).bytes;
    // a exported to b's current key just before b rotates.
    const toOldKey = (await buildBundle(a, { peers: [b.siteId], full: false })).bytes;
    await rotateIdentity(b);
    const signedWithNewKey = (await buildBundle(b, { peers: [a.siteId], full: false })).bytes;
    await expect(importBundleBytes(a, signedWithNewKey)).rejects.toThrow(/可能更换了密钥/);
    addPeer(a.db, cardOf(await loadIdentity(b)), true, a.siteId, 'now');
    expect(listPeers(a.db)[0]!.previousFingerprints).toHaveLength(1);
    await expect(importBundleBytes(a, oldBundle)).resolves.toMatchObject({ alreadyImported: false });
    await expect(importBundleBytes(a, signedWithNewKey)).resolves.toMatchObject({ alreadyImported: false });
    // b still reads what was sent to its retired key.
    await expect(importBundleBytes(b, toOldKey)).resolves.toMatchObject({ alreadyImported: false });
    expect(publicIdentity(await loadIdentity(b)).retiredKeys).toHaveLength(1);
  });
});
