import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { type Ledger, openLedger, type OpenLedgerOptions } from '../../electron/core/open-ledger.js';

/** A fresh directory removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yq-test-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real ledger in a temp file, closed after the test. Fixed clock: 2026-11-28 12:00 China time by default. */
export function tempLedger(options: Partial<OpenLedgerOptions> = {}): Ledger & { path: string } {
  const path = join(tempDir(), 'ledger.db');
  const ledger = openLedger({ path, now: () => Date.parse('2026-11-28T04:00:00Z'), ...options });
  afterEach(() => {
    if (ledger.db.open) ledger.close();
  });
  return Object.assign(ledger, { path });
}

/** Row counts of the sync and audit tables, to prove a refused call changed nothing. */
export function footprint(ledger: Ledger): { ops: number; audit: number; incidents: number } {
  const count = (table: string) => (ledger.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ops: count('ops'), audit: count('audit'), incidents: count('incidents') };
}
