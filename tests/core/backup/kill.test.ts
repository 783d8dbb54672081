import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBackup } from '../../../electron/core/backup/check.js';
import { sha256File } from '../../../electron/core/backup/files.js';
import { listBackups } from '../../../electron/core/backup/list.js';
import { isPartialName } from '../../../electron/core/backup/names.js';
import { fillDemoLedger } from '../../../scripts/demo/fill.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { tempDir } from '../../helpers/temp.js';

// A process making backups is killed (SIGKILL: no cleanup) at random moments. Each time the backups made before
// stay intact, every file listed as a backup passes the whole check, and the ledger itself stays sound.

const KILLS = Number(process.env.YQ_KILL_RUNS ?? 50);
const CHILD = fileURLToPath(new URL('./kill-child.ts', import.meta.url));

function runChild(db: string, dir: string, killAfterReadyMs?: number): Promise<{ ready: number; made: number; first?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, dir, killAfterReadyMs === undefined ? 'once' : 'loop'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: { ready: number; made: number; first?: number } = { ready: 0, made: 0 };
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        if (line === 'ready') {
          run.ready = performance.now();
          if (killAfterReadyMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterReadyMs);
        }
        if (line === 'made') {
          run.made += 1;
          run.first ??= performance.now();
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(run);
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}

describe('a backup killed at random moments', () => {
  it(`never leaves a partial file listed, and the earlier backups intact (${KILLS} kills)`, async () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const backups = join(dir, 'backups');
    const ledger = openLedger({ path });
    fillDemoLedger(ledger.ctx, { count: 150, seed: 11 });
    ledger.close();
    const once = await runChild(path, backups);
    const span = once.first! - once.ready;
    const earlier = listBackups(backups);
    expect(earlier).toHaveLength(1);
    const earlierHash = sha256File(earlier[0]!.file);

    const checked = new Set<string>();
    let made = 0;
    for (let i = 0; i < KILLS; i += 1) {
      // Spread over one or two backups' time: kills land in the copy, the check, the seal, the rename.
      const run = await runChild(path, backups, Math.random() * span * 2);
      made += run.made;
      for (const entry of listBackups(backups)) {
        expect(isPartialName(entry.file)).toBe(false);
        if (checked.has(entry.file)) continue;
        const check = await checkBackup(entry.file);
        expect(check.ok, `kill ${i}: ${entry.file} ${check.reason ?? ''}`).toBe(true);
        checked.add(entry.file);
      }
      expect(sha256File(earlier[0]!.file)).toBe(earlierHash);
    }
    const leftovers = readdirSync(backups).filter(isPartialName).length;
    const reopened = openLedger({ path });
    const integrity = reopened.db.pragma('integrity_check', { simple: true });
    reopened.close();
    expect(integrity).toBe('ok');
    console.log(`[backup kill] backup ≈ ${span.toFixed(0)} ms; ${KILLS} kills; ${made} backups finished between kills, all ${checked.size} listed verified; ${leftovers} .part files left unlisted`);
  }, 900_000);
});
