import { randomBytes } from 'node:crypto';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { appendAudit } from '../ledger/audit.js';
import type { LedgerContext } from '../ledger/mutate.js';
import { cached } from '../ledger/statements.js';
import { openLedger } from '../open-ledger.js';
import { createHlc } from '../sync/hlc.js';
import { fingerprintOf } from '../sync/keys.js';
import { memoryKeyStore } from '../sync/keystore.js';
import { FORMER_SITE_IDS, formerSiteIds } from './former-sites.js';

// A restored (or copied) ledger rejoins its peers under a new site id. Why a new one: its old self may have made
// operations after the backup that its peers hold and it does not; under the old id those would come back as
// "this workstation's own operations it never made" (refused as forged), and its next edits could reuse stamps
// the old self already used. Under a new id the lost operations are simply another site's, and come back with
// the peers' next bundles; nothing is stamped twice.
//
// The restored ledger records its former ids (meta `former_site_ids`) and keeps its keys, so its keys still open
// (identity.ts) and a peer sees the same signing key under a new id: it takes that as the same workstation,
// restored, moves its trust to the new id and from then on refuses bundles under the old id (an old copy still
// in use), each decision in its audit log.

const peerFormerKey = (site: string) => `peer.former.${site}`;

/** Gives the closed ledger at `path` a new site id, keeping the old ones; audited. Returns both ids. */
export function takeNewSiteId(
  path: string,
  options: { now: () => number; why: string; nativeBinding?: string },
): { formerSite: string; site: string } {
  const ledger = openLedger({ path, now: options.now, keyStore: memoryKeyStore(), ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    const { db, ctx } = ledger;
    const formerSite = ledger.siteId;
    const site = randomBytes(8).toString('hex');
    db.transaction(() => {
      const former = [...formerSiteIds(db), formerSite];
      cached(db, "UPDATE meta SET value = ? WHERE key = 'site_id'").run(site);
      cached(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(FORMER_SITE_IDS, JSON.stringify(former));
      const hlc = createHlc({ site, now: options.now, last: ctx.hlc.last() });
      ctx.guard.allow(() =>
        appendAudit({ ...ctx, site, hlc }, {
          action: 'workstation.new-site',
          entity: 'workstation',
          entityId: site,
          summary: `${options.why}：本工作站改用新的同步标识 ${site}（原标识 ${formerSite}），对方工作站下次同步时补回此后缺失的内容`,
        }, []),
      );
    }).immediate();
    return { formerSite, site };
  } finally {
    ledger.close();
  }
}

/**
 * A bundle from a site this ledger does not know, signed with a key of a trusted peer: that peer restored its
 * ledger (see above). Moves the peer to its new id, forgets what it was known to hold (it lost some of it; its
 * manifest says what it holds now) and records the old id as replaced. Returns the peer's name, or undefined
 * when the key belongs to no trusted peer. Runs in its own audited transaction.
 */
export function adoptRestoredPeer(
  db: Db,
  audit: (summary: string, site: string) => void,
  sender: { site: string; signPublic: string; ageRecipient: string },
  at: string,
): string | undefined {
  const old = cached(
    db,
    `SELECT p.site, p.name FROM peer_keys k JOIN peers p ON p.site = k.site
     WHERE k.sign_public = ? AND p.trusted = 1 AND p.site <> ?`,
  ).get(sender.signPublic, sender.site) as { site: string; name: string } | undefined;
  if (!old) return undefined;
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    cached(db, 'UPDATE peers SET site = ?, updated_at = ? WHERE site = ?').run(sender.site, at, old.site);
    const keys = cached(db, 'SELECT sign_public, age_recipient FROM peer_keys WHERE site = ?').all(old.site) as { sign_public: string; age_recipient: string }[];
    const move = cached(db, 'UPDATE peer_keys SET site = ?, fingerprint = ? WHERE site = ? AND sign_public = ?');
    for (const k of keys) move.run(sender.site, fingerprintOf(sender.site, k.sign_public, k.age_recipient), old.site, k.sign_public);
    cached(db, 'DELETE FROM peer_seen WHERE peer = ?').run(old.site);
    cached(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(peerFormerKey(old.site), sender.site);
    audit(`工作站“${old.name}”已从备份恢复，改用新的同步标识 ${sender.site}（原标识 ${old.site}，签名密钥相同）；原标识不再接受`, sender.site);
  })();
  return old.name;
}

/** Refuses a bundle under an id a peer has replaced after a restore: an old copy of that ledger still in use. */
export function refuseReplacedSite(db: Db, site: string): void {
  const row = cached(db, 'SELECT value FROM meta WHERE key = ?').get(peerFormerKey(site)) as { value: string } | undefined;
  if (!row) return;
  const peer = cached(db, 'SELECT name FROM peers WHERE site = ?').get(row.value) as { name: string } | undefined;
  throw new LedgerError(
    'forbidden',
    `该同步包来自工作站“${peer?.name ?? row.value}”的旧标识 ${site}：对方已从备份恢复并改用新标识 ${row.value}。` +
      '旧副本可能仍在使用，其同步包不再接受。',
  );
}

/** Records a decision about a peer in this ledger's audit log (no operations), inside the caller's transaction. */
export const auditPeerEvent = (host: { ctx: LedgerContext }) => (summary: string, site: string) =>
  host.ctx.guard.allow(() => appendAudit(host.ctx, { action: 'peer.restored', entity: 'peer', entityId: site, summary }, []));
