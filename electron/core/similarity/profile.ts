import type { IncidentStatus } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { fromBlob, hash32 } from './minhash.js';
import { shinglesOf } from './shingles.js';
import type { Weigh } from './weights.js';

// An incident as similarity sees it: its shingles with their weights (sorted, for merging two sets in one pass),
// and the facts that support a text match — categories, lead unit, township, time.

export interface Profile {
  rowid: number;
  id: string;
  number: string;
  title: string;
  /** Title and summary, for finding how a group writes its words. */
  text: string;
  foundAt: string;
  status: IncidentStatus;
  categories: string[];
  leadUnitId: string | null;
  townshipId: string | null;
  sig: Uint32Array;
  /** The shingles' hashes, sorted (as stored beside the signature), and each one's weight. */
  hashes: Uint32Array;
  weights: Float64Array;
  total: number;
  /** How many shingles weigh anything. */
  telling: number;
}

export interface ProfileRow {
  rowid: number;
  id: string;
  number: string;
  title: string;
  summary: string;
  found_at: string;
  status: IncidentStatus;
  categories: string;
  lead_unit_id: string | null;
  township_id: string | null;
  sig: Buffer;
  shingles: Buffer;
}

export const PROFILE_COLUMNS = `i.rowid AS rowid, i.id, i.number, i.title, i.summary, i.found_at, i.status, i.categories, i.lead_unit_id,
  i.township_id, s.sig, s.shingles`;

const hashesOf = (blob: Buffer) => new Uint32Array(new Uint8Array(blob).buffer);

/** The shingles of a text with their hashes, by hash: what a hash in a profile stands for, to show it. */
export function shingleNames(text: string): Map<number, string> {
  const [title = '', ...rest] = text.split('\n');
  return new Map(shinglesOf(title, rest.join('\n')).map((s) => [hash32(s), s]));
}

/** `draft`: the shingle hashes of a text not in the index that this profile will be compared with (see Weigh). */
export function toProfile(row: ProfileRow, weigh: Weigh, draft?: ReadonlySet<number>): Profile {
  const hashes = hashesOf(row.shingles);
  const weights = Float64Array.from(hashes, (h) => weigh(h, draft?.has(h) ? 1 : 0));
  let total = 0;
  let telling = 0;
  for (const w of weights) {
    total += w;
    if (w > 0) telling += 1;
  }
  return {
    rowid: row.rowid,
    id: row.id,
    number: row.number,
    title: row.title,
    text: `${row.title}\n${row.summary}`,
    foundAt: row.found_at,
    status: row.status,
    categories: JSON.parse(row.categories) as string[],
    leadUnitId: row.lead_unit_id,
    townshipId: row.township_id,
    sig: fromBlob(row.sig),
    hashes,
    weights,
    total,
    telling,
  };
}

/** The incidents found in [from, to) that have a signature (some text to compare), oldest first. */
export function periodProfiles(db: Db, from: string, to: string, weigh: Weigh): Profile[] {
  const rows = cached(
    db,
    `SELECT ${PROFILE_COLUMNS} FROM incident_signatures s INDEXED BY incident_signatures_found
     JOIN incidents i ON i.rowid = s.incident_rowid
     WHERE s.found_at >= ? AND s.found_at < ? AND i.deleted = 0 ORDER BY s.found_at, i.rowid`,
  ).all(from, to) as ProfileRow[];
  return rows.map((r) => toProfile(r, weigh));
}

export function profilesByRowid(db: Db, rowids: readonly number[], weigh: Weigh, draft?: ReadonlySet<number>): Profile[] {
  const one = cached(db, `SELECT ${PROFILE_COLUMNS} FROM incident_signatures s JOIN incidents i ON i.rowid = s.incident_rowid WHERE s.incident_rowid = ? AND i.deleted = 0`);
  return rowids.flatMap((rowid) => {
    const row = one.get(rowid) as ProfileRow | undefined;
    return row ? [toProfile(row, weigh, draft)] : [];
  });
}
