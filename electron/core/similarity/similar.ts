import type { SimilarIncident } from '../../../shared/api/similarity.js';
import type { Db } from '../db/open.js';
import { loadNames } from '../digest/names.js';
import { getIncident } from '../ledger/incidents.js';
import { cached } from '../ledger/statements.js';
import { reasonOf } from './explain.js';
import { bucketsOf } from './minhash.js';
import { type Profile, profilesByRowid } from './profile.js';
import { compare, SAME_MATTER } from './score.js';
import { dayOf } from './signatures.js';
import { type Weigh, weigher } from './weights.js';

// The incidents like one incident, through the LSH index (incident_lsh): those sharing a MinHash bucket with it,
// nearest in time first, ranked by how many buckets they share, then scored exactly and explained.

/** Similar incidents are looked for within this many days either side (older ones are 反弹, see recurrence.ts). */
export const WINDOW_DAYS = 180;
/** Members read per bucket and direction: a matter posted hundreds of times is still found through its nearest. */
const PER_BUCKET = 40;
/** Candidates scored exactly, most shared buckets first. */
const SCORED = 80;

export function candidateRowids(db: Db, sig: Uint32Array, days: { from: number; to: number; around: number }, exclude: number): number[] {
  const after = cached(db, 'SELECT incident_rowid FROM incident_lsh WHERE bucket = ? AND day >= ? AND day <= ? ORDER BY day LIMIT ?');
  const before = cached(db, 'SELECT incident_rowid FROM incident_lsh WHERE bucket = ? AND day >= ? AND day < ? ORDER BY day DESC LIMIT ?');
  const shared = new Map<number, number>();
  for (const bucket of bucketsOf(sig)) {
    const rows = [
      ...(after.pluck().all(bucket, days.around, days.to, PER_BUCKET) as number[]),
      ...(before.pluck().all(bucket, days.from, days.around, PER_BUCKET) as number[]),
    ];
    for (const rowid of rows) if (rowid !== exclude) shared.set(rowid, (shared.get(rowid) ?? 0) + 1);
  }
  return [...shared]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, SCORED)
    .map(([rowid]) => rowid);
}

export function rankSimilar(
  db: Db,
  target: Profile,
  rowids: readonly number[],
  weigh: Weigh,
  keep: (p: Profile) => boolean,
  draft?: ReadonlySet<number>,
): SimilarIncident[] {
  const names = loadNames(db);
  return profilesByRowid(db, rowids, weigh, draft)
    .filter(keep)
    .map((p) => ({ p, match: compare(target, p) }))
    .filter(({ match }) => match.score >= SAME_MATTER)
    .sort((a, b) => b.match.score - a.match.score || a.p.foundAt.localeCompare(b.p.foundAt))
    .map(({ p, match }) => ({
      incidentId: p.id,
      number: p.number,
      title: p.title,
      status: p.status,
      foundAt: p.foundAt,
      score: Math.round(match.score * 1000) / 1000,
      reason: reasonOf(match, target, names),
    }));
}

export function targetProfile(db: Db, ref: string, weigh: Weigh): Profile | undefined {
  const incident = getIncident(db, ref);
  const rowid = (cached(db, 'SELECT rowid FROM incidents WHERE id = ?').pluck().get(incident.id) as number);
  return profilesByRowid(db, [rowid], weigh)[0];
}

export function listSimilar(db: Db, query: { incident: string; limit: number }): SimilarIncident[] {
  const weigh = weigher(db);
  const target = targetProfile(db, query.incident, weigh);
  if (!target) return []; // no text to compare
  const day = dayOf(target.foundAt);
  const rowids = candidateRowids(db, target.sig, { from: day - WINDOW_DAYS, to: day + WINDOW_DAYS, around: day }, target.rowid);
  return rankSimilar(db, target, rowids, weigh, () => true).slice(0, query.limit);
}
