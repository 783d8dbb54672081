import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/ledger/verify-audit.js';
import { openLedger } from '../../electron/core/open-ledger.js';
import { tempDir } from '../helpers/temp.js';

// Issue 15 item 2: a scheduled `yq` and the app write one ledger file at once. Every write transaction starts
// IMMEDIATE and waits its turn (busy_timeout), and each process's clock moves past the others' stamps, so no
// write fails with "database is locked" and no two processes issue one stamp.

const CHILD = join(import.meta.dirname, 'writer-child.ts');

function runWriter(db: string, name: string, count: number): Promise<{ failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, name, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`writer ${name} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as { failures: string[] });
    });
  });
}

describe('several processes writing one ledger', () => {
  it('three processes × 300 changes: all 900 succeed and the audit chain holds', async () => {
    const db = join(tempDir(), 'ledger.db');
    openLedger({ path: db }).close();
    const results = await Promise.all(['甲', '乙', '丙'].map((name) => runWriter(db, name, 300)));
    expect(results.flatMap((r) => r.failures)).toEqual([]);

    const ledger = openLedger({ path: db });
    try {
      const count = (sql: string) => (ledger.db.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM incidents')).toBe(300);
      expect(count('SELECT count(*) AS n FROM followups')).toBe(300);
      expect(count("SELECT count(*) AS n FROM audit WHERE action IN ('create', 'update') AND entity = 'incident'")).toBe(600);
      expect(count('SELECT count(DISTINCT number) AS n FROM incidents')).toBe(300);
      expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
    } finally {
      ledger.close();
    }
  }, 300_000);
});
