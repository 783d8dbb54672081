import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportKeys, importKeys } from '../../../electron/core/backup/key-recovery.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { loadIdentity, replaceLostKeys } from '../../../electron/core/sync/identity.js';
import { type KeyStore, memoryKeyStore } from '../../../electron/core/sync/keystore.js';
import { addPeer, listPeers } from '../../../electron/core/sync/peers.js';
import { cardOf } from '../../../electron/core/sync/card.js';
import { tempDir } from '../../helpers/temp.js';
import { introduce, LOW_SCRYPT, testClock } from '../sync/helpers.js';
import { addIncident, exchange, fileLedger } from './helpers.js';

// Keys never lock anyone out: a keychain that cannot open the keys pauses sync only; the recovery file brings
// the same keys back; or new keys are made and peers take the new card, the old one marked replaced.

const PASSPHRASE = 'office-passphrase';

/** What main hands the core when the keychain cannot unseal the stored keys. */
function lockedKeychain(): KeyStore & { saved: () => string | undefined } {
  const inner = memoryKeyStore();
  let saved: string | undefined;
  const store: KeyStore & { saved: () => string | undefined } = {
    describe: '系统钥匙串（由主进程保管）',
    problem: '系统钥匙串无法解开本工作站保存的私钥',
    read: () => (saved === undefined ? Promise.resolve(undefined) : inner.read()),
    async write(secret) {
      saved = secret;
      delete store.problem;
      await inner.write(secret);
    },
    saved: () => saved,
  };
  return store;
}

describe('keys never lock anyone out', () => {
  it('a keychain that cannot open the keys pauses sync, not the ledger; the recovery file brings the same keys back', async () => {
    const dir = tempDir();
    const clock = testClock();
    const path = join(dir, 'a.db');
    const first = openLedger({ path, now: clock.now, keyStore: memoryKeyStore() });
    const before = await loadIdentity(first);
    const recovery = join(dir, 'keys.age');
    await exportKeys(first, recovery, PASSPHRASE, LOW_SCRYPT);
    first.close();

    const a = openLedger({ path, now: clock.now, keyStore: lockedKeychain() });
    addIncident(a, '河道污染'); // the ledger works
    await expect(loadIdentity(a)).rejects.toThrow(/同步已暂停[\s\S]*导入密钥恢复文件[\s\S]*生成新密钥/);
    await expect(importKeys(a, recovery, 'wrong passphrase')).rejects.toThrow('口令不正确');
    const back = await importKeys(a, recovery, PASSPHRASE);
    expect(back.fingerprint).toBe(before.current.fingerprint);
    expect((await loadIdentity(a)).current.fingerprint).toBe(before.current.fingerprint);
    a.close();
  });

  it('refuses a recovery file of another workstation', async () => {
    const dir = tempDir();
    const clock = testClock();
    const other = openLedger({ path: join(dir, 'other.db'), now: clock.now, keyStore: memoryKeyStore() });
    await exportKeys(other, join(dir, 'other.age'), PASSPHRASE, LOW_SCRYPT);
    const a = openLedger({ path: join(dir, 'a.db'), now: clock.now, keyStore: lockedKeychain() });
    await expect(importKeys(a, join(dir, 'other.age'), PASSPHRASE)).rejects.toThrow('属于另一个工作站');
    other.close();
    a.close();
  });

  it('new keys: the peer adds the new card, the old one is marked replaced, and sync goes on both ways', async () => {
    const dir = tempDir();
    const clock = testClock();
    const a = fileLedger(dir, '县委宣传部', clock.now);
    const b = fileLedger(dir, '城关镇', clock.now);
    await introduce(a, b);
    const oldFingerprint = (await loadIdentity(a)).current.fingerprint;
    addIncident(a, '河道污染');
    await exchange(a, b);
    a.close();

    const again = openLedger({ path: a.path, now: clock.now, keyStore: lockedKeychain() });
    await expect(loadIdentity(again)).rejects.toThrow('同步已暂停');
    const fresh = await replaceLostKeys(again);
    expect(fresh.current.fingerprint).not.toBe(oldFingerprint);
    // Before B has the new card, B refuses bundles signed with the new key …
    addIncident(again, '供暖不热');
    await expect(exchange(again, b)).rejects.toThrow('签名密钥');
    // … and after adding it, takes them; the old card is kept as replaced.
    addPeer(b.db, cardOf(fresh), true, b.siteId, new Date(clock.now()).toISOString());
    const peer = listPeers(b.db)[0]!;
    expect(peer.fingerprint).toBe(fresh.current.fingerprint);
    expect(peer.previousFingerprints).toEqual([oldFingerprint]);
    expect((await exchange(again, b)).applied).toBeGreaterThan(0);
    addIncident(b, '养老院服务投诉');
    expect((await exchange(b, again)).applied).toBeGreaterThan(0);
    again.close();
    b.close();
  });
});
