import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIncident } from '../../../electron/core/ledger/incidents.js';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { framesOf, TruncatedError } from '../../../electron/core/sync/byte-reader.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes, MAX_PAYLOAD_BYTES } from '../../../electron/core/sync/import.js';
import { encodePayload } from '../../../electron/core/sync/payload.js';
import { addPeer } from '../../../electron/core/sync/peers.js';
import type { ContactCard } from '../../../shared/sync-schemas.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { craftBundle, inChunks, introduce, LOW_SCRYPT, replica, testClock, wholeDbHash } from './helpers.js';

// Bundles are read as a stream (sync/import.ts): decrypted, hashed, inflated and cut into frames chunk by chunk, each
// frame checked and kept aside, and applied only once the whole payload matched its signed manifest. These tests
// cut, alter and overfill bundles part-way through and check that nothing of them was applied.

const PASSPHRASE = 'office-passphrase';
const incident = (title: string) => incidentInputSchema.parse({ title, platform: '微博', foundAt: '2026-11-27 09:00', severity: '一般', categories: ['环境'] });

async function pair() {
  const clock = testClock();
  const a = replica('县委宣传部', clock.now);
  const b = replica('县政府办', clock.now);
  await introduce(a, b);
  return { a, b };
}

async function refused(ledger: Ledger, bytes: Uint8Array, pattern: RegExp) {
  const before = wholeDbHash(ledger.db);
  const error = await importBundleBytes(ledger, bytes, { passphrase: PASSPHRASE }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toMatch(pattern);
  expect(error?.message).not.toMatch(/[\n\r]|[A-Za-z]{4,}/); // one line, in Chinese
  expect(wholeDbHash(ledger.db)).toBe(before);
}

/** A's own operations as a bundle carries them: [stamp, table, row, column, value]. */
function opsOf(ledger: Ledger): unknown[][] {
  const rows = ledger.db.prepare('SELECT hlc, tbl, row, col, value FROM ops WHERE site = ? ORDER BY hlc').raw().all(ledger.siteId) as string[][];
  return rows.map(([hlc, tbl, row, col, value]) => [hlc, tbl, row, col, JSON.parse(value!) as unknown]);
}

async function gathered(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

describe('payload frames', () => {
  const frames = [
    ...encodePayload({
      ops: Array.from({ length: 9000 }, (_, i) => [`2026-11-28T04:00:00.000Z-${(i % 65536).toString(16).padStart(4, '0')}-00000000000000aa`, 'incidents', `row-${i}`, 'title', JSON.stringify(`标题${i}`)] as const),
      conflicts: () => [['incidents', 'row-1', 'title', 'w', 'l']],
    }),
  ];
  const whole = Buffer.concat(frames);
  const bad = (length: number) => new Error(`length ${length}`);

  it('come back the same however the stream is cut into chunks', async () => {
    expect(frames.length).toBe(4); // 4,096 operations a frame, then the conflict list
    for (const sizes of [[1, 2, 3, 4095], [3, 7, 4096], [65536], [whole.length]]) {
      const back: Buffer[] = [];
      for await (const frame of framesOf(inChunks(whole, sizes), 64 * 1024 * 1024, bad)) back.push(await gathered(frame.pieces));
      expect(back.map((b) => b.toString('utf8'))).toEqual(frames.map((f) => f.subarray(4).toString('utf8')));
    }
  });

  it('a stream cut inside a frame, or a frame longer than allowed, is an error', async () => {
    const read = async (bytes: Buffer, max = 64 * 1024 * 1024) => {
      for await (const frame of framesOf(inChunks(bytes, [1000]), max, bad)) void frame;
    };
    await expect(read(whole.subarray(0, whole.length - 1))).rejects.toBeInstanceOf(TruncatedError);
    await expect(read(whole.subarray(0, 2))).rejects.toBeInstanceOf(TruncatedError);
    await expect(read(whole, 1000)).rejects.toThrow(/^length \d+$/);
  });
});

describe('bundles read as a stream', () => {
  it('a bundle cut short anywhere is refused and changes nothing', async () => {
    const { a, b } = await pair();
    for (let i = 0; i < 30; i++) createIncident(a.ctx, incident(`县城供暖不热${i}`));
    const { bytes } = await buildBundle(a, { peers: [], passphrase: PASSPHRASE, full: true, scryptWorkFactor: LOW_SCRYPT });
    for (const keep of [bytes.length - 1, bytes.length - 17, Math.floor(bytes.length * 0.9), Math.floor(bytes.length / 2), 400]) {
      await refused(b, bytes.subarray(0, keep), /同步包已损坏|被截断/);
    }
    await expect(importBundleBytes(b, bytes, { passphrase: PASSPHRASE })).resolves.toMatchObject({ alreadyImported: false, quarantined: 0 });
  });

  it('valid operations first and a bad one late: refused, none of the earlier ones applied', async () => {
    const { a, b } = await pair();
    for (let i = 0; i < 40; i++) createIncident(a.ctx, incident(`道路积水${i}`));
    const ops = opsOf(a);
    const late = [...ops.slice(-1)[0]!];
    late[4] = 12345; // a number where a title goes
    late[3] = 'title';
    await refused(b, await craftBundle(a, { frames: [ops.slice(0, -1), [late]] }), new RegExp(`第 ${ops.length} 条操作无效`));
  });

  it('a payload whose hash differs from the signed one is refused at its end, after every frame was read, and changes nothing', async () => {
    const { a, b } = await pair();
    for (let i = 0; i < 40; i++) createIncident(a.ctx, incident(`噪声扰民${i}`));
    const ops = opsOf(a);
    const altered = await craftBundle(a, { frames: [ops], manifest: (m) => ({ ...m, payload: { ...m.payload, sha256: 'e'.repeat(64) } }) });
    await refused(b, altered, /长度或哈希不一致/);
    // More compressed bytes than the manifest signed: refused as soon as they pass the signed length.
    const longer = await craftBundle(a, { frames: [ops], manifest: (m) => ({ ...m, payload: { ...m.payload, compressedBytes: 10 } }) });
    await refused(b, longer, /长度或哈希不一致/);
  });

  it('sizes are counted, not trusted: inflating past the declared size stops there; a declared size over the cap is refused', async () => {
    const { a, b } = await pair();
    // 256 MiB of zeros, declared as 1 KiB: the reading stops after the first KiB, whatever follows.
    await refused(b, await craftBundle(a, { frames: [], rawPayload: Buffer.alloc(256 * 1024 * 1024), declaredBytes: 1024 }), /超出清单声明的大小/);
    const declared = await craftBundle(a, { frames: [[]], manifest: (m) => ({ ...m, payload: { ...m.payload, bytes: MAX_PAYLOAD_BYTES + 1 } }) });
    await refused(b, declared, /超过上限/);
    // Declared larger than the stream: read to the end, then refused.
    await refused(b, await craftBundle(a, { frames: [[]], declaredBytes: 4096 }), /大小与清单不符/);
  });

  it("an office's bundle written by the previous version imports, its audit chain (one frame of 2,100 entries) kept and verifiable", async () => {
    const clock = testClock(Date.parse('2026-11-21T04:00:00Z'));
    const b = replica('县政府办', clock.now);
    const card = JSON.parse(readFileSync(new URL('./fixtures/previous-version.card.json', import.meta.url), 'utf8')) as ContactCard;
    addPeer(b.db, card, true, b.siteId, new Date(clock.now()).toISOString());
    const old = readFileSync(new URL('./fixtures/previous-version.yqb', import.meta.url));
    const result = await importBundleBytes(b, old, { passphrase: '旧版本口令' });
    expect(result.applied + result.duplicates).toBe(44459); // the seed rows every ledger starts with are duplicates
    expect(result.quarantined).toBe(0);
    expect(b.db.prepare("SELECT count(*) FROM incidents WHERE title LIKE '旧版本同步包事件%'").pluck().get()).toBe(2100);
    expect(b.db.prepare('SELECT count(*) FROM peer_audit WHERE chain = ?').pluck().get(card.site)).toBeGreaterThan(2100);
    expect(verifyAudit(b.db).ok).toBe(true);

    // Passed on, that chain travels in pieces of 2,000 entries, which the next workstation keeps in turn.
    const c = replica('信访局', clock.now);
    addPeer(c.db, card, true, c.siteId, new Date(clock.now()).toISOString());
    await introduce(b, c);
    const { bytes } = await buildBundle(b, { peers: [c.siteId], full: true });
    await importBundleBytes(c, bytes);
    const chainOf = (l: Ledger) => l.db.prepare('SELECT seq, hash FROM peer_audit WHERE chain = ? ORDER BY seq').all(card.site);
    expect(chainOf(c)).toEqual(chainOf(b));
    expect(verifyAudit(c.db).ok).toBe(true);
  });
});
