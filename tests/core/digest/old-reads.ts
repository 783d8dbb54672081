import type { Digest, DigestCommitmentItem } from '../../../shared/api/digest.js';
import { chinaDateOf, formatChinaDate } from '../../../shared/china-time.js';
import { compareChinese, compareCodeUnits as cmp } from '../../../shared/chinese-order.js';
import {
  PLATFORM_LABELS,
  RESPONSE_CHANNEL_LABELS,
  RESPONSE_METHOD_LABELS,
  type CommitmentStatus,
  type ResponseChannel,
  type ResponseMethod,
} from '../../../shared/domain.js';
import { loadCalendar } from '../../../electron/core/calendar/overrides.js';
import { workdaysBefore } from '../../../electron/core/calendar/workdays.js';
import type { Db } from '../../../electron/core/db/open.js';
import { COMMITMENT_NUMBER_SQL } from '../../../electron/core/ledger/numbering.js';
import type { CommitmentWindow } from '../../../electron/core/digest/commitments.js';
import type { Names } from '../../../electron/core/digest/names.js';
import type { PeriodIncident } from '../../../electron/core/digest/scan.js';

// The report reads as they were before issue 12's rewrite (digest/commitments.ts and compute.ts at 0979ed7): the oracle the
// rewritten reads are checked against. Every commitment made, fulfilled or published since the period began was
// read row by row, and made/published counted from those rows.

const COLUMNS = `c.rowid AS rid, ${COMMITMENT_NUMBER_SQL} AS number, i.number AS incident_number, i.title AS incident_title, c.content, u.name AS unit,
    c.unit_id, c.person, c.promised_at, c.deadline, c.status, c.fulfilled_at, c.pub_state, c.pub_channel, c.pub_at, c.pub_note`;
const FROM = 'JOIN incidents i INDEXED BY incidents_label ON i.id = c.incident_id LEFT JOIN units u ON u.id = c.unit_id';
const SOURCES = [
  `SELECT ${COLUMNS} FROM commitments c INDEXED BY commitments_open ${FROM}
   WHERE c.deleted = 0 AND c.status IN ('pending', 'in_progress') AND c.deadline <= @nextLast AND i.deleted = 0 AND c.promised_at < @asOf`,
  ...['fulfilled_at', 'pub_at', 'promised_at'].map(
    (column) => `SELECT ${COLUMNS} FROM commitments c INDEXED BY commitments_${column} ${FROM} WHERE c.deleted = 0 AND c.${column} >= @start AND i.deleted = 0 AND c.promised_at < @asOf`,
  ),
];

interface Row {
  rid: number;
  number: string;
  incident_number: string;
  incident_title: string;
  content: string;
  unit: string | null;
  unit_id: string | null;
  person: string;
  promised_at: string;
  deadline: string;
  status: 'pending' | 'in_progress' | 'fulfilled' | 'unfulfillable';
  fulfilled_at: string | null;
  pub_state: '' | 'published' | 'not_published';
  pub_channel: keyof typeof RESPONSE_CHANNEL_LABELS | null;
  pub_at: string | null;
  pub_note: string;
}

const within = (at: string | null, from: string, to: string) => at !== null && at >= from && at < to;

export function oldCommitmentSection(
  db: Db,
  w: CommitmentWindow,
): Pick<Digest, 'commitments' | 'commitmentUnits' | 'fulfilledItems' | 'dueNextWeekItems' | 'overdueItems'> {
  const asOfDay = chinaDateOf(Date.parse(w.asOf));
  const overdueDays = workdaysBefore(loadCalendar(db), asOfDay);
  const byRowid = new Map<number, Row>();
  for (const sql of SOURCES) {
    for (const row of db.prepare(sql).all({ start: w.start, asOf: w.asOf, nextLast: w.nextLast }) as Row[]) byRowid.set(row.rid, row);
  }
  const rows = [...byRowid.values()].sort(
    (a, b) => cmp(a.deadline, b.deadline) || cmp(a.incident_number, b.incident_number) || cmp(a.number, b.number),
  );
  const counts = { made: 0, fulfilled: 0, fulfilledPublished: 0, published: 0, dueNextWeek: 0, overdue: 0 };
  const fulfilledItems: DigestCommitmentItem[] = [];
  const dueNextWeekItems: DigestCommitmentItem[] = [];
  const overdueItems: DigestCommitmentItem[] = [];
  const units = new Map<string, { unit: string; fulfilled: number; dueNextWeek: number; overdue: number }>();
  const unitOf = (r: Row) => {
    const name = r.unit ?? r.unit_id ?? '（未指定单位）';
    let entry = units.get(name);
    if (!entry) units.set(name, (entry = { unit: name, fulfilled: 0, dueNextWeek: 0, overdue: 0 }));
    return entry;
  };
  for (const r of rows) {
    const published = r.pub_state === 'published' && r.pub_at !== null && r.pub_at < w.asOf;
    const text = published
      ? `已公开（${r.pub_channel ? `${RESPONSE_CHANNEL_LABELS[r.pub_channel]}，` : ''}${formatChinaDate(r.pub_at!)}）`
      : r.pub_state === 'not_published'
        ? `未公开${r.pub_note ? `：${r.pub_note}` : ''}`
        : '未记录公开情况';
    const open = r.status === 'pending' || r.status === 'in_progress' || (r.status === 'fulfilled' && r.fulfilled_at !== null && r.fulfilled_at >= w.asOf);
    const overdue = open && r.deadline < asOfDay;
    const status: CommitmentStatus = overdue ? 'overdue' : open ? (r.status === 'fulfilled' ? 'in_progress' : r.status) : r.status;
    const item: DigestCommitmentItem = {
      number: r.number,
      incidentNumber: r.incident_number,
      incidentTitle: r.incident_title,
      content: r.content,
      unit: r.unit ?? r.unit_id ?? '',
      person: r.person,
      deadline: r.deadline,
      status,
      fulfilledAt: open ? null : r.fulfilled_at,
      publication: text,
      published,
      workdaysOverdue: overdue ? overdueDays(r.deadline) : 0,
    };
    if (within(r.promised_at, w.start, w.asOf)) counts.made += 1;
    if (r.pub_state === 'published' && within(r.pub_at, w.start, w.asOf)) counts.published += 1;
    if (r.status === 'fulfilled' && within(r.fulfilled_at, w.start, w.asOf)) {
      counts.fulfilled += 1;
      if (published) counts.fulfilledPublished += 1;
      unitOf(r).fulfilled += 1;
      fulfilledItems.push(item);
    }
    if (overdue) {
      counts.overdue += 1;
      unitOf(r).overdue += 1;
      overdueItems.push(item);
    } else if (open && r.deadline >= w.nextFirst && r.deadline <= w.nextLast) {
      counts.dueNextWeek += 1;
      unitOf(r).dueNextWeek += 1;
      dueNextWeekItems.push(item);
    }
  }
  const byUnit = (a: DigestCommitmentItem, b: DigestCommitmentItem) => compareChinese(a.unit, b.unit) || cmp(a.deadline, b.deadline);
  overdueItems.sort((a, b) => b.workdaysOverdue - a.workdaysOverdue || byUnit(a, b));
  fulfilledItems.sort(byUnit);
  return {
    commitments: counts,
    commitmentUnits: [...units.values()].sort(
      (a, b) => b.overdue - a.overdue || b.dueNextWeek - a.dueNextWeek || b.fulfilled - a.fulfilled || compareChinese(a.unit, b.unit),
    ),
    fulfilledItems,
    dueNextWeekItems,
    overdueItems,
  };
}

/** 二、重点舆情 as it was read before: each key incident's responses in a query of its own. */
export function oldKeyIncidents(db: Db, incidents: readonly PeriodIncident[], names: Names, asOf: string): Digest['keyIncidents'] {
  const key = incidents
    .filter((i) => i.severity === 'major' || i.severity === 'extreme')
    .sort((a, b) => Number(b.severity === 'extreme') - Number(a.severity === 'extreme') || a.found_at.localeCompare(b.found_at));
  const responsesOf = db.prepare(
    'SELECT incident_id, at, method, channel, unit_id, content FROM responses WHERE incident_id = ? AND deleted = 0 AND at < ? ORDER BY at, id',
  );
  return key.map((i) => ({
    number: i.number,
    title: i.title,
    severity: i.severity,
    status: i.status,
    foundAt: i.found_at,
    platform: PLATFORM_LABELS[i.platform] ?? i.platform,
    categories: (JSON.parse(i.categories) as string[]).map(names.category),
    township: names.township(i.township_id),
    leadUnit: names.unit(i.lead_unit_id),
    responses: (
      responsesOf.all(i.id, asOf) as { at: string; method: ResponseMethod; channel: ResponseChannel; unit_id: string | null; content: string }[]
    ).map((r) => ({
      at: r.at,
      method: RESPONSE_METHOD_LABELS[r.method] ?? r.method,
      channel: RESPONSE_CHANNEL_LABELS[r.channel] ?? r.channel,
      unit: names.unit(r.unit_id),
      content: r.content,
    })),
  }));
}
