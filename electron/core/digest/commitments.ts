import type { Digest, DigestCommitmentItem } from '../../../shared/api/digest.js';
import { formatChinaDate, chinaDateOf } from '../../../shared/china-time.js';
import { compareChinese, compareCodeUnits as cmp } from '../../../shared/chinese-order.js';
import { RESPONSE_CHANNEL_LABELS, type CommitmentStatus, type RecordedCommitmentStatus, type ResponseChannel } from '../../../shared/domain.js';
import { loadCalendar } from '../calendar/overrides.js';
import { workdaysBefore } from '../calendar/workdays.js';
import type { Db } from '../db/open.js';
import { COMMITMENT_NUMBER_SQL } from '../ledger/numbering.js';
import { cached } from '../ledger/statements.js';

// 四、承诺落实 and the commitments of 五、下周关注, as they stood at asOf: a commitment fulfilled after asOf was
// still open then, one made after asOf did not exist yet, and a publication dated after asOf had not happened.
// So a report printed again later shows the same figures. 逾期 is derived as everywhere in the ledger: open after
// its deadline day.

interface Row {
  number: string;
  incident_number: string;
  incident_title: string;
  content: string;
  unit: string | null;
  unit_id: string | null;
  person: string;
  promised_at: string;
  deadline: string;
  status: RecordedCommitmentStatus;
  fulfilled_at: string | null;
  pub_state: '' | 'published' | 'not_published';
  pub_channel: ResponseChannel | null;
  pub_at: string | null;
  pub_note: string;
}

// The commitments a report lists — open at asOf and due by next week's last day, or fulfilled in the period — come
// from three narrow index ranges (migrations 4 and 7), merged here: one query with OR, or a UNION, makes SQLite read
// every commitment the ledger has ever held. Each names its incident from incidents_label (migration 8). What is
// only counted (made, published in the period) is counted in SQL, never read row by row.
const COLUMNS = `${COMMITMENT_NUMBER_SQL} AS number, i.number AS incident_number, i.title AS incident_title, c.content, u.name AS unit,
    c.unit_id, c.person, c.promised_at, c.deadline, c.status, c.fulfilled_at, c.pub_state, c.pub_channel, c.pub_at, c.pub_note`;
const FROM = 'JOIN incidents i INDEXED BY incidents_label ON i.id = c.incident_id LEFT JOIN units u ON u.id = c.unit_id';
/** Made before asOf, of a live incident: a commitment the report may know of. */
const KNOWN = 'c.deleted = 0 AND i.deleted = 0 AND c.promised_at < @asOf';
const SOURCES = [
  // Open now: an open commitment due after next week counts in no figure and no list.
  `SELECT ${COLUMNS} FROM commitments c INDEXED BY commitments_open ${FROM}
   WHERE ${KNOWN} AND c.status IN ('pending', 'in_progress') AND c.deadline <= @nextLast`,
  // Fulfilled in the period.
  `SELECT ${COLUMNS} FROM commitments c INDEXED BY commitments_fulfilled_at ${FROM}
   WHERE ${KNOWN} AND c.status = 'fulfilled' AND c.fulfilled_at >= @start AND c.fulfilled_at < @asOf`,
  // Fulfilled only after asOf, so open then: listed when overdue or due next week, as the open ones.
  `SELECT ${COLUMNS} FROM commitments c INDEXED BY commitments_fulfilled_at ${FROM}
   WHERE ${KNOWN} AND c.status = 'fulfilled' AND c.fulfilled_at >= @asOf AND c.deadline <= @nextLast`,
];
const COUNT_FROM = 'JOIN incidents i INDEXED BY incidents_label ON i.id = c.incident_id';
const MADE_SQL = `SELECT count(*) FROM commitments c INDEXED BY commitments_promised_at ${COUNT_FROM}
  WHERE ${KNOWN} AND c.promised_at >= @start`;
const PUBLISHED_SQL = `SELECT count(*) FROM commitments c INDEXED BY commitments_pub_at ${COUNT_FROM}
  WHERE ${KNOWN} AND c.pub_state = 'published' AND c.pub_at >= @start AND c.pub_at < @asOf`;

function reportRows(db: Db, params: { start: string; asOf: string; nextLast: string }): Row[] {
  // The three ranges are disjoint (by status, and by fulfilled_at against asOf).
  return SOURCES.flatMap((sql) => cached(db, sql).all(params) as Row[]).sort(
    (a, b) => cmp(a.deadline, b.deadline) || cmp(a.incident_number, b.incident_number) || cmp(a.number, b.number),
  );
}

export interface CommitmentWindow {
  start: string;
  asOf: string;
  /** The seven days after the period, YYYY-MM-DD inclusive. */
  nextFirst: string;
  nextLast: string;
}

const within = (at: string | null, from: string, to: string) => at !== null && at >= from && at < to;

function publicationOf(r: Row, asOf: string): { text: string; published: boolean } {
  if (r.pub_state === 'published' && r.pub_at !== null && r.pub_at < asOf) {
    const channel = r.pub_channel ? RESPONSE_CHANNEL_LABELS[r.pub_channel] : '';
    return { text: `已公开（${channel ? `${channel}，` : ''}${formatChinaDate(r.pub_at)}）`, published: true };
  }
  if (r.pub_state === 'not_published') return { text: `未公开${r.pub_note ? `：${r.pub_note}` : ''}`, published: false };
  return { text: '未记录公开情况', published: false };
}

export function commitmentSection(
  db: Db,
  w: CommitmentWindow,
): Pick<Digest, 'commitments' | 'commitmentUnits' | 'fulfilledItems' | 'dueNextWeekItems' | 'overdueItems'> {
  const asOfDay = chinaDateOf(Date.parse(w.asOf));
  // 逾期 is counted in working days, as on the 承诺督办 board and the 工作台 (the same calendar, the same rule).
  const overdueDays = workdaysBefore(loadCalendar(db), asOfDay);
  const params = { start: w.start, asOf: w.asOf, nextLast: w.nextLast };
  const rows = reportRows(db, params);
  const counts = {
    made: cached(db, MADE_SQL).pluck().get(params) as number,
    fulfilled: 0,
    fulfilledPublished: 0,
    published: cached(db, PUBLISHED_SQL).pluck().get(params) as number,
    dueNextWeek: 0,
    overdue: 0,
  };
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
    const publication = publicationOf(r, w.asOf);
    // Open at asOf: still 未到期/推进中 now, or fulfilled only after asOf.
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
      publication: publication.text,
      published: publication.published,
      workdaysOverdue: overdue ? overdueDays(r.deadline) : 0,
    };
    if (r.status === 'fulfilled' && within(r.fulfilled_at, w.start, w.asOf)) {
      counts.fulfilled += 1;
      if (publication.published) counts.fulfilledPublished += 1;
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
    // Who must act first: most overdue, then most due next week.
    commitmentUnits: [...units.values()].sort(
      (a, b) => b.overdue - a.overdue || b.dueNextWeek - a.dueNextWeek || b.fulfilled - a.fulfilled || compareChinese(a.unit, b.unit),
    ),
    fulfilledItems,
    dueNextWeekItems,
    overdueItems,
  };
}
