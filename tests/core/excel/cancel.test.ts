import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/api/events.js';
import { type CoreWorker, startCoreWorker } from '../../../electron/core/worker/client.js';
import { bundleCoreWorker } from '../../helpers/core-worker-bundle.js';
import { snapshotTables } from '../../helpers/ledger-snapshot.js';

// 取消 while an import is writing: the real core worker, a real SQLite file. The worker is busy inside the import's
// one transaction; the cancel reaches it through shared memory, it stops between rows and rolls back.

let dir: string;
let entryPath: string;
const workers: CoreWorker[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yq-cancel-'));
  entryPath = await bundleCoreWorker(dir);
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** A 台账 .csv of `count` distinct valid rows. */
function bigCsv(count: number): string {
  const lines = ['舆情标题,监测时间,来源,涉及领域,舆情等级,责任单位'];
  for (let i = 0; i < count; i++) {
    lines.push(`某小区第${i + 1}号楼供暖不热,2026-11-${String(1 + (i % 27)).padStart(2, '0')} ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},微博,困难群众,一般,县住建局`);
  }
  const file = path.join(dir, `台账-${count}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function start(dbName: string, events: ProgressEvent[]): CoreWorker {
  const worker = startCoreWorker({ entryPath, dbPath: path.join(dir, dbName), actor: '测试员', onProgress: (e) => events.push(e) });
  workers.push(worker);
  return worker;
}

describe('cancelling an import while it writes', () => {
  it('stops between rows inside the transaction: every table unchanged, the audit chain intact, the next import whole', async () => {
    const events: ProgressEvent[] = [];
    const core = start('cancel.db', events);
    expect(await core.ready).toEqual({ ok: true, value: null });
    // Something already in the ledger, so "unchanged" is about more than empty tables.
    const first = await core.call('createIncident', { title: '某工地拖欠农民工工资', platform: '抖音', foundAt: '2026-11-27 09:30', severity: '较大', categories: ['wages'], leadUnit: '县人社局' });
    expect(first.ok).toBe(true);
    // Nothing running: nothing to cancel. A job that cannot be cancelled is refused at the door.
    expect(await core.call('cancelJob', { job: 'importSpreadsheet' })).toEqual({ ok: true, value: { requested: false } });
    expect(await core.call('cancelJob', { job: 'importBundle' })).toEqual({ ok: false, error: { code: 'invalid_input', message: '输入有误：没有可以取消的这项工作', fields: [{ path: 'job', message: '没有可以取消的这项工作' }] } });
    const before = snapshotTables(path.join(dir, 'cancel.db'));

    const file = bigCsv(5000);
    let cancelledAt: ProgressEvent | undefined;
    const importing = core.call('importSpreadsheet', { path: file });
    // Cancel once the write has gone past its first rows (the worker reports row i before writing it).
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const writing = events.find((e) => e.job === 'importSpreadsheet' && e.phase === '写入' && e.done > 0 && e.done < e.total);
        if (!writing) return;
        clearInterval(timer);
        cancelledAt = writing;
        void core.call('cancelJob', { job: 'importSpreadsheet' }).then((answer) => {
          expect(answer).toEqual({ ok: true, value: { requested: true } });
          resolve();
        });
      }, 5);
    });
    expect(await importing).toEqual({ ok: false, error: { code: 'cancelled', message: '已取消导入，台账未作任何改动' } });
    expect(cancelledAt!.done).toBeGreaterThan(0);
    expect(cancelledAt!.done).toBeLessThan(5000);
    // It stopped before the end: no 写入 event reached the last row.
    expect(events.filter((e) => e.phase === '写入').every((e) => e.done < 5000)).toBe(true);

    expect(snapshotTables(path.join(dir, 'cancel.db'))).toEqual(before);
    const audit = await core.call('verifyAudit', {});
    expect(audit).toMatchObject({ ok: true, value: { ok: true } });

    // The request was for that run only: the same file imports whole afterwards.
    const again = await core.call('importSpreadsheet', { path: bigCsv(40) });
    expect(again).toMatchObject({ ok: true, value: { rows: 40, imported: 40 } });
  }, 120_000);
});
