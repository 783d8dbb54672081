import type { IncidentStatus } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { fromBlob, hash32 } from './minhash.js';
import { shinglesOf } from './shingles.js';
import type { Weigher } from './weights.js';

// An incident as similarity sees it: its shingles with their weights (sorted, for merging two sets in one pass),
// and the facts that support a text match — categories, lead unit, township, time. Its title and summary are not
// part of it: reading every text of a month costs more than all the comparing; the few a label or a reason needs
// are read by textsOf.

export interface Profile {
  rowid: number;
  id: string;
  number: string;
  foundAt: string;
  /** foundAt in milliseconds, parsed once: pairs compare it thousands of times. */
  foundMs: number;
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
  /**
   * Only the shingles that weigh anything, hashes sorted, each with its weight: what two texts share is summed over
   * these (a weightless shingle adds nothing, and one weigher weighs a hash alike in both).
   */
  tellingHashes: Uint32Array;
  tellingWeights: Float64Array;
}

export interface ProfileRow {
  rowid: number;
  id: string;
  number: string;
  found_at: string;
  status: IncidentStatus;
  categories: string;
  lead_unit_id: string | null;
  township_id: string | null;
  sig: Buffer;
  shingles: Buffer;
}

export const PROFILE_COLUMNS = `i.rowid AS rowid, i.id, i.number, s.found_at, i.status, i.categories, i.lead_unit_id, i.township_id, s.sig, s.shingles`;

const hashesOf = (blob: Buffer) => new Uint32Array(new Uint8Array(blob).buffer);

/** The shingles of a text with their hashes, by hash: what a hash in a profile stands for, to show it. */
export function shingleNames(text: string): Map<number, string> {
  const [title = '', ...rest] = text.split('\n');
  return new Map(shinglesOf(title, rest.join('\n')).map((s) => [hash32(s), s]));
}

/**
 * The words of some of a text's shingle hashes (`wanted`), as shingleNames would name them: each pair of
 * neighbouring characters hashed as the tokenizer hashes a bigram — far cheaper than tokenizing, which a report
 * explaining hundreds of 反弹 would do for every one — and the tokenizer itself only for what that leaves unnamed
 * (a word in Latin letters).
 */
export function shingleNamesOf(text: string, wanted: readonly number[]): Map<number, string> {
  const names = new Map<number, string>();
  if (wanted.length === 0) return names;
  const sought = new Set(wanted);
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length && names.size < sought.size; i += 1) {
    const pair = chars[i]! + chars[i + 1]!;
    const hash = hash32(pair);
    if (sought.has(hash) && !names.has(hash)) names.set(hash, pair);
  }
  if (names.size < sought.size) for (const [hash, word] of shingleNames(text)) if (sought.has(hash) && !names.has(hash)) names.set(hash, word);
  return names;
}

/** The telling part of a profile's shingles (see Profile.tellingHashes). */
export function tellingOf(hashes: Uint32Array, weights: Float64Array): Pick<Profile, 'tellingHashes' | 'tellingWeights'> {
  let n = 0;
  for (let i = 0; i < weights.length; i += 1) if (weights[i]! > 0) n += 1;
  const tellingHashes = new Uint32Array(n);
  const tellingWeights = new Float64Array(n);
  for (let i = 0, k = 0; i < weights.length; i += 1) {
    if (!(weights[i]! > 0)) continue;
    tellingHashes[k] = hashes[i]!;
    tellingWeights[k] = weights[i]!;
    k += 1;
  }
  return { tellingHashes, tellingWeights };
}

/** `draft`: the shingle hashes of a text not in the index that this profile will be compared with (see Weigher). */
function toProfile(row: ProfileRow, hashes: Uint32Array, weigh: Weigher, draft?: ReadonlySet<number>): Profile {
  const weights = new Float64Array(hashes.length);
  let total = 0;
  let telling = 0;
  for (let i = 0; i < hashes.length; i += 1) {
    const w = weigh.weight(hashes[i]!, draft?.has(hashes[i]!) ? 1 : 0);
    weights[i] = w;
    total += w;
    if (w > 0) telling += 1;
  }
  const sig = fromBlob(row.sig);
  return {
    rowid: row.rowid,
    id: row.id,
    number: row.number,
    foundAt: row.found_at,
    foundMs: Date.parse(row.found_at),
    status: row.status,
    categories: JSON.parse(row.categories) as string[],
    leadUnitId: row.lead_unit_id,
    townshipId: row.township_id,
    sig,
    hashes,
    weights,
    total,
    telling,
    ...tellingOf(hashes, weights),
  };
}

function toProfiles(rows: readonly ProfileRow[], weigh: Weigher, draft?: ReadonlySet<number>): Profile[] {
  const hashes = rows.map((r) => hashesOf(r.shingles));
  weigh.load(hashes);
  return rows.map((r, i) => toProfile(r, hashes[i]!, weigh, draft));
}

/** The incidents found in [from, to) that have a signature (some text to compare), oldest first. */
export function periodProfiles(db: Db, from: string, to: string, weigh: Weigher): Profile[] {
  const rows = cached(
    db,
    `SELECT ${PROFILE_COLUMNS} FROM incident_signatures s INDEXED BY incident_signatures_found
     JOIN incidents i ON i.rowid = s.incident_rowid
     WHERE s.found_at >= ? AND s.found_at < ? AND i.deleted = 0 ORDER BY s.found_at, i.rowid`,
  ).all(from, to) as ProfileRow[];
  return toProfiles(rows, weigh);
}

/** The profiles of the given incidents, in the order given (those without text or deleted left out), in one read. */
export function profilesByRowid(db: Db, rowids: readonly number[], weigh: Weigher, draft?: ReadonlySet<number>): Profile[] {
  if (rowids.length === 0) return [];
  const rows = cached(
    db,
    `SELECT ${PROFILE_COLUMNS} FROM json_each(?) j JOIN incident_signatures s ON s.incident_rowid = j.value
     JOIN incidents i ON i.rowid = s.incident_rowid WHERE i.deleted = 0 ORDER BY j.key`,
  ).all(JSON.stringify(rowids)) as ProfileRow[];
  return toProfiles(rows, weigh, draft);
}

/** Title and summary of each profile, as one text (title on the first line), by rowid. */
export function textsOf(db: Db, profiles: readonly Pick<Profile, 'rowid'>[]): Map<number, { title: string; text: string }> {
  const one = cached(db, 'SELECT title, summary FROM incidents WHERE rowid = ?');
  const texts = new Map<number, { title: string; text: string }>();
  for (const { rowid } of profiles) {
    const row = one.get(rowid) as { title: string; summary: string } | undefined;
    if (row) texts.set(rowid, { title: row.title, text: `${row.title}\n${row.summary}` });
  }
  return texts;
}
