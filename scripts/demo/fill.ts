import { randomUUID } from 'node:crypto';
import { chinaYear } from '../../shared/china-time.js';
import { FOLLOWUP_KIND_LABELS, type IncidentStatus, type RecordedCommitmentStatus, STATUS_LABELS } from '../../shared/domain.js';
import type { IncidentFields } from '../../shared/schemas.js';
import { canTransition, transitionNeedsReason } from '../../shared/status.js';
import { loadCalendar } from '../../electron/core/calendar/overrides.js';
import type { Db } from '../../electron/core/db/open.js';
import { cached, type Change, type LedgerContext, mutate } from '../../electron/core/ledger/mutate.js';
import { resolveCategory, resolveTownship, resolveUnit } from '../../electron/core/ledger/reference.js';
import type { FieldValue } from '../../electron/core/ledger/tables.js';
import { type CommitmentPlan, planCommitments } from './commitments.js';
import { type GeneratedIncident, generateIncidents } from './generate.js';
import { demoResponses } from './responses.js';

// Fills a ledger with generated incidents through the mutation path: every registration and every status
// change is its own `mutate` call — its own sync operations and audit entry, exactly as if an officer had
// typed it — dated at the simulated moment it happened. Thousands of them share one transaction, which is what
// makes 100k incidents take a couple of minutes rather than hours.
//
// A story that enters 跟踪落实 makes its commitments in that same mutation, and the mutation that closes it
// records each one 已兑现 (or 无法兑现) with its 公开情况, so no incident is ever 已办结 against the closing rule
// (see commitments.ts); commitments still open are marked 推进中 or 督办/催办 in mutations of their own.
//
// It does not call createIncident/transitionIncident per incident: those re-read the incident after writing
// (by a full scan, when this was written) and query for the next number each time. The changes written here
// carry the same fields those functions write. Anything derived from incident fields (today the category
// index) is maintained by the apply step inside `mutate` — the step sync import uses too — so it comes out the
// same either way.

export interface FillOptions {
  count: number;
  seed: number;
  /** Milliseconds since the epoch; incidents are found in the two years before it. Defaults to the ledger clock. */
  now?: number;
  /** Mutations per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface FillReport {
  incidents: number;
  /** Status changes made after registration. */
  transitions: number;
  /** Mutations on commitments between the steps: marked 推进中, or a 督办/催办 follow-up added. */
  commitmentEvents: number;
  ops: number;
  /** One per mutation: registrations, transitions and commitment events. */
  auditEntries: number;
  statuses: Record<IncidentStatus, number>;
  /** Commitments by recorded status at the end (逾期 is derived when read). */
  commitments: Record<RecordedCommitmentStatus, number>;
  followups: number;
}

interface Event {
  at: string;
  incident: number; // position in the generated list
  /** -1 = registration; 0 … steps-1 = a status step; steps + j = the j-th later event of its commitment plan. */
  seq: number;
}

/** YQ-YYYY-NNNN per China-time year of 发现时间, continuing after the numbers the ledger already holds. */
class NumberAllocator {
  private readonly last = new Map<number, number>();
  constructor(private readonly db: Db) {}

  next(foundAt: string): string {
    const year = chinaYear(foundAt);
    const prefix = `YQ-${year}-`;
    let seq = this.last.get(year);
    if (seq === undefined) {
      const row = cached(
        this.db,
        `SELECT CAST(substr(number, 9) AS INTEGER) AS seq FROM incidents
         WHERE substr(number, 1, 8) = ? ORDER BY CAST(substr(number, 9) AS INTEGER) DESC LIMIT 1`,
      ).get(prefix) as { seq: number } | undefined;
      seq = row?.seq ?? 0;
    }
    seq += 1;
    this.last.set(year, seq);
    return `${prefix}${String(seq).padStart(4, '0')}`;
  }
}

/** Resolves each distinct reference once with the core's own resolvers (which refuse unknown or inactive ones). */
function refResolver(db: Db) {
  const memo = new Map<string, string>();
  const once = (kind: string, ref: string, resolve: () => string) => {
    const key = `${kind}\u0000${ref}`;
    let id = memo.get(key);
    if (id === undefined) memo.set(key, (id = resolve()));
    return id;
  };
  return {
    category: (ref: string) => once('c', ref, () => resolveCategory(db, ref)),
    unit: (ref: string, field: string) => once('u', ref, () => resolveUnit(db, ref, field)),
    township: (ref: string) => once('t', ref, () => resolveTownship(db, ref)),
  };
}

/** The stored fields of a new incident, as createIncident writes them. */
function registrationFields(
  fields: IncidentFields,
  number: string,
  at: string,
  refs: ReturnType<typeof refResolver>,
): Record<string, FieldValue> {
  return {
    number,
    title: fields.title,
    summary: fields.summary,
    platform: fields.platform,
    url: fields.url,
    first_seen_at: fields.firstSeenAt,
    found_at: fields.foundAt,
    registrar: fields.registrar,
    involved_unit: fields.involvedUnit,
    key_type_61: fields.keyType61,
    severity: fields.severity,
    sentiment: fields.sentiment,
    leader_instruction: fields.leaderInstruction,
    categories: [...new Set(fields.categories.map(refs.category))],
    township_id: fields.township === null ? null : refs.township(fields.township),
    lead_unit_id: fields.leadUnit === null ? null : refs.unit(fields.leadUnit, 'leadUnit'),
    co_unit_ids: [...new Set(fields.coUnits.map((u) => refs.unit(u, 'coUnits')))],
    status: 'triage',
    status_reason: '',
    created_at: at,
    updated_at: at,
  };
}

function eventsOf(incidents: readonly GeneratedIncident[], plans: readonly (CommitmentPlan | undefined)[]): Event[] {
  const events: Event[] = [];
  incidents.forEach((incident, i) => {
    events.push({ at: incident.registeredAt, incident: i, seq: -1 });
    incident.steps.forEach((step, s) => events.push({ at: step.at, incident: i, seq: s }));
    plans[i]?.later.forEach((later, j) => events.push({ at: later.at, incident: i, seq: incident.steps.length + j }));
  });
  // One timeline for the whole office: what happened first is written first, so audit entries read in order.
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.incident - b.incident || a.seq - b.seq));
}

/** Generates `count` incidents from the seed and writes them (see writeIncidents). */
export function fillDemoLedger(ctx: LedgerContext, options: FillOptions): FillReport {
  const now = options.now ?? ctx.now();
  return writeIncidents(ctx, generateIncidents({ count: options.count, seed: options.seed, now }), options);
}

/**
 * Writes generated incidents and their status changes in the order they happened, `batchSize` mutations per
 * transaction. Kept apart from generation so the benchmark can time the writing alone.
 */
export function writeIncidents(
  ctx: LedgerContext,
  incidents: readonly GeneratedIncident[],
  options: Pick<FillOptions, 'batchSize' | 'onProgress'> = {},
): FillReport {
  const batchSize = options.batchSize ?? 2000;
  const refs = refResolver(ctx.db);
  const numbers = new NumberAllocator(ctx.db);
  const unitNames = new Map(
    (ctx.db.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]),
  );
  const leadUnitOf = (incident: GeneratedIncident) =>
    incident.fields.leadUnit === null ? null : refs.unit(incident.fields.leadUnit, 'leadUnit');
  const leadNameOf = (leadUnitId: string | null) => (leadUnitId && unitNames.get(leadUnitId)) || '县政府办公室';

  // Commitments are planned before anything is written: their 督办/催办 and 推进中 are events on the office's
  // timeline like the status steps. Deadlines are counted with the ledger's calendar, as addCommitment does.
  const calendar = loadCalendar(ctx.db);
  const plans = incidents.map((incident) => {
    const tracking = incident.steps.find((s) => s.to === 'tracking');
    if (!tracking) return undefined;
    return planCommitments({
      index: incident.index,
      category: incident.category,
      severity: incident.fields.severity,
      unitName: leadNameOf(leadUnitOf(incident)),
      trackingAt: tracking.at,
      closedAt: incident.steps.find((s) => s.to === 'closed')?.at ?? null,
      asOf: Date.parse(incident.asOf),
      calendar,
    });
  });

  const events = eventsOf(incidents, plans);
  const ids: string[] = [];
  const numberOf: string[] = [];
  const statusOf: IncidentStatus[] = [];
  const report: FillReport = {
    incidents: incidents.length,
    transitions: incidents.reduce((n, incident) => n + incident.steps.length, 0),
    commitmentEvents: 0,
    ops: 0,
    auditEntries: 0,
    statuses: { triage: 0, handling: 0, responded: 0, tracking: 0, closed: 0, no_response: 0 },
    commitments: { pending: 0, in_progress: 0, fulfilled: 0, unfulfillable: 0 },
    followups: 0,
  };

  const responded = new Set<number>();
  const responsesOf = (event: Event, incident: GeneratedIncident): Change[] => {
    const leadUnitId = leadUnitOf(incident);
    return demoResponses({
      index: event.incident,
      incidentId: ids[event.incident]!,
      severity: incident.fields.severity,
      category: refs.category(incident.fields.categories[0]!),
      leadUnitId,
      unitName: leadNameOf(leadUnitId),
      at: event.at,
    }).map(({ id, fields }) => ({ table: 'responses', row: id, fields }));
  };
  const commitmentId = (i: number, k: number) => `${ids[i]!}-c${k}`;
  const commitmentNumber = (i: number, k: number) => `${numberOf[i]!}-C${k}`;

  /** The rows addCommitment writes, made when the story enters 跟踪落实. */
  const commitmentsMade = (i: number, incident: GeneratedIncident, at: string): Change[] =>
    plans[i]!.commitments.map((c) => ({
      table: 'commitments',
      row: commitmentId(i, c.k),
      fields: {
        incident_id: ids[i]!,
        response_id: responded.has(i) ? `${ids[i]!}-r1` : null,
        number: commitmentNumber(i, c.k),
        content: c.content,
        unit_id: leadUnitOf(incident) ?? 'u-zfb',
        person: c.person,
        promised_at: c.promisedAt,
        ...c.deadline,
        status: 'pending',
        created_at: at,
        updated_at: at,
      },
    }));
  /** What updateCommitment writes as the story closes: each commitment 已兑现 or 无法兑现, 公开情况 recorded. */
  const commitmentsSettled = (i: number): Change[] =>
    (plans[i]?.commitments ?? []).map((c) => ({ table: 'commitments', row: commitmentId(i, c.k), fields: c.closing! }));

  const transition = (event: Event, incident: GeneratedIncident, atCtx: LedgerContext) => {
    const i = event.incident;
    const step = incident.steps[event.seq]!;
    const from = statusOf[i]!;
    if (!canTransition(from, step.to) || (transitionNeedsReason(from, step.to) && step.reason === '')) {
      throw new Error(`demo timeline makes an illegal move ${from} → ${step.to}`); // a generator bug
    }
    const extra: Change[] = [];
    let note = '';
    if (step.to === 'responded' && !responded.has(i)) extra.push(...responsesOf(event, incident));
    if (step.to === 'tracking' && plans[i]) {
      extra.push(...commitmentsMade(i, incident, event.at));
      note = `；作出承诺 ${plans[i].commitments.map((c) => commitmentNumber(i, c.k)).join('、')}`;
    }
    if (step.to === 'closed') extra.push(...commitmentsSettled(i));
    const ops = mutate(
      atCtx,
      {
        action: 'transition',
        entity: 'incident',
        entityId: ids[i]!,
        summary: `${numberOf[i]!} 状态：${STATUS_LABELS[from]} → ${STATUS_LABELS[step.to]}${step.reason ? `（${step.reason}）` : ''}${note}`,
      },
      [{ table: 'incidents', row: ids[i]!, fields: { status: step.to, status_reason: step.reason, updated_at: event.at } }, ...extra],
    );
    if (step.to === 'responded') responded.add(i);
    statusOf[i] = step.to;
    return ops.length;
  };

  /** A commitment marked 推进中 (as updateCommitment writes it), or a 督办/催办 follow-up (as addFollowup does). */
  const commitmentEvent = (event: Event, incident: GeneratedIncident, atCtx: LedgerContext) => {
    const i = event.incident;
    const later = plans[i]!.later[event.seq - incident.steps.length]!;
    const id = commitmentId(i, later.k);
    const number = commitmentNumber(i, later.k);
    report.commitmentEvents += 1;
    if (later.kind === 'in_progress') {
      return mutate(
        atCtx,
        { action: 'commitment.update', entity: 'commitment', entityId: id, summary: `修改承诺 ${number}：status` },
        [{ table: 'commitments', row: id, fields: { status: 'in_progress', updated_at: event.at } }],
      ).length;
    }
    report.followups += 1;
    return mutate(
      atCtx,
      {
        action: 'followup.add',
        entity: 'commitment',
        entityId: id,
        summary: `${number} ${FOLLOWUP_KIND_LABELS[later.kind]}：${later.content.slice(0, 40)}`,
      },
      [
        {
          table: 'followups',
          row: `${id}-f${event.seq - incident.steps.length + 1}`,
          fields: { incident_id: ids[i]!, commitment_id: id, kind: later.kind, at: event.at, actor: atCtx.actor, content: later.content, created_at: event.at },
        },
      ],
    ).length;
  };

  const apply = (event: Event) => {
    const incident = incidents[event.incident]!;
    // The mutation is dated when it happened in the story and signed by the officer who registered the incident.
    const at = Date.parse(event.at);
    const atCtx: LedgerContext = { ...ctx, now: () => at, actor: incident.fields.registrar || ctx.actor };
    if (event.seq < 0) {
      const id = randomUUID();
      const number = numbers.next(incident.fields.foundAt);
      ids[event.incident] = id;
      numberOf[event.incident] = number;
      statusOf[event.incident] = 'triage';
      const ops = mutate(
        atCtx,
        { action: 'create', entity: 'incident', entityId: id, summary: `登记 ${number} ${incident.fields.title}` },
        [{ table: 'incidents', row: id, fields: registrationFields(incident.fields, number, event.at, refs) }],
      );
      report.ops += ops.length;
    } else if (event.seq < incident.steps.length) {
      report.ops += transition(event, incident, atCtx);
    } else {
      report.ops += commitmentEvent(event, incident, atCtx);
    }
    report.auditEntries += 1;
  };

  const runBatch = ctx.db.transaction((from: number, to: number) => {
    for (let e = from; e < to; e++) apply(events[e]!);
  });
  for (let from = 0; from < events.length; from += batchSize) {
    const to = Math.min(events.length, from + batchSize);
    runBatch.immediate(from, to);
    options.onProgress?.(to, events.length);
  }
  for (const status of statusOf) report.statuses[status] += 1;
  for (const plan of plans) {
    for (const c of plan?.commitments ?? []) {
      const marked = plan!.later.some((l) => l.k === c.k && l.kind === 'in_progress');
      report.commitments[marked && c.outcome === 'pending' ? 'in_progress' : c.outcome] += 1;
    }
  }
  return report;
}
