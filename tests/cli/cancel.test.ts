import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTables } from '../helpers/ledger-snapshot.js';
import { tempDir } from '../helpers/temp.js';
import { yqRunner } from './run-yq.js';

// Ctrl-C during `yq import xlsx`, as a person at a terminal does it: a real yq process, a real file, SIGINT while
// the rows are being written. The import runs on yq's worker thread, so the signal is heard mid-write.

const yq = yqRunner(() => Date.parse('2026-11-28T04:00:00Z'));

function bigCsv(dir: string, count: number): string {
  const lines = ['舆情标题,监测时间,来源,涉及领域,舆情等级,责任单位'];
  for (let i = 0; i < count; i++) lines.push(`某小区第${i + 1}号楼供暖不热,2026-11-${String(1 + (i % 27)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')},微博,困难群众,一般,县住建局`);
  const file = join(dir, '台账.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('yq import xlsx and Ctrl-C', () => {
  it('stops the write, rolls it back and says so (exit 130); every table unchanged, audit verify ok', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    expect((await yq(['--db', db, 'init'])).code).toBe(0);
    const before = snapshotTables(db);
    const file = bigCsv(dir, 5000);

    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/yq.ts', '--db', db, 'import', 'xlsx', file, '--progress', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let interruptedAt = -1;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const writing = [...stderr.matchAll(/进度：写入 (\d+)\/5000/g)].map((m) => Number(m[1])).find((n) => n > 0 && n < 5000);
      if (writing !== undefined && interruptedAt < 0) {
        interruptedAt = writing;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(interruptedAt, stderr).toBeGreaterThan(0);
    expect(code, stderr).toBe(130);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n').filter((l) => !l.startsWith('进度：'));
    expect(lines).toEqual(['yq: 正在取消……', 'yq: 已取消导入，台账未作任何改动']);
    expect(snapshotTables(db)).toEqual(before);
    const audit = await yq(['--db', db, 'audit', 'verify', '--json']);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true });
  }, 120_000);
});
