import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_SITE } from '../../../electron/core/ledger/seed.js';
import { setWorkstationCode } from '../../../electron/core/ledger/numbering.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../electron/core/db/open.js';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { verifyAudit } from '../../../electron/core/ledger/verify-audit.js';
import { createIncident, getIncident, updateIncident } from '../../../electron/core/ledger/incidents.js';
import { mutate } from '../../../electron/core/ledger/mutate.js';
import { cardOf } from '../../../electron/core/sync/card.js';
import { keepOtherValue, listConflicts } from '../../../electron/core/sync/conflicts.js';
import { BundleError } from '../../../electron/core/sync/errors.js';
import { buildBundle, exportBundleFile } from '../../../electron/core/sync/export.js';
import { formatHlc } from '../../../electron/core/sync/hlc.js';
import { loadIdentity } from '../../../electron/core/sync/identity.js';
import { importBundleBytes, importBundleFile } from '../../../electron/core/sync/import.js';
import { addPeer, setPeerTrust } from '../../../electron/core/sync/peers.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { tempDir } from '../../helpers/temp.js';
import { craftBundle, introduce, LOW_SCRYPT, ledgerHash, replica, testClock, wholeDbHash } from './helpers.js';

const incident = (title: string, foundAt = '2026-11-27 09:00') =>
  incidentInputSchema.parse({ title, platform: '微博', foundAt, severity: '一般', categories: ['环境'] });

async function send(from: Ledger, to: Ledger, full = false) {
  const { bytes } = await buildBundle(from, { peers: [to.siteId], full });
  return bytes;
}

async function refused(ledger: Ledger, bytes: Uint8Array, pattern: RegExp, options: { passphrase?: string } = {}) {
  const before = wholeDbHash(ledger.db);
  await expect(importBundleBytes(ledger, bytes, { passphrase: 'office-passphrase', ...options })).rejects.toThrow(pattern);
  expect(wholeDbHash(ledger.db)).toBe(before);
}

async function pair() {
  const clock = testClock();
  const a = replica('县委宣传部', clock.now);
  const b = replica('县政府办', clock.now);
  await introduce(a, b);
  return { clock, a, b };
}

describe('sync bundles between two workstations', () => {
  it('carries what the peer lacks; after bundles both ways the two ledgers are the same', async () => {
    const { a, b } = await pair();
    createIncident(a.ctx, incident('县城供暖不热'));
    createIncident(b.ctx, incident('某小区拆迁补偿纠纷', '2026-11-26 10:00'));
    const toB = await importBundleBytes(b, await send(a, b));
    // Both registered YQ-2026-0001 offline, before either had a workstation code: both keep it, and the pair is
    // listed for review (a conflict). Both wrote the same seed operations, so those arrive as duplicates.
    const seedOps = b.db.prepare('SELECT count(*) FROM ops WHERE site = ?').pluck().get(SEED_SITE) as number;
    expect(seedOps).toBeGreaterThan(200);
    expect(toB).toMatchObject({ duplicates: seedOps, conflicts: 1, renumbered: 0, quarantined: 0, alreadyImported: false });
    expect(toB.applied).toBeGreaterThan(20);
    await importBundleBytes(a, await send(b, a));
    expect(ledgerHash(a.db)).toBe(ledgerHash(b.db));
    // Now each knows what the other holds: the next bundle is empty.
    const { manifest } = await buildBundle(a, { peers: [b.siteId], full: false });
    expect(manifest.opCount).toBe(0);
    expect(verifyAudit(a.db).ok).toBe(true);
    expect(verifyAudit(b.db).ok).toBe(true);
    const entry = b.db.prepare("SELECT summary FROM audit WHERE action = 'import'").get() as { summary: string };
    expect(entry.summary).toContain('导入来自“县委宣传部”');
  });

  it('importing twice equals importing once', async () => {
    const { a, b } = await pair();
    createIncident(a.ctx, incident('县城供暖不热'));
    const bytes = await send(a, b);
    await importBundleBytes(b, bytes);
    const once = wholeDbHash(b.db);
    const again = await importBundleBytes(b, bytes);
    expect(again).toMatchObject({ alreadyImported: true, applied: 0 });
    expect(wholeDbHash(b.db)).toBe(once);
    // A different bundle with the same operations changes no ledger data either.
    const ledgerOnce = ledgerHash(b.db);
    const second = await importBundleBytes(b, await send(a, b));
    expect(second.applied).toBe(0);
    expect(second.duplicates).toBeGreaterThan(0);
    expect(ledgerHash(b.db)).toBe(ledgerOnce);
  });

  it('writes to a temporary name and renames, and records the bundle in the history', async () => {
    const { a, b } = await pair();
    const dir = tempDir();
    const path = join(dir, 'to-b.yqb');
    const result = await exportBundleFile(a, path, { peers: [b.siteId], full: false });
    expect(statSync(path).size).toBe(result.bytes);
    const imported = await importBundleFile(b, path);
    expect(imported.applied + imported.duplicates).toBe(result.opCount);
    expect((b.db.prepare("SELECT file FROM bundles WHERE direction = 'in'").get() as { file: string }).file).toBe(path);
  });

  it('refuses a bundle from an unknown workstation, naming its fingerprint', async () => {
    const clock = testClock();
    const a = replica('甲', clock.now);
    const b = replica('乙', clock.now);
    addPeer(a.db, cardOf(await loadIdentity(b)), true, a.siteId, 'now'); // a knows b, b does not know a
    const { fingerprint } = (await loadIdentity(a)).current;
    const error = await importBundleBytes(b, await send(a, b)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).message).toContain(fingerprint);
    expect((error as BundleError).message).toMatch(/未添加的工作站/);
  });

  it('refuses a bundle from a peer no longer trusted', async () => {
    const { a, b } = await pair();
    setPeerTrust(b.db, a.siteId, false, 'now');
    await refused(b, await send(a, b), /未受信任/);
  });

  it('opens an office-passphrase bundle with the passphrase only', async () => {
    const { a, b } = await pair();
    createIncident(a.ctx, incident('县城供暖不热'));
    const { bytes } = await buildBundle(a, { peers: [], passphrase: '县委宣传部口令2026', full: false, scryptWorkFactor: LOW_SCRYPT });
    await refused(b, bytes, /请输入口令/, { passphrase: undefined as unknown as string });
    await refused(b, bytes, /口令不正确/, { passphrase: 'wrong passphrase' });
    const result = await importBundleBytes(b, bytes, { passphrase: '县委宣传部口令2026' });
    expect(result.applied).toBeGreaterThan(0);
    expect(getIncident(b.db, 'YQ-2026-0001').title).toBe('县城供暖不热');
  });

  it('refuses a bundle for another workstation', async () => {
    const clock = testClock();
    const [a, b, c] = [replica('甲', clock.now), replica('乙', clock.now), replica('丙', clock.now)];
    await introduce(a, b, c);
    await refused(b, await send(a, c), /不是发给本工作站的/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { a, b } = await pair();
    const path = join(tempDir(), 'big.yqb');
    writeFileSync(path, await send(a, b));
    const before = wholeDbHash(b.db);
    await expect(importBundleFile(b, path, { maxBundleBytes: 1000 })).rejects.toThrow(/超过上限.*未读取内容/);
    expect(wholeDbHash(b.db)).toBe(before);
  });

  it('stops a decompression bomb at the size the signed manifest declared', async () => {
    const { a, b } = await pair();
    const bomb = await craftBundle(a, { frames: [], rawPayload: Buffer.alloc(64 * 1024 * 1024), declaredBytes: 1024 });
    await refused(b, bomb, /超出清单声明的大小/);
  });

  it('reads a bundle from a newer storage schema: only the sync version says what the operations may hold', async () => {
    const { a, b } = await pair();
    const bytes = await craftBundle(a, { frames: [[]], manifest: (m) => ({ ...m, schemaVersion: SCHEMA_VERSION + 1 }) });
    expect((await importBundleBytes(b, bytes, { passphrase: 'office-passphrase' })).applied).toBe(0);
  });

  it('refuses a bundle of a newer format version', async () => {
    const { a, b } = await pair();
    await refused(b, await craftBundle(a, { frames: [], manifest: (m) => ({ ...m, formatVersion: 2 }) }), /格式版本为 2/);
  });
});

describe('hostile operations are refused and change nothing', () => {
  const t0 = Date.parse('2026-11-28T03:00:00Z');
  const op = (site: string, n: number, tbl: unknown, row: unknown, col: unknown, value: unknown) => [
    formatHlc({ millis: t0 + n, counter: 0, site }),
    tbl,
    row,
    col,
    value,
  ];
  const cases: [string, (site: string) => unknown[][], RegExp][] = [
    ['an unknown table', (s) => [op(s, 1, 'sqlite_master', 'x', 'name', 'x')], /不允许同步的表/],
    ['a column name carrying SQL', (s) => [op(s, 1, 'incidents', 'x', "title = 'x'; DROP TABLE ops; --", 'x')], /没有可同步的字段/],
    ['the primary key as a field', (s) => [op(s, 1, 'incidents', 'x', 'id', 'y')], /没有可同步的字段/],
    ['a number where text belongs', (s) => [op(s, 1, 'incidents', 'x', 'title', 42)], /值类型或长度不符/],
    ['an object where a list belongs', (s) => [op(s, 1, 'incidents', 'x', 'categories', { a: 1 })], /值类型或长度不符/],
    ['a fraction where an integer belongs', (s) => [op(s, 1, 'units', 'u', 'sort_order', 1.5)], /值类型或长度不符/],
    ['a malformed stamp', (s) => [['2026-13-45T99:00:00.000Z-0000-' + s, 'incidents', 'x', 'title', 'x']], /时间戳格式错误/],
    ['a control character in a row id', () => [op('aaaaaaaaaaaaaaaa', 1, 'incidents', 'x\u0000y', 'title', 'x')], /记录编号无效/],
    ['a short operation', (s) => [[formatHlc({ millis: t0, counter: 0, site: s }), 'incidents', 'x', 'title']], /结构不符/],
    ['one stamp twice', (s) => [op(s, 1, 'incidents', 'x', 'title', 'a'), op(s, 1, 'incidents', 'x', 'summary', 'b')], /重复/],
    // A reference to a row nobody has is held in quarantine rather than refused: tests/core/sync/row-rules.test.ts.
    // Right type, wrong meaning: each would break or mislead every workstation it reached.
    ['a discovery time that is not a time', (s) => [op(s, 1, 'incidents', 'x', 'found_at', 'not-a-date')], /不是有效的取值/],
    ['a severity that does not exist', (s) => [op(s, 1, 'incidents', 'x', 'severity', 'apocalyptic')], /不是有效的取值/],
    ['a script link', (s) => [op(s, 1, 'incidents', 'x', 'url', 'javascript:alert(1)')], /不是有效的取值/],
    ['an attachment hash that names a path', (s) => [op(s, 1, 'attachments', 'x', 'sha256', '../../../../dev/zero')], /不是有效的取值/],
    ['a satisfaction of 9', (s) => [op(s, 1, 'feedback', 'x', 'satisfaction', 9)], /不是有效的取值/],
    ['a response rule of minus five hours', (s) => [op(s, 1, 'response_rules', 'major', 'info_hours', -5)], /不是有效的取值/],
  ];
  it.each(cases)('refuses %s', async (_name, ops, pattern) => {
    const { a, b } = await pair();
    await refused(b, await craftBundle(a, { frames: [ops(a.siteId)] }), pattern);
  });

  it('refuses operations forged in the receiver\'s own name', async () => {
    const { a, b } = await pair();
    await refused(b, await craftBundle(a, { frames: [[op(b.siteId, 1, 'incidents', 'x', 'title', 'forged')]] }), /声称由本工作站产生/);
  });

  it('refuses an operation that contradicts one we hold under the same stamp', async () => {
    const { a, b } = await pair();
    const made = createIncident(a.ctx, incident('县城供暖不热'));
    await importBundleBytes(b, await send(a, b));
    const title = a.db.prepare("SELECT hlc FROM ops WHERE row = ? AND col = 'title'").get(made.id) as { hlc: string };
    await refused(b, await craftBundle(a, { frames: [[[title.hlc, 'incidents', made.id, 'title', 'altered']]] }), /内容不同/);
  });

  it('refuses a payload whose operations disagree with the signed manifest', async () => {
    const { a, b } = await pair();
    const bytes = await craftBundle(a, { frames: [[op(a.siteId, 1, 'incidents', 'x', 'title', 'x')]], manifest: (m) => ({ ...m, opCount: 2 }) });
    await refused(b, bytes, /条数与清单不符/);
  });
});

describe('clock skew', () => {
  it('quarantines operations stamped more than 24 h ahead, keeps the clock, and applies them when their time comes', async () => {
    const clock = testClock();
    const aClock = testClock();
    const a = replica('甲', aClock.now);
    const b = replica('乙', clock.now);
    await introduce(a, b);
    const made = createIncident(a.ctx, incident('县城供暖不热'));
    await importBundleBytes(b, await send(a, b));
    await importBundleBytes(a, await send(b, a));
    // a's clock jumps 30 h ahead (a wrong BIOS date) and it edits.
    aClock.advance(30 * 3600_000);
    updateIncident(a.ctx, made.id, { title: '时钟错误的工作站改的标题' });
    const lastBefore = b.ctx.hlc.last();
    const result = await importBundleBytes(b, await send(a, b));
    expect(result).toMatchObject({ quarantined: 2 }); // title + updated_at
    expect(result.messages.join()).toMatch(/已隔离/);
    expect(getIncident(b.db, made.id).title).toBe('县城供暖不热');
    expect(b.ctx.hlc.last()).toBe(lastBefore);
    const sites = b.db.prepare('SELECT max(max_hlc) AS top FROM sites').get() as { top: string };
    expect(Date.parse(sites.top.slice(0, 24))).toBeLessThanOrEqual(clock.now());
    // A day and more later, b's clock has caught up: the next import applies them.
    clock.advance(8 * 3600_000);
    const later = await importBundleBytes(b, await send(a, b));
    expect(later.released).toBe(2);
    expect(getIncident(b.db, made.id).title).toBe('时钟错误的工作站改的标题');
    expect(verifyAudit(b.db).ok).toBe(true);
  });
});

describe('safety', () => {
  it('asks for confirmation before an import deletes more than half of the ledger', async () => {
    const { a, b } = await pair();
    const made = [createIncident(a.ctx, incident('一')), createIncident(a.ctx, incident('二')), createIncident(a.ctx, incident('三'))];
    await importBundleBytes(b, await send(a, b));
    mutate(a.ctx, { action: 'delete', entity: 'incident', entityId: '', summary: '删除' }, made.slice(0, 2).map((m) => ({
      table: 'incidents' as const,
      row: m.id,
      fields: { deleted: true },
    })));
    const bytes = await send(a, b);
    await refused(b, bytes, /将删除 2 条记录.*超过一半/);
    const result = await importBundleBytes(b, bytes, { confirmMassDelete: true });
    expect(result.deletions).toBe(2);
    expect((b.db.prepare('SELECT count(*) AS n FROM incidents WHERE deleted = 0').get() as { n: number }).n).toBe(1);
  });
});

describe('incident numbers registered offline on two workstations', () => {
  it('never renumbers: numbers given before workstation codes keep theirs and the pair is listed once for review', async () => {
    const { clock, a, b } = await pair();
    const first = createIncident(a.ctx, incident('甲登记的事件'));
    clock.advance(1000);
    const second = createIncident(b.ctx, incident('乙登记的事件'));
    expect(first.number).toBe(second.number);
    const atB = await importBundleBytes(b, await send(a, b));
    expect(atB.renumbered).toBe(0);
    expect(atB.messages.join()).toMatch(/同时用于两起事件.*编号均保持不变/);
    await importBundleBytes(a, await send(b, a));
    for (const l of [a, b]) {
      expect(getIncident(l.db, first.id).number).toBe('YQ-2026-0001');
      expect(getIncident(l.db, second.id).number).toBe('YQ-2026-0001');
      expect(listConflicts(l.db, { openOnly: true, limit: 10 }).filter((c) => c.kind === 'number')).toHaveLength(1);
    }
    expect(ledgerHash(a.db)).toBe(ledgerHash(b.db));
    expect(verifyAudit(a.db).ok).toBe(true);
    expect(verifyAudit(b.db).ok).toBe(true);
  });

  it('with workstation codes two workstations never give the same number', async () => {
    const { clock, a, b } = await pair();
    setWorkstationCode(a, '宣');
    setWorkstationCode(b, '城关');
    const first = createIncident(a.ctx, incident('甲登记的事件'));
    clock.advance(1000);
    const second = createIncident(b.ctx, incident('乙登记的事件'));
    expect([first.number, second.number]).toEqual(['YQ-2026-宣-0001', 'YQ-2026-城关-0001']);
    const atB = await importBundleBytes(b, await send(a, b));
    expect(atB).toMatchObject({ renumbered: 0, conflicts: 0 });
    await importBundleBytes(a, await send(b, a));
    for (const l of [a, b]) {
      expect(getIncident(l.db, 'YQ-2026-宣-0001').id).toBe(first.id);
      expect(getIncident(l.db, 'YQ-2026-城关-0001').id).toBe(second.id);
    }
  });
});

describe('concurrent edits', () => {
  it('are resolved by stamp, listed on both sides, and "keep the other value" syncs as a new edit', async () => {
    const { clock, a, b } = await pair();
    const made = createIncident(a.ctx, incident('原标题'));
    await importBundleBytes(b, await send(a, b));
    await importBundleBytes(a, await send(b, a));
    updateIncident(b.ctx, made.id, { title: '乙改的标题' });
    clock.advance(1000);
    updateIncident(a.ctx, made.id, { title: '甲改的标题' });
    const atA = await importBundleBytes(a, await send(b, a));
    expect(atA.conflicts).toBe(1);
    const atB = await importBundleBytes(b, await send(a, b));
    expect(atB.conflicts).toBe(1); // carried with the bundle: b learns its edit lost
    for (const l of [a, b]) {
      expect(getIncident(l.db, made.id).title).toBe('甲改的标题');
      const [c] = listConflicts(l.db, { openOnly: true, limit: 10 });
      expect(c).toMatchObject({ columnLabel: '标题', winnerValue: '甲改的标题', loserValue: '乙改的标题', winnerSite: a.siteId });
    }
    const [onB] = listConflicts(b.db, { openOnly: true, limit: 10 });
    keepOtherValue(b.ctx, onB!.id);
    expect(getIncident(b.db, made.id).title).toBe('乙改的标题');
    await importBundleBytes(a, await send(b, a));
    expect(getIncident(a.db, made.id).title).toBe('乙改的标题');
    expect(ledgerHash(a.db)).toBe(ledgerHash(b.db));
  });
});
