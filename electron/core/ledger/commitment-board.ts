import type { Attention, Board, BoardGroup, Commitment, DueItem } from '../../../shared/api/commitments.js';
import { compareChinese, compareCodeUnits } from '../../../shared/chinese-order.js';
import type { Db } from '../db/open.js';
import { COMMITMENT_SELECT, type CommitmentRow, todayOf, toCommitment } from './commitments.js';
import { resolveUnit } from './reference.js';
import { cached } from './statements.js';
import { daysBetween } from '../../../shared/china-time.js';

// The 承诺督办 board and the lists built from it (yq due, the navigation badge): open commitments sorted into
// overdue, due today, due within 3 working days and later, grouped by responsible unit; plus commitments already
// 已兑现/无法兑现 whose 公开情况 is still unrecorded, because those keep their incident from closing.

export const DUE_SOON_WORKDAYS = 3;

const OPEN_SQL = `${COMMITMENT_SELECT} AND c.status IN ('pending', 'in_progress')`;
const UNPUBLISHED_SQL = `${COMMITMENT_SELECT} AND c.status IN ('fulfilled', 'unfulfillable') AND c.pub_state = '' AND i.status <> 'closed'`;
const ORDER = 'ORDER BY c.deadline, i.number, c.number';

function rows(db: Db, sql: string, unitId: string | undefined): CommitmentRow[] {
  return (unitId === undefined
    ? cached(db, `${sql} ${ORDER}`).all()
    : cached(db, `${sql} AND c.unit_id = ? ${ORDER}`).all(unitId)) as CommitmentRow[];
}

type Bucket = 'overdue' | 'dueToday' | 'dueSoon' | 'later';

function bucketOf(c: Commitment, today: string): Bucket {
  if (c.status === 'overdue') return 'overdue';
  if (daysBetween(today, c.deadline) === 0) return 'dueToday';
  return c.workdaysLeft !== null && c.workdaysLeft <= DUE_SOON_WORKDAYS ? 'dueSoon' : 'later';
}

export function getBoard(db: Db, nowMs: number, unit?: string): Board {
  const unitId = unit === undefined ? undefined : resolveBoardUnit(db, unit);
  const today = todayOf(db, nowMs);
  const groups = new Map<string, BoardGroup>();
  const groupOf = (c: Commitment) => {
    let group = groups.get(c.unitId);
    if (!group) {
      group = { unitId: c.unitId, unitName: c.unitName, overdue: [], dueToday: [], dueSoon: [], later: [], awaitingPublication: [] };
      groups.set(c.unitId, group);
    }
    return group;
  };
  const counts = { overdue: 0, dueToday: 0, dueSoon: 0, later: 0, awaitingPublication: 0 };
  for (const row of rows(db, OPEN_SQL, unitId)) {
    const c = toCommitment(row, today);
    const bucket = bucketOf(c, today.date);
    groupOf(c)[bucket].push(c);
    counts[bucket] += 1;
  }
  for (const row of rows(db, UNPUBLISHED_SQL, unitId)) {
    const c = toCommitment(row, today);
    groupOf(c).awaitingPublication.push(c);
    counts.awaitingPublication += 1;
  }
  // Units with the most overdue first, then the most due today, then by name: who must act comes first.
  const ordered = [...groups.values()].sort(
    (a, b) =>
      b.overdue.length - a.overdue.length ||
      b.dueToday.length - a.dueToday.length ||
      b.dueSoon.length - a.dueSoon.length ||
      compareChinese(a.unitName, b.unitName),
  );
  for (const group of ordered) group.overdue.sort((a, b) => b.overdueWorkdays - a.overdueWorkdays || compareCodeUnits(a.deadline, b.deadline));
  return { today: today.date, groups: ordered, counts };
}

/** A unit for filtering: inactive units still have commitments to answer for, so they are found too. */
function resolveBoardUnit(db: Db, ref: string): string {
  const row = cached(db, 'SELECT id FROM units WHERE deleted = 0 AND (id = @ref OR name = @ref) ORDER BY (id = @ref) DESC LIMIT 1').get({ ref }) as
    | { id: string }
    | undefined;
  return row?.id ?? resolveUnit(db, ref, 'unit'); // resolveUnit throws the usual “没有名为…的单位”
}

/** Open commitments, overdue first (most overdue first), then by deadline; optionally only those due soon. */
export function listDue(db: Db, nowMs: number, options: { withinWorkdays?: number | undefined; unit?: string | undefined }): DueItem[] {
  const unitId = options.unit === undefined ? undefined : resolveBoardUnit(db, options.unit);
  const today = todayOf(db, nowMs);
  const items = rows(db, OPEN_SQL, unitId)
    .map((row) => toCommitment(row, today))
    .filter(
      (c) =>
        options.withinWorkdays === undefined ||
        c.status === 'overdue' ||
        (c.workdaysLeft !== null && c.workdaysLeft <= options.withinWorkdays && (options.withinWorkdays > 0 || c.deadline === today.date)),
    );
  items.sort(
    (a, b) =>
      Number(b.status === 'overdue') - Number(a.status === 'overdue') ||
      b.overdueWorkdays - a.overdueWorkdays ||
      a.deadline.localeCompare(b.deadline) ||
      a.number.localeCompare(b.number),
  );
  return items.map((c) => ({
    id: c.id,
    number: c.number,
    incident: c.incidentNumber,
    incidentTitle: c.incidentTitle,
    content: c.content,
    unit: c.unitName,
    deadline: c.deadline,
    status: c.status,
    overdueWorkdays: c.overdueWorkdays,
  }));
}

/** Counts for the navigation badge (and the notifier); response clocks are added by the caller when known. */
export function commitmentAttention(db: Db, nowMs: number): Omit<Attention, 'overdueClocks' | 'badge'> {
  const today = todayOf(db, nowMs).date;
  const row = cached(
    db,
    `SELECT sum(deadline < @today) AS overdue, sum(deadline = @today) AS due_today FROM commitments
     WHERE deleted = 0 AND status IN ('pending', 'in_progress')`,
  ).get({ today }) as { overdue: number | null; due_today: number | null };
  return { overdueCommitments: row.overdue ?? 0, dueTodayCommitments: row.due_today ?? 0 };
}
