import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { bucketsOf, hash32, signatureOf, toBlob } from './minhash.js';
import { shinglesOf } from './shingles.js';

// The derived similarity rows of one incident, rebuilt by the apply path whenever its title, summary, found_at or
// deletion mark changes (locally or by sync, see ledger/derived.ts), like the search index: the signature and its
// LSH buckets, and the document frequency of each shingle (by its hash), which weighs what two texts share.

export const DAY_MS = 86_400_000;
export const dayOf = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);

export function refreshSignature(db: Db, incidentId: string): void {
  const incident = cached(db, 'SELECT rowid, title, summary, found_at, deleted FROM incidents WHERE id = ?').get(incidentId) as
    | { rowid: number; title: string; summary: string; found_at: string; deleted: number }
    | undefined;
  if (!incident) return;
  writeSignature(db, incident);
}

function writeSignature(db: Db, incident: { rowid: number; title: string; summary: string; found_at: string; deleted: number }): void {
  const old = cached(db, 'SELECT found_at, sig, shingles FROM incident_signatures WHERE incident_rowid = ?').get(incident.rowid) as
    | { found_at: string; sig: Buffer; shingles: Buffer }
    | undefined;
  if (old) {
    const day = dayOf(old.found_at);
    const drop = cached(db, 'DELETE FROM incident_lsh WHERE bucket = ? AND day = ? AND incident_rowid = ?');
    const sig = new Uint32Array(new Uint8Array(old.sig).buffer);
    for (const bucket of bucketsOf(sig)) drop.run(bucket, day, incident.rowid);
    const fewer = cached(db, 'UPDATE shingle_frequency SET docs = docs - 1 WHERE hash = ?');
    for (const hash of new Uint32Array(new Uint8Array(old.shingles).buffer)) fewer.run(hash);
    cached(db, 'DELETE FROM incident_signatures WHERE incident_rowid = ?').run(incident.rowid);
  }
  if (incident.deleted === 1 || !incident.found_at) return;
  const shingles = shinglesOf(incident.title, incident.summary);
  if (shingles.length === 0) return;
  const sig = signatureOf(shingles);
  const hashes = Uint32Array.from(new Set(shingles.map(hash32))).sort();
  cached(db, 'INSERT INTO incident_signatures (incident_rowid, found_at, sig, shingles) VALUES (?, ?, ?, ?)').run(
    incident.rowid,
    incident.found_at,
    toBlob(sig),
    toBlob(hashes),
  );
  const more = cached(db, 'INSERT INTO shingle_frequency (hash, docs) VALUES (?, 1) ON CONFLICT(hash) DO UPDATE SET docs = docs + 1');
  for (const hash of hashes) more.run(hash);
  const add = cached(db, 'INSERT OR IGNORE INTO incident_lsh (bucket, day, incident_rowid) VALUES (?, ?, ?)');
  const day = dayOf(incident.found_at);
  for (const bucket of bucketsOf(sig)) add.run(bucket, day, incident.rowid);
}

