import type { CommonIssue, Recurrence } from '../../../shared/api/similarity.js';
import type { Db } from '../db/open.js';
import { loadNames, type Names } from '../digest/names.js';
import { cached } from '../ledger/statements.js';
import { closedAtOf } from './closed-at.js';
import { clusterProfiles } from './cluster.js';
import { MIN_GROUP } from './common-issues.js';
import { describeGroup } from './describe.js';
import { reasonOf } from './explain.js';
import { HASHES } from './minhash.js';
import { type Profile, periodProfiles, profilesByRowid, shingleNames, textsOf } from './profile.js';
import { RECURRENCE_DAYS } from './recurrence.js';
import { compare, SAME_MATTER, scoreOf } from './score.js';
import { weigher, type Weigher } from './weights.js';

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
 * period's buckets held in memory (one map per hash function, keyed by the least hash as a small integer), the
 * signatures of the closed incidents of the year before streamed past them once. Only the closed incidents met
 * that way have their closing time read, and only each incident's best match is explained.
 */
function suspected(db: Db, profiles: readonly Profile[], range: { start: string; end: string }, weigh: Weigher, names: Names): Recurrence[] {
  const undecided = new Set(
    cached(
      db,
      `SELECT i.rowid FROM incidents i WHERE i.deleted = 0 AND i.found_at >= ? AND i.found_at < ? AND i.recurrence_of IS NULL AND i.recurrence_dismissed = 0`,
    ).pluck().all(range.start, range.end) as number[],
  );
  const byBucket = Array.from({ length: HASHES }, () => new Map<number, number[]>());
  let any = false;
  profiles.forEach((p, index) => {
    if (!undecided.has(p.rowid)) return;
    any = true;
    p.sig.forEach((value, h) => {
      const list = byBucket[h]!.get(value | 0);
      if (list) list.push(index);
      else byBucket[h]!.set(value | 0, [index]);
    });
  });
  if (!any) return [];
  const closed = cached(
    db,
    `SELECT s.incident_rowid, s.sig FROM incidents i INDEXED BY incidents_live_status
     JOIN incident_signatures s ON s.incident_rowid = i.rowid
     WHERE i.deleted = 0 AND i.status = 'closed' AND i.found_at >= ? AND i.found_at < ?`,
  ).raw();
  const since = new Date(Date.parse(range.start) - LOOK_BACK_MS).toISOString();
  // Pairs (period incident, closed incident) sharing at least two buckets are scored exactly.
  const pairs = new Map<number, Map<number, number>>();
  const shared = new Map<number, number>();
  for (const [rowid, sig] of closed.iterate(since, range.end) as IterableIterator<[number, Buffer]>) {
    shared.clear();
    for (let h = 0; h < HASHES; h += 1) {
      for (const index of byBucket[h]!.get(sig.readInt32LE(h * 4)) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    let members: Map<number, number> | undefined;
    for (const [index, n] of shared) {
      if (n < 2) continue;
      members ??= new Map();
      members.set(index, n);
    }
    if (members) pairs.set(rowid, members);
  }
  const best = new Map<number, { earlier: Profile; score: number }>();
  for (const earlier of profilesByRowid(db, [...pairs.keys()], weigh)) {
    const closedAt = Date.parse(closedAtOf(db, earlier.id) ?? '');
    for (const index of pairs.get(earlier.rowid)!.keys()) {
      const later = profiles[index]!;
      if (earlier.foundAt >= later.foundAt) continue;
      if (!(closedAt >= Date.parse(later.foundAt) - RECURRENCE_DAYS * DAY_MS && closedAt <= Date.parse(later.foundAt))) continue;
      const score = scoreOf(later, earlier);
      if (score < SAME_MATTER) continue;
      const current = best.get(index);
      if (!current || score > current.score) best.set(index, { earlier, score });
    }
  }
  const chosen = [...best].sort((a, b) => a[0] - b[0]);
  const texts = textsOf(db, [...chosen.map(([index]) => profiles[index]!), ...chosen.map(([, { earlier }]) => earlier)]);
  return chosen.map(([index, { earlier }]) => {
    const p = profiles[index]!;
    const text = texts.get(p.rowid);
    const reason = reasonOf(compare(p, earlier, shingleNames(text?.text ?? '')), p, names);
    return { number: p.number, title: text?.title ?? '', foundAt: p.foundAt, of: { number: earlier.number, title: texts.get(earlier.rowid)?.title ?? '' }, confirmed: false, reason };
  });
}
