import type { CommonIssue } from '../../../shared/api/similarity.js';
import type { Db } from '../db/open.js';
import { getIncident } from '../ledger/incidents.js';
import { commonIssuesBetween } from './common-issues.js';

// The 共性问题 an incident belongs to, as its page shows it ("同一问题的其他 11 起"): the groups of the incidents
// found within three weeks either side of it.

const AROUND_MS = 21 * 86_400_000;

export function sameIssueOf(db: Db, ref: string, nowMs: number): { issue: CommonIssue | null } {
  const incident = getIncident(db, ref);
  const at = Date.parse(incident.foundAt);
  const range = { start: new Date(at - AROUND_MS).toISOString(), end: new Date(at + AROUND_MS).toISOString(), asOf: new Date(nowMs).toISOString() };
  return { issue: commonIssuesBetween(db, range).find((g) => g.incidentIds.includes(incident.id)) ?? null };
}
