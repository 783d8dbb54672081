import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { bucketsOf, hash32, signatureOf, toBlob } from './minhash.js';
import { shinglesOf } from './shingles.js';

// The derived similarity rows of one incident, rebuilt by the apply path whenever its title, summary, found_at or
// deletion mark changes (locally or by sync, see ledger/derived.ts), like the search index: the signature and its
// LSH buckets, and the document frequency of each shingle (by its hash), which weighs what two texts share.

export const DAY_MS = 86_400_000;
export const dayOf = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);

interface SignedIncident {
  rowid: number;
  title: string;
  summary: string;
  found_at: string;
  deleted: number;
}

export function refreshSignature(db: Db, incidentId: string): void {
  refreshSignatures(db, [incidentId]);
}

/**
 * Rebuilds the similarity rows of some incidents from their text as it now stands. The document frequencies they
 * change are summed first and written once per shingle, and the bucket rows in key order: a batch of writes (see
 * ledger/mutate.ts writeBatch) touches each frequency row once, however many incidents share the shingle.
 */
export function refreshSignatures(db: Db, incidentIds: Iterable<string>): void {
  const read = cached(db, 'SELECT rowid, title, summary, found_at, deleted FROM incidents WHERE id = ?');
  const readOld = cached(db, 'SELECT found_at, sig, shingles FROM incident_signatures WHERE incident_rowid = ?');
  // Per shingle hash: the net change, and whether any incident now has it (then its row exists, even at 0 docs).
  const frequency = new Map<number, { delta: number; added: boolean }>();
  const count = (hash: number, delta: number) => {
    const entry = frequency.get(hash);
    if (entry) {
      entry.delta += delta;
      entry.added ||= delta > 0;
    } else frequency.set(hash, { delta, added: delta > 0 });
  };
  const dropped: [number, number, number][] = [];
  const added: [number, number, number][] = [];
  const cleared: number[] = [];
  const signed: [number, string, Buffer, Buffer][] = [];
  for (const incidentId of new Set(incidentIds)) {
    const incident = read.get(incidentId) as SignedIncident | undefined;
    if (!incident) continue;
    const old = readOld.get(incident.rowid) as { found_at: string; sig: Buffer; shingles: Buffer } | undefined;
    if (old) {
      const day = dayOf(old.found_at);
      for (const bucket of bucketsOf(new Uint32Array(new Uint8Array(old.sig).buffer))) dropped.push([bucket, day, incident.rowid]);
      for (const hash of new Uint32Array(new Uint8Array(old.shingles).buffer)) count(hash, -1);
      cleared.push(incident.rowid);
    }
    if (incident.deleted === 1 || !incident.found_at) continue;
    const shingles = shinglesOf(incident.title, incident.summary);
    if (shingles.length === 0) continue;
    const sig = signatureOf(shingles);
    const hashes = Uint32Array.from(new Set(shingles.map(hash32))).sort();
    signed.push([incident.rowid, incident.found_at, toBlob(sig), toBlob(hashes)]);
    for (const hash of hashes) count(hash, 1);
    const day = dayOf(incident.found_at);
    for (const bucket of bucketsOf(sig)) added.push([bucket, day, incident.rowid]);
  }
  const byKey = (a: readonly number[], b: readonly number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const drop = cached(db, 'DELETE FROM incident_lsh WHERE bucket = ? AND day = ? AND incident_rowid = ?');
  for (const key of dropped.sort(byKey)) drop.run(...key);
  const clear = cached(db, 'DELETE FROM incident_signatures WHERE incident_rowid = ?');
  for (const rowid of cleared) clear.run(rowid);
  const fewer = cached(db, 'UPDATE shingle_frequency SET docs = docs + ? WHERE hash = ?');
  const more = cached(db, 'INSERT INTO shingle_frequency (hash, docs) VALUES (?, ?) ON CONFLICT(hash) DO UPDATE SET docs = docs + excluded.docs');
  for (const [hash, { delta, added: isAdded }] of [...frequency].sort((a, b) => a[0] - b[0])) {
    if (isAdded) more.run(hash, delta);
    else fewer.run(delta, hash);
  }
  const sign = cached(db, 'INSERT INTO incident_signatures (incident_rowid, found_at, sig, shingles) VALUES (?, ?, ?, ?)');
  for (const row of signed) sign.run(...row);
  const add = cached(db, 'INSERT OR IGNORE INTO incident_lsh (bucket, day, incident_rowid) VALUES (?, ?, ?)');
  for (const key of added.sort(byKey)) add.run(...key);
}
