import type { CommonIssue, Recurrence } from '../../../shared/api/similarity.js';
import type { Db } from '../db/open.js';
import { loadNames, type Names } from '../digest/names.js';
import { cached } from '../ledger/statements.js';
import { CLOSED_AT_SQL } from './closed-at.js';
import { clusterProfiles } from './cluster.js';
import { MIN_GROUP } from './common-issues.js';
import { describeGroup } from './describe.js';
import { reasonOf } from './explain.js';
import { bucketsOf, fromBlob } from './minhash.js';
import { type Profile, periodProfiles, profilesByRowid } from './profile.js';
import { RECURRENCE_DAYS } from './recurrence.js';
import { compare, SAME_MATTER } from './score.js';
import { weigher, type Weigh } from './weights.js';

// What a report (周报/月报/年报) says about 共性问题 and 反弹, from one read of the period's signatures.

const DAY_MS = 86_400_000;
/** A closed matter may be looked back to among incidents found this long before the period. */
const LOOK_BACK_MS = 365 * DAY_MS;

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
 * The period's undecided incidents that look like a matter closed within RECURRENCE_DAYS before them: the
 * period's buckets held in memory, the closed incidents of the year before streamed past them once.
 */
function suspected(db: Db, profiles: readonly Profile[], range: { start: string; end: string }, weigh: Weigh, names: Names): Recurrence[] {
  const undecided = new Set(
    cached(
      db,
      `SELECT i.rowid FROM incidents i WHERE i.deleted = 0 AND i.found_at >= ? AND i.found_at < ? AND i.recurrence_of IS NULL AND i.recurrence_dismissed = 0`,
    ).pluck().all(range.start, range.end) as number[],
  );
  const byBucket = new Map<number, number[]>();
  profiles.forEach((p, index) => {
    if (!undecided.has(p.rowid)) return;
    for (const bucket of bucketsOf(p.sig)) {
      const list = byBucket.get(bucket);
      if (list) list.push(index);
      else byBucket.set(bucket, [index]);
    }
  });
  if (byBucket.size === 0) return [];
  const closed = cached(
    db,
    `SELECT s.incident_rowid AS rowid, s.sig, ${CLOSED_AT_SQL} AS closed_at FROM incidents i INDEXED BY incidents_live_status
     JOIN incident_signatures s ON s.incident_rowid = i.rowid
     WHERE i.deleted = 0 AND i.status = 'closed' AND i.found_at >= ? AND i.found_at < ?`,
  );
  const since = new Date(Date.parse(range.start) - LOOK_BACK_MS).toISOString();
  // Pairs (period incident, closed incident) sharing at least two buckets are scored exactly.
  const pairs = new Map<number, { closedAt: string; members: Map<number, number> }>();
  for (const row of closed.iterate(since, range.end) as IterableIterator<{ rowid: number; sig: Buffer; closed_at: string }>) {
    const shared = new Map<number, number>();
    for (const bucket of bucketsOf(fromBlob(row.sig))) {
      for (const index of byBucket.get(bucket) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    for (const [index, n] of shared) if (n < 2) shared.delete(index);
    if (shared.size > 0) pairs.set(row.rowid, { closedAt: row.closed_at, members: shared });
  }
  const best = new Map<number, { earlier: Profile; score: number; reason: string }>();
  const earlierProfiles = profilesByRowid(db, [...pairs.keys()], weigh);
  for (const earlier of earlierProfiles) {
    const { closedAt, members } = pairs.get(earlier.rowid)!;
    for (const index of members.keys()) {
      const later = profiles[index]!;
      if (earlier.foundAt >= later.foundAt) continue;
      if (Date.parse(closedAt) < Date.parse(later.foundAt) - RECURRENCE_DAYS * DAY_MS || closedAt > later.foundAt) continue;
      const match = compare(later, earlier);
      if (match.score < SAME_MATTER) continue;
      const current = best.get(index);
      if (!current || match.score > current.score) best.set(index, { earlier, score: match.score, reason: reasonOf(match, later, names) });
    }
  }
  return [...best]
    .sort((a, b) => a[0] - b[0])
    .map(([index, { earlier, reason }]) => {
      const p = profiles[index]!;
      return { number: p.number, title: p.title, foundAt: p.foundAt, of: { number: earlier.number, title: earlier.title }, confirmed: false, reason };
    });
}
