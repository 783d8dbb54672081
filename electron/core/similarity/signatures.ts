import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { bucketsOf, signatureOf, toBlob } from './minhash.js';
import { shinglesOf } from './shingles.js';

// The derived similarity rows of one incident, rebuilt by the apply path whenever its title, summary, found_at or
// deletion mark changes (locally or by sync, see ledger/derived.ts), like the search index.

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
  const old = cached(db, 'SELECT found_at, sig FROM incident_signatures WHERE incident_rowid = ?').get(incident.rowid) as
    | { found_at: string; sig: Buffer }
    | undefined;
  if (old) {
    const day = dayOf(old.found_at);
    const drop = cached(db, 'DELETE FROM incident_lsh WHERE bucket = ? AND day = ? AND incident_rowid = ?');
    const sig = new Uint32Array(new Uint8Array(old.sig).buffer);
    for (const bucket of bucketsOf(sig)) drop.run(bucket, day, incident.rowid);
    cached(db, 'DELETE FROM incident_signatures WHERE incident_rowid = ?').run(incident.rowid);
  }
  if (incident.deleted === 1 || !incident.found_at) return;
  const shingles = shinglesOf(incident.title, incident.summary);
  if (shingles.length === 0) return;
  const sig = signatureOf(shingles);
  cached(db, 'INSERT INTO incident_signatures (incident_rowid, found_at, sig) VALUES (?, ?, ?)').run(incident.rowid, incident.found_at, toBlob(sig));
  const add = cached(db, 'INSERT OR IGNORE INTO incident_lsh (bucket, day, incident_rowid) VALUES (?, ?, ?)');
  const day = dayOf(incident.found_at);
  for (const bucket of bucketsOf(sig)) add.run(bucket, day, incident.rowid);
}

