import type { BundleRecord } from '../../../shared/sync-schemas.js';
import type { Db } from '../db/open.js';

// The bundles this workstation wrote and read, newest first.

interface BundleRow {
  bundle_id: string;
  direction: 'in' | 'out';
  peer_site: string;
  peer_name: string;
  at: string;
  created_at: string;
  file: string;
  bytes: number;
  op_count: number;
  full: number;
  passphrase: number;
  applied: number;
  duplicates: number;
  conflicts: number;
  quarantined: number;
  renumbered: number;
}

export function bundleHistory(db: Db, limit: number): BundleRecord[] {
  const rows = db.prepare('SELECT * FROM bundles ORDER BY at DESC, rowid DESC LIMIT ?').all(limit) as BundleRow[];
  return rows.map((r) => ({
    bundleId: r.bundle_id,
    direction: r.direction,
    peerSite: r.peer_site,
    peerName: r.peer_name,
    at: r.at,
    createdAt: r.created_at,
    file: r.file,
    bytes: r.bytes,
    opCount: r.op_count,
    full: r.full === 1,
    passphrase: r.passphrase === 1,
    applied: r.applied,
    duplicates: r.duplicates,
    conflicts: r.conflicts,
    quarantined: r.quarantined,
    renumbered: r.renumbered,
  }));
}
