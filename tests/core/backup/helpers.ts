import { join } from 'node:path';
import type { ImportResult } from '../../../shared/sync-schemas.js';
import { type Ledger, openLedger } from '../../../electron/core/open-ledger.js';
import { createIncident } from '../../../electron/core/ledger/incidents.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { incidentInputSchema } from '../../../shared/schemas.js';

/** A workstation on a real file (keys in the 0600 file beside it, as the CLI keeps them). */
export function fileLedger(dir: string, name: string, now: () => number): Ledger {
  return openLedger({ path: join(dir, `${name}.db`), now, siteName: name, actor: name });
}

export function addIncident(ledger: Ledger, title: string): string {
  return createIncident(
    ledger.ctx,
    incidentInputSchema.parse({ title, platform: '微博', foundAt: '2026-11-24 09:00', severity: 'general', categories: ['environment'] }),
  ).id;
}

/** One incremental bundle from `from` to `to` (addressed by name, as a person picks the peer). */
export async function exchange(from: Ledger, to: Ledger): Promise<ImportResult> {
  const { bytes } = await buildBundle(from, { peers: [to.siteName], full: false });
  return importBundleBytes(to, bytes, { confirmMassDelete: true });
}

export const titles = (ledger: Ledger) =>
  (ledger.db.prepare('SELECT title FROM incidents WHERE deleted = 0 ORDER BY title').all() as { title: string }[]).map((r) => r.title);
