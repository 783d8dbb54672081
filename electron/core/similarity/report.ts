import type { CommonIssue, Recurrence } from '../../../shared/api/similarity.js';
import type { Db } from '../db/open.js';
import { loadNames, type Names } from '../digest/names.js';
import { cached } from '../ledger/statements.js';
import { closedAtOf } from './closed-at.js';
import { clusterProfiles } from './cluster.js';
import { MIN_GROUP } from './common-issues.js';
import { describeGroup } from './describe.js';
import { reasonOf } from './explain.js';
import { bucketsOf } from './minhash.js';
import { type Profile, periodProfiles, profilesByRowid, shingleNamesOf, textsOf } from './profile.js';
import { RECURRENCE_DAYS } from './recurrence.js';
import { compare, SAME_MATTER, scoreOf, sharedTelling } from './score.js';
import { involvedOf, sameSubject } from './same-subject.js';
import { dayOf } from './signatures.js';
import { weigher, type Weigher } from './weights.js';

// What a report (周报/月报/年报) says about 共性问题 and 反弹, from one read of the period's signatures.

const DAY_MS = 86_400_000;
/** A closed matter may be looked back to among incidents found this many days before the period. */
const LOOK_BACK_DAYS = 365;
/** Earlier incidents read per bucket: those found nearest before the period. */
const PER_BUCKET = 16;
/** Earlier incidents scored per period incident, those sharing most MinHash buckets with it. */
const CANDIDATES = 16;

export function reportSimilarity(db: Db, range: { start: string; end: string; asOf: string }): { commonIssues: CommonIssue[]; recurrences: Recurrence[] } {
  const weigh = weigher(db);
  const names = loadNames(db);
  const profiles = periodProfiles(db, range.start, range.end, weigh);
  const commonIssues = clusterProfiles(profiles, MIN_GROUP).map((group) =>
    describeGroup(
      db,
      group.map((i) => profiles[i]!),
      names,
      range.asOf,
    ),
  );
  return { commonIssues, recurrences: [...confirmed(db, range), ...suspected(db, profiles, range, weigh, names)] };
}

function confirmed(db: Db, range: { start: string; end: string }): Recurrence[] {
  const rows = cached(
    db,
    `SELECT i.number, i.title, i.found_at, e.number AS of_number, e.title AS of_title FROM incidents i JOIN incidents e ON e.id = i.recurrence_of
     WHERE i.recurrence_of IS NOT NULL AND i.deleted = 0 AND i.found_at >= ? AND i.found_at < ? ORDER BY i.found_at, i.number`,
  ).all(range.start, range.end) as { number: string; title: string; found_at: string; of_number: string; of_title: string }[];
  return rows.map((r) => ({ number: r.number, title: r.title, foundAt: r.found_at, of: { number: r.of_number, title: r.of_title }, confirmed: true, reason: '' }));
}

/**
 * The period's undecided incidents that look like a matter closed within RECURRENCE_DAYS before them. Earlier
 * incidents are found through the LSH index, in one query for the whole period: for each bucket of the period's
 * undecided incidents, the PER_BUCKET incidents found nearest before the period (a year back at most) — the work
 * grows with the period, not with the ledger. Incidents closed within the period itself are among its profiles
 * (again the PER_BUCKET found nearest before each incident).
 * Each incident's CANDIDATES sharing most buckets with it (at least two) are scored; a pair alike enough about the
 * same subject (same-subject.ts) has its closing time read; only each incident's best match is explained.
 */
function suspected(db: Db, profiles: readonly Profile[], range: { start: string; end: string }, weigh: Weigher, names: Names): Recurrence[] {
  const undecided = new Set(
    cached(
      db,
      `SELECT i.rowid FROM incidents i WHERE i.deleted = 0 AND i.found_at >= ? AND i.found_at < ? AND i.recurrence_of IS NULL AND i.recurrence_dismissed = 0`,
    ).pluck().all(range.start, range.end) as number[],
  );
  const later = profiles.flatMap((p, index) => (undecided.has(p.rowid) ? [index] : []));
  if (later.length === 0) return [];
  const buckets = new Set<number>();
  for (const index of later) for (const bucket of bucketsOf(profiles[index]!.sig)) buckets.add(bucket);
  const startDay = dayOf(range.start);
  // Per bucket, the day of its PER_BUCKET-th nearest member before the period (read once per bucket), from which
  // its members are read — as one row per bucket with its members listed (a row per member costs twice as much).
  const nearest = cached(
    db,
    `WITH b AS MATERIALIZED (
       SELECT value AS bucket, coalesce((SELECT day FROM incident_lsh WHERE bucket = value AND day >= @from AND day < @to
         ORDER BY day DESC LIMIT 1 OFFSET ${PER_BUCKET - 1}), @from) AS edge FROM json_each(@buckets))
     SELECT b.bucket, (SELECT group_concat(l.incident_rowid) FROM incident_lsh l WHERE l.bucket = b.bucket AND l.day >= b.edge AND l.day < @to) FROM b`,
  ).raw();
  const before = new Map<number, number[]>();
  for (const [bucket, members] of nearest.all({ buckets: JSON.stringify([...buckets]), from: startDay - LOOK_BACK_DAYS, to: startDay }) as [number, string | null][]) {
    if (members !== null) before.set(bucket, members.split(',').map(Number));
  }
  // The period's own closed incidents by bucket, in time order: an incident meets the PER_BUCKET before it.
  const within = new Map<number, number[]>();
  profiles.forEach((p, index) => {
    if (p.status !== 'closed') return;
    for (const bucket of bucketsOf(p.sig)) {
      const list = within.get(bucket);
      if (list) list.push(index);
      else within.set(bucket, [index]);
    }
  });

  // Per period incident, the earlier incidents sharing most buckets with it (nearest first on a tie).
  // Counted in an array by rowid, with the rowids met listed (a Map's hashing was the most of this loop's cost).
  const pairs = new Map<number, number[]>();
  let top = 0;
  for (const members of before.values()) for (const rowid of members) top = Math.max(top, rowid);
  for (const p of profiles) top = Math.max(top, p.rowid);
  const shared = new Int32Array(top + 1);
  const met: number[] = [];
  const meet = (rowid: number) => {
    const n = shared[rowid]!;
    if (n === 0) met.push(rowid);
    shared[rowid] = n + 1;
  };
  for (const index of later) {
    for (const rowid of met) shared[rowid] = 0;
    met.length = 0;
    for (const bucket of bucketsOf(profiles[index]!.sig)) {
      for (const rowid of before.get(bucket) ?? []) meet(rowid);
      const closedHere = within.get(bucket);
      if (!closedHere) continue;
      let end = 0; // the first entry not before the incident (the list is ascending)
      for (let hi = closedHere.length; end < hi; ) {
        const mid = (end + hi) >>> 1;
        if (closedHere[mid]! < index) end = mid + 1;
        else hi = mid;
      }
      for (let k = Math.max(0, end - PER_BUCKET); k < end; k += 1) meet(profiles[closedHere[k]!]!.rowid);
    }
    const chosen = met
      .flatMap((rowid): [number, number][] => (shared[rowid]! >= 2 ? [[rowid, shared[rowid]!]] : []))
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, CANDIDATES);
    for (const [rowid] of chosen) {
      const members = pairs.get(rowid);
      if (members) members.push(index);
      else pairs.set(rowid, [index]);
    }
  }
  const best = new Map<number, { earlier: Profile; score: number }>();
  const inPeriod = new Map(profiles.map((p) => [p.rowid, p]));
  const outside = [...pairs.keys()].filter((rowid) => !inPeriod.has(rowid)).sort((a, b) => a - b);
  const earlierProfiles = [...profilesByRowid(db, outside, weigh), ...[...pairs.keys()].flatMap((rowid) => inPeriod.get(rowid) ?? [])];
  for (const earlier of earlierProfiles) {
    if (earlier.status !== 'closed') continue;
    // The closing time is read from the status history only for a pair that would otherwise be the best so far.
    let closedAt: number | undefined;
    for (const index of pairs.get(earlier.rowid)!) {
      const p = profiles[index]!;
      if (earlier.foundAt >= p.foundAt) continue;
      const score = scoreOf(p, earlier);
      if (score < SAME_MATTER) continue;
      const current = best.get(index);
      if (current && !(score > current.score || (score === current.score && earlier.rowid < current.earlier.rowid))) continue;
      if (!sameSubject({ townshipId: p.townshipId, involved: involvedOf(db, p.rowid) }, { townshipId: earlier.townshipId, involved: involvedOf(db, earlier.rowid) })) continue;
      closedAt ??= Date.parse(closedAtOf(db, earlier.id) ?? '');
      if (!(closedAt >= p.foundMs - RECURRENCE_DAYS * DAY_MS && closedAt <= p.foundMs)) continue;
      best.set(index, { earlier, score });
    }
  }
  const chosen = [...best].sort((a, b) => a[0] - b[0]);
  const texts = textsOf(db, [...chosen.map(([index]) => profiles[index]!), ...chosen.map(([, { earlier }]) => earlier)]);
  return chosen.map(([index, { earlier }]) => {
    const p = profiles[index]!;
    const text = texts.get(p.rowid);
    const reason = reasonOf(compare(p, earlier, shingleNamesOf(text?.text ?? '', sharedTelling(p, earlier))), p, names);
    return { number: p.number, title: text?.title ?? '', foundAt: p.foundAt, of: { number: earlier.number, title: texts.get(earlier.rowid)?.title ?? '' }, confirmed: false, reason };
  });
}
