import type { CommonIssue } from '../../../shared/api/similarity.js';
import { RESPONSE_METHOD_LABELS, type ResponseMethod } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import type { Names } from '../digest/names.js';
import { cached } from '../ledger/statements.js';
import { labelWords } from './label.js';
import { type Profile, textsOf } from './profile.js';

// A group as people read it: label, where, who leads, which categories, when, and how far it has been answered.

function byFrequency(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([v]) => v);
}

/** Labelled from at most LABEL_SAMPLE members spread over the group: a matter posted 140 times reads the same. */
const LABEL_SAMPLE = 24;
function labelOf(db: Db, members: readonly Profile[]): string {
  const step = Math.max(1, Math.ceil(members.length / LABEL_SAMPLE));
  const sample = members.filter((_p, i) => i % step === 0);
  const texts = textsOf(db, sample);
  return labelWords(sample, sample.map((p) => texts.get(p.rowid)?.text ?? '')).join(' ') || (texts.get(members[0]!.rowid)?.title ?? '');
}

type ResponseRow = { incident_id: string; method: ResponseMethod; group_id: string | null };

/** The responses made before asOf to each member, in one read for the group. */
function responsesOf(db: Db, members: readonly Profile[], asOf: string): Map<string, ResponseRow[]> {
  const rows = cached(
    db,
    `SELECT r.incident_id, r.method, r.group_id FROM json_each(?) j JOIN responses r ON r.incident_id = j.value
     WHERE r.deleted = 0 AND r.at < ? ORDER BY j.key, r.at, r.id`,
  ).all(JSON.stringify(members.map((p) => p.id)), asOf) as ResponseRow[];
  const by = new Map<string, ResponseRow[]>();
  for (const row of rows) {
    const list = by.get(row.incident_id);
    if (list) list.push(row);
    else by.set(row.incident_id, [row]);
  }
  return by;
}

export function describeGroup(db: Db, members: readonly Profile[], names: Names, asOf: string): CommonIssue {
  const made = responsesOf(db, members, asOf);
  let answered = 0;
  let jointly = 0;
  const methods = new Map<ResponseMethod, number>();
  for (const p of members) {
    const responses = made.get(p.id) ?? [];
    if (responses.length === 0) continue;
    answered += 1;
    if (responses.some((r) => r.group_id !== null)) jointly += 1;
    for (const method of new Set(responses.map((r) => r.method))) methods.set(method, (methods.get(method) ?? 0) + 1);
  }
  return {
    label: labelOf(db, members),
    incidents: members.map((p) => p.number),
    incidentIds: members.map((p) => p.id),
    townships: byFrequency(members.map((p) => names.township(p.townshipId))),
    units: byFrequency(members.map((p) => names.unit(p.leadUnitId))),
    categories: byFrequency(members.flatMap((p) => p.categories.map(names.category))),
    firstAt: members[0]!.foundAt,
    lastAt: members[members.length - 1]!.foundAt,
    answered,
    answeredBy: [...methods]
      .sort((a, b) => b[1] - a[1])
      .map(([method, incidents]) => ({ method: RESPONSE_METHOD_LABELS[method] ?? method, incidents })),
    answeredJointly: jointly,
  };
}
