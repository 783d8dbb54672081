import type { SimilarIncident } from '../../../shared/api/similarity.js';
import type { Db } from '../db/open.js';
import { loadNames } from '../digest/names.js';
import { getIncident } from '../ledger/incidents.js';
import { cached } from '../ledger/statements.js';
import { reasonOf } from './explain.js';
import { bucketsOf } from './minhash.js';
import { type Profile, profilesByRowid, shingleNames, textsOf } from './profile.js';
import { compare, SAME_MATTER, scoreOf } from './score.js';
import { dayOf } from './signatures.js';
import { type Weigher, weigher } from './weights.js';

// The incidents like one incident, through the LSH index (incident_lsh): those sharing a MinHash bucket with it,
// nearest in time first, ranked by how many buckets they share, then scored exactly and explained. Only the
// pairs that reach SAME_MATTER are explained, and only the texts of those shown are read.

/** Similar incidents are looked for within this many days either side (older ones are 反弹, see recurrence.ts). */
export const WINDOW_DAYS = 180;
/** Members read per bucket and direction: a matter posted hundreds of times is still found through its nearest. */
const PER_BUCKET = 40;
/** Candidates scored exactly, most shared buckets first. */
const SCORED = 80;

export function candidateRowids(db: Db, sig: Uint32Array, days: { from: number; to: number; around: number }, exclude: number): number[] {
  const after = cached(db, 'SELECT incident_rowid FROM incident_lsh WHERE bucket = ? AND day >= ? AND day <= ? ORDER BY day LIMIT ?').pluck();
  const before = cached(db, 'SELECT incident_rowid FROM incident_lsh WHERE bucket = ? AND day >= ? AND day < ? ORDER BY day DESC LIMIT ?').pluck();
  const shared = new Map<number, number>();
  const count = (rowid: number) => {
    if (rowid !== exclude) shared.set(rowid, (shared.get(rowid) ?? 0) + 1);
  };
  for (const bucket of bucketsOf(sig)) {
    for (const rowid of after.all(bucket, days.around, days.to, PER_BUCKET) as number[]) count(rowid);
    for (const rowid of before.all(bucket, days.from, days.around, PER_BUCKET) as number[]) count(rowid);
  }
  return [...shared]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, SCORED)
    .map(([rowid]) => rowid);
}

/**
 * The candidates alike enough to `target` (whose text is `targetText`), best first, at most `limit`, each with
 * the reason. `keep` is asked only of those alike enough.
 */
export function rankSimilar(
  db: Db,
  target: Profile,
  targetText: string,
  rowids: readonly number[],
  weigh: Weigher,
  keep: (p: Profile) => boolean,
  limit: number,
  draft?: ReadonlySet<number>,
): SimilarIncident[] {
  const alike = profilesByRowid(db, rowids, weigh, draft)
    .map((p) => ({ p, score: scoreOf(target, p) }))
    .filter(({ p, score }) => score >= SAME_MATTER && keep(p))
    .sort((a, b) => b.score - a.score || a.p.foundAt.localeCompare(b.p.foundAt))
    .slice(0, limit);
  if (alike.length === 0) return [];
  const names = loadNames(db);
  const targetNames = shingleNames(targetText);
  const titles = textsOf(db, alike.map(({ p }) => p));
  return alike.map(({ p }) => {
    const match = compare(target, p, targetNames);
    return {
      incidentId: p.id,
      number: p.number,
      title: titles.get(p.rowid)?.title ?? '',
      status: p.status,
      foundAt: p.foundAt,
      score: Math.round(match.score * 1000) / 1000,
      reason: reasonOf(match, target, names),
    };
  });
}

export function listSimilar(db: Db, query: { incident: string; limit: number }): SimilarIncident[] {
  const incident = getIncident(db, query.incident);
  const rowid = cached(db, 'SELECT rowid FROM incidents WHERE id = ?').pluck().get(incident.id) as number;
  const weigh = weigher(db);
  const target = profilesByRowid(db, [rowid], weigh)[0];
  if (!target) return []; // no text to compare
  const day = dayOf(target.foundAt);
  const rowids = candidateRowids(db, target.sig, { from: day - WINDOW_DAYS, to: day + WINDOW_DAYS, around: day }, target.rowid);
  return rankSimilar(db, target, `${incident.title}\n${incident.summary}`, rowids, weigh, () => true, query.limit);
}
