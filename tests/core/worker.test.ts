import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/core/open-ledger.js';
import { type CoreWorker, startCoreWorker } from '../../electron/core/worker/client.js';
import { bundleCoreWorkerWithInputs } from '../helpers/core-worker-bundle.js';

// The core worker for real: the entry bundled the way the app ships it (tests/helpers/core-worker-bundle.ts), a
// real SQLite file in a temp folder, and a real worker thread.

let dir: string;
let entryPath: string;
let bundledInputs: string[] = [];
const workers: CoreWorker[] = [];

function start(dbName: string, entry = entryPath): CoreWorker {
  const worker = startCoreWorker({ entryPath: entry, dbPath: path.join(dir, dbName), actor: '测试员' });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yq-worker-'));
  ({ path: entryPath, inputs: bundledInputs } = await bundleCoreWorkerWithInputs(dir));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('core worker', () => {
  it('never pulls electron into the bundle (the core runs under plain Node)', () => {
    expect(bundledInputs).toContain('electron/core/worker/entry.ts');
    expect(bundledInputs.filter((input) => /(^|\/)node_modules\/electron\//.test(input))).toEqual([]);
    expect(readFileSync(entryPath, 'utf8')).not.toMatch(/require\(["']electron["']\)/);
  });

  it('opens the ledger off the main thread and answers contract calls by id', async () => {
    const core = start('a.db');
    expect(await core.ready).toEqual({ ok: true, value: null });

    const info = await core.call('getAppInfo', {});
    expect(info).toMatchObject({ ok: true, value: { appVersion: '9.9.9-test' } });
    expect(info.ok && typeof (info.value as { schemaVersion: unknown }).schemaVersion).toBe('number');

    const created = await core.call('createIncident', {
      title: '某小区供暖不热',
      platform: '微博',
      foundAt: '2026-11-28 14:05',
      severity: '重大',
      categories: ['environment'],
      leadUnit: '县住建局',
    });
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.value as { id: string }).id : '';

    // Many calls at once: each answer must reach its own caller.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? core.call('getIncident', { id }) : core.call('getAppInfo', {}))),
    );
    answers.forEach((answer, i) => {
      expect(answer.ok).toBe(true);
      if (answer.ok && i % 2) expect(answer.value).toMatchObject({ id, title: '某小区供暖不热' });
      if (answer.ok && !(i % 2)) expect(answer.value).toHaveProperty('siteId');
    });
  });

  it('answers bad input and unknown methods with typed errors, not stack traces', async () => {
    const core = start('b.db');
    const bad = await core.call('createIncident', { title: '', platform: 'x', foundAt: 'bad', severity: '重大' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_input');
      expect(bad.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['title', 'foundAt']));
      expect(JSON.stringify(bad)).not.toMatch(/\bat .+\.(ts|js|cjs):\d+/);
    }
    expect(await core.call('dropEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // A value that cannot be cloned never leaves this thread.
    expect(await core.call('getAppInfo', { f: () => 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('closes the database on close, keeps what was written, and refuses later calls', async () => {
    const core = start('c.db');
    const pendingCreate = core.call('createIncident', {
      title: '拖欠农民工工资',
      platform: '微信',
      foundAt: '2026-11-27 09:30',
      severity: '一般',
      categories: ['environment'],
      leadUnit: '县住建局',
    });
    await core.close();
    expect((await pendingCreate).ok).toBe(true); // asked before close: answered before the database closed
    await core.close(); // twice is fine

    const after = await core.call('getAppInfo', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!after.ok) expect(after.error.message).toMatch(/[\u4e00-\u9fff]/);

    const reopened = openLedger({ path: path.join(dir, 'c.db') });
    try {
      const n = reopened.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number };
      expect(n.n).toBe(1);
    } finally {
      reopened.close();
    }
  });

  it('resolves pending calls with a Chinese storage error when the worker dies', async () => {
    const dying = path.join(dir, 'dying-worker.cjs');
    // Says it is ready, then dies on the first call without answering.
    writeFileSync(
      dying,
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ type: 'ready' });
       parentPort.on('message', () => process.exit(3));`,
    );
    const core = start('unused.db', dying);
    expect(await core.ready).toEqual({ ok: true, value: null });
    const results = await Promise.all([core.call('getAppInfo', {}), core.call('verifyAudit', {})]);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
      if (!result.ok) expect(result.error.message).toContain('台账核心已停止运行');
    }
    expect(await core.call('getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'storage' } });
    await core.close(); // already dead: returns at once
  });

  it('reports a database it cannot open on ready and on every call, and stays answerable', async () => {
    writeFileSync(path.join(dir, 'garbage.db'), 'this is not a sqlite database, just text '.repeat(200));
    const core = start('garbage.db');
    const ready = await core.ready;
    expect(ready).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!ready.ok) expect(ready.error.message).toContain('数据库');
    expect(await core.call('getAppInfo', {})).toEqual(ready);
    await core.close();
  });
});

describe('progress', () => {
  it('posts the core’s progress events to onProgress in main, as plain data', async () => {
    const events: unknown[] = [];
    const core = startCoreWorker({ entryPath, dbPath: path.join(dir, 'progress.db'), onProgress: (event) => events.push(event) });
    workers.push(core);
    expect(await core.call('getDigest', { period: '2025' })).toMatchObject({ ok: true }); // a past year, whatever today is
    // The reply and the events travel the same port, in order: by the reply, every event has arrived.
    expect(events[0]).toEqual({ job: 'getDigest', phase: '汇总事件', done: 0, total: 13 });
    expect(events.at(-1)).toEqual({ job: 'getDigest', phase: '完成', done: 13, total: 13 });
  });
});

describe('private keys kept by main', () => {
  it('hands new keys to main for sealing, writes no key file, and reads them back on the next start', async () => {
    const sealed: string[] = [];
    const first = startCoreWorker({ entryPath, dbPath: path.join(dir, 'keys.db'), managedKeys: {}, onKeys: (secret) => sealed.push(secret) });
    workers.push(first);
    const identity = await first.call('getSyncIdentity', {});
    expect(identity.ok).toBe(true);
    expect(sealed).toHaveLength(1);
    expect(existsSync(path.join(dir, 'keys.db.keys'))).toBe(false);
    await first.close();
    const again = startCoreWorker({ entryPath, dbPath: path.join(dir, 'keys.db'), managedKeys: { secret: sealed[0]! }, onKeys: (secret) => sealed.push(secret) });
    workers.push(again);
    const same = await again.call('getSyncIdentity', {});
    expect(same).toEqual(identity);
    expect(sealed).toHaveLength(1);
  });
});
