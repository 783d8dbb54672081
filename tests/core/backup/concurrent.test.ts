import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBackup } from '../../../electron/core/backup/check.js';
import { createBackup } from '../../../electron/core/backup/create.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { tempDir } from '../../helpers/temp.js';
import { addIncident } from './helpers.js';

// Backups taken while another process (yq, a second window) writes the same ledger are consistent: each passes
// the integrity check and audit verify, and holds a whole number of the writer's transactions.

const CHILD = fileURLToPath(new URL('./writer-child.ts', import.meta.url));
const BACKUPS = 5;

describe('backups while another process writes', () => {
  it(`are consistent (${BACKUPS} backups)`, async () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const ledger = openLedger({ path });
    addIncident(ledger, '开始');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`writer exited (${code})`)));
      });
      const counts: number[] = [];
      let clock = Date.now();
      for (let i = 0; i < BACKUPS; i += 1) {
        clock += 1000;
        const made = await createBackup({ ...ledger, ctx: { ...ledger.ctx, now: () => clock } }, { dir: join(dir, 'backups') });
        const check = await checkBackup(made.file);
        expect(check.ok, check.reason).toBe(true);
        counts.push(check.incidents);
      }
      // The writer kept writing: later backups hold more of its incidents.
      expect(counts[counts.length - 1]).toBeGreaterThan(counts[0]!);
      console.log(`[backup concurrent] ${BACKUPS} backups while another process wrote: incidents ${counts.join(' → ')}, all verified`);
    } finally {
      child.kill('SIGKILL');
      ledger.close();
    }
  }, 300_000);
});
