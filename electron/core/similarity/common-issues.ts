import type { CommonIssue } from '../../../shared/api/similarity.js';
import { chinaWeekStart } from '../../../shared/china-time.js';
import type { Db } from '../db/open.js';
import { loadNames } from '../digest/names.js';
import { clusterProfiles } from './cluster.js';
import { describeGroup } from './describe.js';
import { periodProfiles } from './profile.js';
import { weigher } from './weights.js';

// 共性问题 of a period: groups of at least MIN_GROUP incidents found in [start, end) about one matter, largest first.

export const MIN_GROUP = 3;

export function commonIssuesBetween(db: Db, range: { start: string; end: string; asOf: string }): CommonIssue[] {
  const profiles = periodProfiles(db, range.start, range.end, weigher(db));
  const names = loadNames(db);
  return clusterProfiles(profiles, MIN_GROUP).map((group) =>
    describeGroup(
      db,
      group.map((i) => profiles[i]!),
      names,
      range.asOf,
    ),
  );
}

/** China calendar days `from`..`to` inclusive as the instants [start, end). */
export function chinaDayRange(from: string, to: string): { start: string; end: string } {
  const start = new Date(Date.parse(`${from}T00:00:00+08:00`)).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString();
  return { start, end };
}

export function listCommonIssues(db: Db, query: { from?: string | undefined; to?: string | undefined }, nowMs: number): CommonIssue[] {
  const { start, end } =
    query.from && query.to
      ? chinaDayRange(query.from, query.to)
      : { start: chinaWeekStart(new Date(nowMs).toISOString()), end: new Date(Date.parse(chinaWeekStart(new Date(nowMs).toISOString())) + 7 * 86_400_000).toISOString() };
  return commonIssuesBetween(db, { start, end, asOf: new Date(Math.min(nowMs, Date.parse(end))).toISOString() });
}
