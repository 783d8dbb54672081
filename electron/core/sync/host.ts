import type { Db } from '../db/open.js';
import type { LedgerContext } from '../ledger/mutate.js';
import type { KeyStore } from './keystore.js';

/** What sync needs of an open ledger (a `Ledger` is one). */
export interface SyncHost {
  ctx: LedgerContext;
  db: Db;
  siteId: string;
  keyStore: KeyStore;
  /** Where attachment contents live (content-addressed); bundles carry them on request. */
  attachmentsDir?: string;
}
