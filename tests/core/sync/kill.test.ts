import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fillDemoLedger } from '../../../scripts/demo/fill.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { exportBundleFile } from '../../../electron/core/sync/export.js';
import { tempDir } from '../../helpers/temp.js';
import { introduce, ledgerHash } from './helpers.js';

// A workstation importing a large bundle is killed (SIGKILL: no cleanup, no finally) at random moments. Each
// time, the database must pass SQLite's integrity check and hold either none of the bundle or all of it.

const KILLS = Number(process.env.YQ_KILL_RUNS ?? 50);
const CHILD = fileURLToPath(new URL('./kill-child.ts', import.meta.url));

interface Run {
  ready: number;
  done?: number;
  killed: boolean;
  /** The last phase the child announced before it died. */
  phase: string;
}

function runChild(db: string, bundle: string, killAfterReadyMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, bundle], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { ready: 0, killed: false, phase: 'start' };
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      const phases = text.split('\n').filter(Boolean);
      run.phase = phases[phases.length - 1]!.split(' ')[0]!;
      if (text.includes('ready')) {
        run.ready = performance.now();
        if (killAfterReadyMs !== undefined) {
          setTimeout(() => {
            run.killed = child.kill('SIGKILL');
          }, killAfterReadyMs);
        }
      }
      if (text.includes('committed')) run.done = performance.now();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(run);
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}

function inspect(path: string): { integrity: string; hash: string; recorded: boolean } {
  const ledger = openLedger({ path });
  try {
    const integrity = (ledger.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join(';');
    const recorded = ledger.db.prepare("SELECT 1 FROM bundles WHERE direction = 'in'").get() !== undefined;
    return { integrity, hash: ledgerHash(ledger.db), recorded };
  } finally {
    ledger.close();
  }
}

describe('an import killed at random moments', () => {
  it(`leaves the ledger intact and the bundle wholly applied or not at all (${KILLS} kills)`, async () => {
    const dir = tempDir();
    const senderPath = join(dir, 'sender.db');
    const basePath = join(dir, 'base.db');
    const sender = openLedger({ path: senderPath, siteName: '县委宣传部' });
    const base = openLedger({ path: basePath, siteName: '县政府办' });
    await introduce(sender, base);
    const filled = fillDemoLedger(sender.ctx, { count: 600, seed: 7 });
    const bundle = join(dir, 'large.yqb');
    const exported = await exportBundleFile(sender, bundle, { peers: [base.siteId], full: false });
    sender.close();
    base.close(); // checkpoints: the base file alone is the whole database
    const before = inspect(basePath).hash;

    // One run to the end gives the state after, and how long an import takes.
    const fullPath = join(dir, 'full.db');
    copyFileSync(basePath, fullPath);
    copyFileSync(`${basePath}.keys`, `${fullPath}.keys`);
    const complete = await runChild(fullPath, bundle);
    expect(complete.done).toBeDefined();
    const span = complete.done! - complete.ready;
    const after = inspect(fullPath);
    expect(after.integrity).toBe('ok');
    expect(after.hash).not.toBe(before);

    const outcomes = { none: 0, whole: 0 };
    const phases: Record<string, number> = {};
    const killOnce = async (i: number) => {
      const path = join(dir, `kill-${i}.db`);
      copyFileSync(basePath, path);
      copyFileSync(`${basePath}.keys`, `${path}.keys`);
      // Spread over the whole import, a little past its usual end.
      const run = await runChild(path, bundle, Math.random() * span * 1.4);
      phases[run.phase] = (phases[run.phase] ?? 0) + 1;
      const state = inspect(path);
      expect(state.integrity, `kill ${i}`).toBe('ok');
      expect([before, after.hash], `kill ${i}: partial bundle`).toContain(state.hash);
      expect(state.recorded, `kill ${i}: bundle record agrees with contents`).toBe(state.hash === after.hash);
      outcomes[state.hash === before ? 'none' : 'whole'] += 1;
    };
    // Two children at a time: each kill is timed from its own child's start, so overlap only saves wall time.
    let next = 0;
    const worker = async () => {
      while (next < KILLS) await killOnce(next++);
    };
    await Promise.all([worker(), worker()]);
    console.log(
      `[kill] ${exported.opCount} ops (${filled.incidents} incidents), import ≈ ${span.toFixed(0)} ms; ${KILLS} kills: ` +
        `${outcomes.none} left nothing, ${outcomes.whole} left the whole bundle; killed after phase ${JSON.stringify(phases)}`,
    );
    // The kills must have reached the dangerous window: while operations were being written.
    expect(phases.apply ?? 0, JSON.stringify(phases)).toBeGreaterThan(0);
  }, 600_000);
});
