import type { AuditReport } from '../../../shared/schemas.js';
import type { Db } from '../db/open.js';
import { verifyAllChains } from '../sync/audit-chains.js';
import { cached } from './statements.js';

// Its own module, apart from ledger/audit.ts: the chains' check (sync/audit-chains.ts) walks chains with audit.ts's
// walkChain, so audit.ts importing it back would make a cycle at run time.

/**
 * `audit verify`: this workstation's chain and every peer's, each against the head its workstation signed, and
 * every operation held here against the chain of the workstation that made it (sync/audit-chains.ts).
 */
export function verifyAudit(db: Db): AuditReport {
  const site = cached(db, "SELECT value FROM meta WHERE key = 'site_id'").pluck().get() as string;
  return verifyAllChains(db, site);
}
