import { LedgerError } from '../../../shared/errors.js';
import type { ContactCard, Peer } from '../../../shared/sync-schemas.js';
import type { Db } from '../db/open.js';
import { workstationCode } from '../ledger/numbering.js';

// The workstations this one exchanges bundles with. A peer is trusted when a person added its card after
// comparing the fingerprint by phone. A new card for a known site (the peer rotated its keys) becomes its
// current key; the old keys stay, so bundles it signed earlier still verify.

interface PeerRow {
  site: string;
  name: string;
  code: string;
  trusted: number;
  added_at: string;
}

export function addPeer(db: Db, card: ContactCard, trusted: boolean, localSite: string, at: string): Peer {
  if (card.site === localSite) throw new LedgerError('invalid_input', '这是本工作站自己的联系卡，无需添加');
  return db.transaction(() => {
    const sameName = db.prepare('SELECT site FROM peers WHERE name = ? AND site <> ?').get(card.name, card.site) as
      | { site: string }
      | undefined;
    if (sameName) {
      throw new LedgerError('conflict', `已有另一个名为“${card.name}”的工作站（${sameName.site}），请先在对方处改名后重新导出联系卡`);
    }
    const code = card.code ?? '';
    refuseTakenCode(db, code, card.site);
    db.prepare(
      `INSERT INTO peers (site, name, code, trusted, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(site) DO UPDATE SET name = excluded.name, code = excluded.code, trusted = excluded.trusted,
         updated_at = excluded.updated_at`,
    ).run(card.site, card.name, code, trusted ? 1 : 0, at, at);
    db.prepare('UPDATE peer_keys SET current = 0 WHERE site = ? AND sign_public <> ?').run(card.site, card.signPublic);
    db.prepare(
      `INSERT INTO peer_keys (site, sign_public, age_recipient, fingerprint, added_at, current) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT(site, sign_public) DO UPDATE SET age_recipient = excluded.age_recipient,
         fingerprint = excluded.fingerprint, current = 1`,
    ).run(card.site, card.signPublic, card.ageRecipient, card.fingerprint, at);
    return getPeer(db, card.site);
  })();
}

/**
 * Two workstations with one code would give the same numbers (ledger/numbering.ts): a card whose code is ours or
 * another peer's is refused until one of them takes another code.
 */
function refuseTakenCode(db: Db, code: string, site: string): void {
  if (code === '') return;
  if (workstationCode(db) === code) {
    throw new LedgerError('conflict', `对方工作站的编号代码“${code}”与本工作站相同：两站会编出相同的事件编号。请一方改用其他代码（yq identity --code）后重新导出联系卡`);
  }
  const other = db.prepare('SELECT name FROM peers WHERE code = ? AND site <> ?').get(code, site) as { name: string } | undefined;
  if (other) {
    throw new LedgerError('conflict', `对方工作站的编号代码“${code}”已由“${other.name}”使用：两站会编出相同的事件编号。请对方改用其他代码后重新导出联系卡`);
  }
}

export function setPeerTrust(db: Db, ref: string, trusted: boolean, at: string): Peer {
  const peer = findPeer(db, ref);
  db.prepare('UPDATE peers SET trusted = ?, updated_at = ? WHERE site = ?').run(trusted ? 1 : 0, at, peer.siteId);
  return getPeer(db, peer.siteId);
}

export function listPeers(db: Db): Peer[] {
  const rows = db.prepare('SELECT site, name, code, trusted, added_at FROM peers ORDER BY name').all() as PeerRow[];
  return rows.map((r) => toPeer(db, r));
}

function getPeer(db: Db, site: string): Peer {
  const row = db.prepare('SELECT site, name, code, trusted, added_at FROM peers WHERE site = ?').get(site) as PeerRow | undefined;
  if (!row) throw new LedgerError('not_found', `找不到工作站 ${site}`);
  return toPeer(db, row);
}

/** A peer by name or site id. */
export function findPeer(db: Db, ref: string): Peer {
  const row = db.prepare('SELECT site, name, code, trusted, added_at FROM peers WHERE site = ? OR name = ?').get(ref, ref) as
    | PeerRow
    | undefined;
  if (!row) throw new LedgerError('not_found', `找不到对方工作站“${ref}”：请先添加其联系卡（yq peer add 联系卡文件）`);
  return toPeer(db, row);
}

function toPeer(db: Db, r: PeerRow): Peer {
  const keys = db
    .prepare('SELECT fingerprint, current FROM peer_keys WHERE site = ? ORDER BY current DESC, added_at DESC')
    .all(r.site) as { fingerprint: string; current: number }[];
  const last = db
    .prepare("SELECT max(at) AS at FROM bundles WHERE direction = 'in' AND peer_site = ?")
    .get(r.site) as { at: string | null };
  return {
    siteId: r.site,
    name: r.name,
    code: r.code,
    fingerprint: keys[0]?.fingerprint ?? '',
    trusted: r.trusted === 1,
    addedAt: r.added_at,
    previousFingerprints: keys.slice(1).map((k) => k.fingerprint),
    lastImportAt: last.at,
  };
}

/** The current age recipient of a trusted peer, for encrypting to it. */
export function recipientOf(db: Db, site: string): string {
  const row = db
    .prepare('SELECT k.age_recipient FROM peer_keys k JOIN peers p ON p.site = k.site WHERE k.site = ? AND k.current = 1 AND p.trusted = 1')
    .get(site) as { age_recipient: string } | undefined;
  if (!row) throw new LedgerError('forbidden', `工作站 ${site} 未受信任，不能向其导出同步包`);
  return row.age_recipient;
}

export type SenderTrust =
  | { status: 'trusted'; name: string }
  | { status: 'unknown' }
  | { status: 'untrusted'; name: string }
  | { status: 'other-key'; name: string };

/** Whether a bundle signed with `signPublic` by `site` may be accepted. */
export function senderTrust(db: Db, site: string, signPublic: string): SenderTrust {
  const peer = db.prepare('SELECT name, trusted FROM peers WHERE site = ?').get(site) as { name: string; trusted: number } | undefined;
  if (!peer) return { status: 'unknown' };
  if (peer.trusted !== 1) return { status: 'untrusted', name: peer.name };
  const key = db.prepare('SELECT 1 FROM peer_keys WHERE site = ? AND sign_public = ?').get(site, signPublic);
  return key ? { status: 'trusted', name: peer.name } : { status: 'other-key', name: peer.name };
}

/** The version vector a peer reported in its latest bundles: what it is known to hold. */
export function peerSeen(db: Db, site: string): Map<string, string> {
  const rows = db.prepare('SELECT site, max_hlc FROM peer_seen WHERE peer = ?').all(site) as { site: string; max_hlc: string }[];
  return new Map(rows.map((r) => [r.site, r.max_hlc]));
}

export function notePeerSeen(db: Db, peer: string, vector: Readonly<Record<string, string>>): void {
  const upsert = db.prepare(
    `INSERT INTO peer_seen (peer, site, max_hlc) VALUES (?, ?, ?)
     ON CONFLICT(peer, site) DO UPDATE SET max_hlc = max(max_hlc, excluded.max_hlc)`,
  );
  for (const [site, hlc] of Object.entries(vector)) upsert.run(peer, site, hlc);
}
