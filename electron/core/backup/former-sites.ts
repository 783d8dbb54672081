import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';

// The site ids this ledger had before it was restored from a backup (see rejoin.ts), oldest first.

export const FORMER_SITE_IDS = 'former_site_ids';

export function formerSiteIds(db: Db): string[] {
  const row = cached(db, 'SELECT value FROM meta WHERE key = ?').get(FORMER_SITE_IDS) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string[]) : [];
}
