import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { audited } from './audit.js';
import type { LedgerContext } from './mutate.js';
import { cached } from './statements.js';

// This workstation's name (县委宣传部, 城关镇). It lives in `meta.site_name`, set when the ledger is created: it is
// local to this installation and not a ledger field, so it is not synced as an operation — peers learn it from
// the contact card (and the sender name in bundles). A rename is recorded in the audit log like trusting a peer.
//
// Peers that added an earlier card keep the name they stored (their `peers.name`), and keep importing our bundles
// under it: the bundle's sender is checked by site id and key, never by name. Adding the new card updates it there.

/** What a rename needs of an open ledger (a `Ledger` is one). */
export interface Workstation {
  ctx: LedgerContext;
  db: Db;
  siteId: string;
  siteName: string;
}

/** The stored name, or the site id for a ledger that somehow has none. */
export function workstationName(db: Db, siteId: string): string {
  const row = cached(db, "SELECT value FROM meta WHERE key = 'site_name'").get() as { value: string } | undefined;
  return row?.value ?? siteId;
}

/**
 * Renames this workstation (the name is already validated by the contract): stored and audited in one
 * transaction, then the open ledger's copy follows. The same name again changes and records nothing.
 */
export function renameWorkstation(ws: Workstation, name: string): void {
  const before = workstationName(ws.db, ws.siteId);
  if (name === before) return;
  // A peer we know under this name would make the two indistinguishable here (bundle history, --peer 名称), and
  // a third workstation that has both cards refuses the second card of the same name (see peers.ts).
  const peer = cached(ws.db, 'SELECT site FROM peers WHERE name = ?').get(name) as { site: string } | undefined;
  if (peer) {
    throw new LedgerError('conflict', `对方工作站（${peer.site}）已使用名称“${name}”，请换一个名称`, [
      { path: 'name', message: `对方工作站已使用名称“${name}”` },
    ]);
  }
  audited(
    ws.ctx,
    { action: 'workstation.rename', entity: 'workstation', entityId: ws.siteId, summary: `工作站更名：“${before}”改为“${name}”` },
    () => {
      cached(ws.db, "INSERT INTO meta (key, value) VALUES ('site_name', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(name);
    },
  );
  // The audit log names who acted; where nobody was named at opening, that is the workstation (see ledger.ts).
  if (ws.ctx.actor === before) ws.ctx.actor = name;
  ws.siteName = name;
}
