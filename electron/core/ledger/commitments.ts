import { randomUUID } from 'node:crypto';
import type { Commitment, CommitmentFields, CommitmentPatch, DeadlineInfo } from '../../../shared/api/commitments.js';
import { STATUS_LABELS, type CommitmentStatus, type RecordedCommitmentStatus } from '../../../shared/domain.js';
import { LedgerError } from '../../../shared/errors.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import { loadCalendar } from '../calendar/overrides.js';
import { computeDeadline, type DeadlineSpec, workdaysAfter } from '../calendar/workdays.js';
import type { Db } from '../db/open.js';
import { getIncident } from './incidents.js';
import { type Change, type LedgerContext, mutate } from './mutate.js';
import { resolveUnit } from './reference.js';
import { COMMITMENT_NUMBER_SQL, COMMITMENT_REF_SQL, commitmentRef, nextCommitmentNumber } from './numbering.js';
import { cached } from './statements.js';
import type { FieldValue } from './tables.js';
import { isInFuture, refuseBeforeFound } from './entry-time.js';
import { addDays, chinaDateOf, daysBetween, formatYmd, type Ymd } from '../../../shared/china-time.js';

// Commitments (承诺): what a response promised, who must deliver it by when, whether it was delivered, whether
// that was made public (公开情况) and checked (核查). The status people read adds 逾期, derived from the deadline
// and today's date in China: a commitment still 未到期/推进中 after its deadline day is 逾期.

export interface CommitmentRow {
  id: string;
  incident_id: string;
  incident_number: string;
  incident_title: string;
  response_id: string | null;
  number: string;
  content: string;
  unit_id: string;
  unit_name: string | null;
  person: string;
  promised_at: string;
  deadline_kind: 'date' | 'workdays' | 'days';
  deadline_n: number;
  deadline_from: string;
  deadline: string;
  calendar_verified: number;
  status: RecordedCommitmentStatus;
  status_reason: string;
  fulfilled_at: string | null;
  evidence: string;
  pub_state: '' | 'published' | 'not_published';
  pub_channel: Commitment['publication']['channel'];
  pub_at: string | null;
  pub_url: string;
  pub_note: string;
  check_by: string;
  check_at: string | null;
  check_result: string;
  created_at: string;
  updated_at: string;
}

export const COMMITMENT_SELECT = /* sql */ `
  SELECT c.id, c.incident_id, i.number AS incident_number, i.title AS incident_title, c.response_id,
    ${COMMITMENT_NUMBER_SQL} AS number,
    c.content, c.unit_id, u.name AS unit_name, c.person, c.promised_at, c.deadline_kind, c.deadline_n,
    c.deadline_from, c.deadline, c.calendar_verified, c.status, c.status_reason, c.fulfilled_at, c.evidence,
    c.pub_state, c.pub_channel, c.pub_at, c.pub_url, c.pub_note, c.check_by, c.check_at, c.check_result,
    c.created_at, c.updated_at
  FROM commitments c JOIN incidents i ON i.id = c.incident_id LEFT JOIN units u ON u.id = c.unit_id
  WHERE c.deleted = 0`;

/** What a commitment looks like today: derived status and working-day distances. */
export interface Today {
  date: Ymd;
  calendar: WorkCalendar;
}

export function todayOf(db: Db, nowMs: number): Today {
  return { date: chinaDateOf(nowMs), calendar: loadCalendar(db) };
}

export function effectiveStatus(recorded: RecordedCommitmentStatus, deadline: Ymd, today: Ymd): CommitmentStatus {
  const open = recorded === 'pending' || recorded === 'in_progress';
  return open && daysBetween(deadline, today) > 0 ? 'overdue' : recorded;
}

export function toCommitment(r: CommitmentRow, today: Today): Commitment {
  const status = effectiveStatus(r.status, r.deadline, today.date);
  const open = status === 'pending' || status === 'in_progress';
  const day = today.calendar.day(r.deadline);
  return {
    id: r.id,
    number: r.number,
    incidentId: r.incident_id,
    incidentNumber: r.incident_number,
    incidentTitle: r.incident_title,
    responseId: r.response_id,
    content: r.content,
    unitId: r.unit_id,
    unitName: r.unit_name ?? r.unit_id,
    person: r.person,
    promisedAt: r.promised_at,
    deadlineSpec: { kind: r.deadline_kind, n: r.deadline_n, from: r.deadline_from },
    deadline: r.deadline,
    calendarVerified: r.calendar_verified === 1,
    deadlineNonWorkday: day.work ? null : day.name,
    deadlineMovedFrom: movedFromOf(r, today.calendar),
    status,
    recordedStatus: r.status,
    statusReason: r.status_reason,
    fulfilledAt: r.fulfilled_at,
    evidence: r.evidence,
    publication: {
      state: r.pub_state === '' ? 'unrecorded' : r.pub_state,
      channel: r.pub_channel,
      at: r.pub_at,
      url: r.pub_url,
      note: r.pub_note,
    },
    check: r.check_at === null && r.check_by === '' ? null : { by: r.check_by, at: r.check_at, result: r.check_result },
    overdueWorkdays: status === 'overdue' ? workdaysAfter(today.calendar, r.deadline, today.date) : 0,
    workdaysLeft: open ? workdaysAfter(today.calendar, today.date, r.deadline) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The day off an N 自然日 period ended on, when the stored deadline was moved past it (民法典 第二百零三条). */
function movedFromOf(r: CommitmentRow, calendar: WorkCalendar): Commitment['deadlineMovedFrom'] {
  if (r.deadline_kind !== 'days') return null;
  const last = addDays(r.deadline_from, r.deadline_n);
  return last === r.deadline ? null : { date: last, name: calendar.day(last).name };
}

function findRow(db: Db, ref: string): CommitmentRow {
  const row = cached(db, `${COMMITMENT_SELECT} AND ${COMMITMENT_REF_SQL}`).get(commitmentRef(ref)) as CommitmentRow | undefined;
  if (!row) throw new LedgerError('not_found', `找不到承诺“${ref}”`);
  return row;
}

export function getCommitment(db: Db, ref: string, nowMs: number): Commitment {
  return toCommitment(findRow(db, ref), todayOf(db, nowMs));
}

export function listCommitments(db: Db, incidentRef: string, nowMs: number): Commitment[] {
  const incident = getIncident(db, incidentRef);
  const today = todayOf(db, nowMs);
  const rows = cached(db, `${COMMITMENT_SELECT} AND c.incident_id = ? ORDER BY c.created_at, c.number`).all(incident.id) as CommitmentRow[];
  return rows.map((r) => toCommitment(r, today));
}

type ParsedDeadline = CommitmentFields['deadline'];

/** The spec a deadline input stands for; a start date left out is the day the commitment was made. */
export function specOf(deadline: ParsedDeadline, promisedAt: string): DeadlineSpec {
  const from = deadline.from ?? chinaDateOf(Date.parse(promisedAt));
  if (deadline.workdays !== undefined) return { workdays: deadline.workdays, from };
  if (deadline.days !== undefined) return { days: deadline.days, from };
  return { date: deadline.date! }; // the schema guarantees exactly one form
}

export function previewDeadline(db: Db, deadline: ParsedDeadline, promisedAt: string): DeadlineInfo {
  const computed = computeDeadline(loadCalendar(db), specOf(deadline, promisedAt));
  return {
    date: computed.date,
    verified: computed.verified,
    nonWorkday: computed.nonWorkday?.name ?? null,
    movedFrom: computed.movedFrom ? { date: computed.movedFrom.date, name: computed.movedFrom.name } : null,
  };
}

function deadlineFields(calendar: WorkCalendar, spec: DeadlineSpec, promisedAt: string): Record<string, FieldValue> {
  const computed = computeDeadline(calendar, spec);
  if (daysBetween(chinaDateOf(Date.parse(promisedAt)), computed.date) < 0) {
    throw new LedgerError('invalid_input', '输入有误：期限不能早于承诺日期', [{ path: 'deadline', message: '期限不能早于承诺日期' }]);
  }
  return {
    deadline_kind: 'workdays' in spec ? 'workdays' : 'days' in spec ? 'days' : 'date',
    deadline_n: 'workdays' in spec ? spec.workdays : 'days' in spec ? spec.days : 0,
    deadline_from: 'from' in spec ? spec.from : '',
    deadline: computed.date,
    calendar_verified: computed.verified,
  };
}

function checkPromisedAt(promisedAt: string, nowMs: number): void {
  if (isInFuture(promisedAt, nowMs)) {
    throw new LedgerError('invalid_input', '输入有误：承诺时间不能晚于当前时间', [{ path: 'promisedAt', message: '承诺时间不能晚于当前时间' }]);
  }
}

function refuseWhenClosed(status: string, number: string, what: string): void {
  if (status === 'closed' || status === 'no_response') {
    throw new LedgerError(
      'invalid_transition',
      `${number} 已是“${STATUS_LABELS[status]}”，不能${what}；如需继续跟踪，请先将事件改回“跟踪落实”`,
    );
  }
}

function checkResponse(db: Db, responseId: string | null, incidentId: string): void {
  if (responseId === null) return;
  const row = cached(db, 'SELECT incident_id FROM responses WHERE id = ? AND deleted = 0').get(responseId) as
    | { incident_id: string }
    | undefined;
  if (!row || row.incident_id !== incidentId) {
    throw new LedgerError('invalid_input', '输入有误：所指回应不属于该舆情事件', [{ path: 'response', message: '所指回应不属于该舆情事件' }]);
  }
}

export function addCommitment(ctx: LedgerContext, input: CommitmentFields): Commitment {
  return ctx.db.transaction(() => {
    const incident = getIncident(ctx.db, input.incident);
    refuseWhenClosed(incident.status, incident.number, '再增加承诺');
    checkPromisedAt(input.promisedAt, ctx.now());
    refuseBeforeFound(input.promisedAt, incident.foundAt, '承诺时间', 'promisedAt');
    checkResponse(ctx.db, input.response, incident.id);
    const unitId = resolveUnit(ctx.db, input.unit, 'unit');
    const calendar = loadCalendar(ctx.db);
    const deadline = deadlineFields(calendar, specOf(input.deadline, input.promisedAt), input.promisedAt);
    const id = randomUUID();
    const number = nextCommitmentNumber(ctx.db, incident.id, incident.number);
    const at = new Date(ctx.now()).toISOString();
    mutate(
      ctx,
      {
        action: 'commitment.add',
        entity: 'commitment',
        entityId: id,
        summary: `${number} 承诺：${input.content.slice(0, 40)}，期限 ${formatYmd(deadline.deadline as string)}`,
      },
      [
        {
          table: 'commitments',
          row: id,
          fields: {
            incident_id: incident.id,
            response_id: input.response,
            number,
            content: input.content,
            unit_id: unitId,
            person: input.person,
            promised_at: input.promisedAt,
            ...deadline,
            status: 'pending',
            created_at: at,
            updated_at: at,
          },
        },
      ],
    );
    return getCommitment(ctx.db, id, ctx.now());
  })();
}

const fieldError = (path: string, message: string) => new LedgerError('invalid_input', `输入有误：${message}`, [{ path, message }]);

/** The stored fields a patch changes; status rules are checked against the row as it will be. */
function patchFields(ctx: LedgerContext, before: CommitmentRow, patch: CommitmentPatch): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  if (patch.content !== undefined) out.content = patch.content;
  if (patch.person !== undefined) out.person = patch.person;
  // The unit it already has is kept even if the office deactivated it since (see resolveUnit).
  if (patch.unit !== undefined) out.unit_id = resolveUnit(ctx.db, patch.unit, 'unit', new Set(before.unit_id ? [before.unit_id] : []));
  if (patch.promisedAt !== undefined) {
    checkPromisedAt(patch.promisedAt, ctx.now());
    refuseBeforeFound(patch.promisedAt, getIncident(ctx.db, before.incident_id).foundAt, '承诺时间', 'promisedAt');
    out.promised_at = patch.promisedAt;
  }
  const promisedAt = patch.promisedAt ?? before.promised_at;
  if (patch.deadline !== undefined) {
    Object.assign(out, deadlineFields(loadCalendar(ctx.db), specOf(patch.deadline, promisedAt), promisedAt));
  }
  if (patch.evidence !== undefined) out.evidence = patch.evidence;
  if (patch.statusReason !== undefined) out.status_reason = patch.statusReason;
  if (patch.fulfilledAt !== undefined) out.fulfilled_at = patch.fulfilledAt;

  const status = patch.status ?? before.status;
  if (patch.status !== undefined) out.status = patch.status;
  if (status === 'fulfilled') {
    if (((out.evidence as string | undefined) ?? before.evidence).trim() === '') {
      throw fieldError('evidence', '标记为“已兑现”需填写兑现情况（做了什么、佐证材料）');
    }
    const fulfilledAt = (out.fulfilled_at as string | null | undefined) ?? before.fulfilled_at;
    if (fulfilledAt === null) out.fulfilled_at = new Date(ctx.now()).toISOString();
    else if (isInFuture(fulfilledAt, ctx.now())) throw fieldError('fulfilledAt', '兑现时间不能晚于当前时间');
  } else if (patch.status !== undefined && before.fulfilled_at !== null) {
    out.fulfilled_at = null; // no longer fulfilled: the date would mislead
  }
  if (status === 'unfulfillable' && ((out.status_reason as string | undefined) ?? before.status_reason).trim() === '') {
    throw fieldError('statusReason', '标记为“无法兑现”需说明原因');
  }

  if (patch.publication === null) {
    Object.assign(out, { pub_state: '', pub_channel: null, pub_at: null, pub_url: '', pub_note: '' });
  } else if (patch.publication !== undefined) {
    const p = patch.publication;
    if (p.published && p.at && isInFuture(p.at, ctx.now())) throw fieldError('publication.at', '公开时间不能晚于当前时间');
    Object.assign(out, {
      pub_state: p.published ? 'published' : 'not_published',
      pub_channel: p.published ? (p.channel ?? null) : null,
      pub_at: p.published ? (p.at ?? null) : null,
      pub_url: p.published ? p.url : '',
      pub_note: p.note,
    });
  }
  if (patch.check === null) {
    Object.assign(out, { check_by: '', check_at: null, check_result: '' });
  } else if (patch.check !== undefined) {
    Object.assign(out, { check_by: patch.check.by, check_at: patch.check.at, check_result: patch.check.result });
  }
  return out;
}

export function updateCommitment(ctx: LedgerContext, ref: string, patch: CommitmentPatch): Commitment {
  return ctx.db.transaction(() => {
    const before = findRow(ctx.db, ref);
    const incident = getIncident(ctx.db, before.incident_id);
    refuseWhenClosed(incident.status, incident.number, '修改其承诺');
    const proposed = patchFields(ctx, before, patch);
    const current = before as unknown as Record<string, unknown>;
    const changed: Record<string, FieldValue> = Object.fromEntries(
      Object.entries(proposed).filter(([column, value]) => toComparable(value) !== toComparable(current[column])),
    );
    if (Object.keys(changed).length === 0) return getCommitment(ctx.db, before.id, ctx.now());
    changed.updated_at = new Date(ctx.now()).toISOString();
    mutate(
      ctx,
      {
        action: 'commitment.update',
        entity: 'commitment',
        entityId: before.id,
        summary: `修改承诺 ${before.number}：${Object.keys(changed).filter((c) => c !== 'updated_at').join('、')}`,
      },
      [{ table: 'commitments', row: before.id, fields: changed }],
    );
    return getCommitment(ctx.db, before.id, ctx.now());
  })();
}

const toComparable = (value: unknown) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/**
 * Recomputes the stored deadlines of open commitments after the calendar changed: those that depend on `year`
 * (an override was entered or removed), or — with no year — every one still flagged unverified (an override may
 * have arrived by sync). Each changed commitment is written through the mutation path, in one audit entry.
 */
export function recomputeDeadlines(ctx: LedgerContext, year?: number): number {
  return ctx.db.transaction(() => {
    const where =
      year === undefined
        ? 'calendar_verified = 0'
        : `(substr(deadline, 1, 4) = @y OR (deadline_kind = 'workdays' AND substr(deadline_from, 1, 4) <= @y AND substr(deadline, 1, 4) >= @y)
            OR (deadline_kind = 'days' AND substr(date(deadline_from, '+' || deadline_n || ' days'), 1, 4) = @y))`;
    const rows = cached(
      ctx.db,
      `SELECT id, number, promised_at, deadline_kind, deadline_n, deadline_from, deadline, calendar_verified FROM commitments
       WHERE deleted = 0 AND status IN ('pending', 'in_progress') AND ${where}`,
    ).all(year === undefined ? {} : { y: String(year) }) as Pick<
      CommitmentRow,
      'id' | 'number' | 'promised_at' | 'deadline_kind' | 'deadline_n' | 'deadline_from' | 'deadline' | 'calendar_verified'
    >[];
    const calendar = loadCalendar(ctx.db);
    const changes: Change[] = [];
    const notes: string[] = [];
    for (const r of rows) {
      const spec: DeadlineSpec =
        r.deadline_kind === 'workdays'
          ? { workdays: r.deadline_n, from: r.deadline_from }
          : r.deadline_kind === 'days'
            ? { days: r.deadline_n, from: r.deadline_from }
            : { date: r.deadline };
      const computed = computeDeadline(calendar, spec);
      const fields: Record<string, FieldValue> = {};
      if (computed.date !== r.deadline) fields.deadline = computed.date;
      if (computed.verified !== (r.calendar_verified === 1)) fields.calendar_verified = computed.verified;
      if (Object.keys(fields).length === 0) continue;
      fields.updated_at = new Date(ctx.now()).toISOString();
      changes.push({ table: 'commitments', row: r.id, fields });
      if (fields.deadline !== undefined) notes.push(`${r.number} ${formatYmd(r.deadline)} → ${formatYmd(computed.date)}`);
    }
    if (changes.length > 0) {
      mutate(
        ctx,
        {
          action: 'commitment.recompute',
          entity: 'calendar',
          entityId: year === undefined ? 'unverified' : String(year),
          summary: `按节假日安排重新计算 ${changes.length} 项承诺期限${notes.length ? `：${notes.slice(0, 10).join('；')}` : ''}`,
        },
        changes,
      );
    }
    return changes.length;
  })();
}
