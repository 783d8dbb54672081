import { randomUUID } from 'node:crypto';
import { chinaYear } from '../../../shared/china-time.js';
import { type IncidentStatus, STATUS_LABELS } from '../../../shared/domain.js';
import type { IncidentFields } from '../../../shared/schemas.js';
import { canTransition, transitionNeedsReason } from '../../../shared/status.js';
import type { Db } from '../db/open.js';
import { cached, type Change, type LedgerContext, mutate } from '../ledger/mutate.js';
import { resolveCategory, resolveTownship, resolveUnit } from '../ledger/reference.js';
import type { FieldValue } from '../ledger/tables.js';
import { type GeneratedIncident, generateIncidents } from './generate.js';
import { demoResponses } from './responses.js';

// Fills a ledger with generated incidents through the mutation path: every registration and every status
// change is its own `mutate` call — its own sync operations and audit entry, exactly as if an officer had
// typed it — dated at the simulated moment it happened. Thousands of them share one transaction, which is what
// makes 100k incidents take a couple of minutes rather than hours.
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
  ops: number;
  auditEntries: number;
  statuses: Record<IncidentStatus, number>;
}

interface Event {
  at: string;
  incident: number; // position in the generated list
  step: number; // -1 = registration, else index into steps
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

function eventsOf(incidents: readonly GeneratedIncident[]): Event[] {
  const events: Event[] = [];
  incidents.forEach((incident, i) => {
    events.push({ at: incident.registeredAt, incident: i, step: -1 });
    incident.steps.forEach((step, s) => events.push({ at: step.at, incident: i, step: s }));
  });
  // One timeline for the whole office: what happened first is written first, so audit entries read in order.
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.incident - b.incident || a.step - b.step));
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
  const events = eventsOf(incidents);
  const refs = refResolver(ctx.db);
  const numbers = new NumberAllocator(ctx.db);
  const ids: string[] = [];
  const numberOf: string[] = [];
  const statusOf: IncidentStatus[] = [];
  const report: FillReport = {
    incidents: incidents.length,
    transitions: events.length - incidents.length,
    ops: 0,
    auditEntries: 0,
    statuses: { triage: 0, handling: 0, responded: 0, tracking: 0, closed: 0, no_response: 0 },
  };

  const responded = new Set<number>();
  const unitNames = new Map(
    (ctx.db.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]),
  );
  const responsesOf = (event: Event, incident: GeneratedIncident): Change[] => {
    const leadUnitId = incident.fields.leadUnit === null ? null : refs.unit(incident.fields.leadUnit, 'leadUnit');
    return demoResponses({
      index: event.incident,
      incidentId: ids[event.incident]!,
      severity: incident.fields.severity,
      category: refs.category(incident.fields.categories[0]!),
      leadUnitId,
      unitName: (leadUnitId && unitNames.get(leadUnitId)) || '县政府办公室',
      at: event.at,
    }).map(({ id, fields }) => ({ table: 'responses', row: id, fields }));
  };

  const apply = (event: Event) => {
    const incident = incidents[event.incident]!;
    // The mutation is dated when it happened in the story and signed by the officer who registered the incident.
    const at = Date.parse(event.at);
    const atCtx: LedgerContext = { ...ctx, now: () => at, actor: incident.fields.registrar || ctx.actor };
    if (event.step < 0) {
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
    } else {
      const step = incident.steps[event.step]!;
      const from = statusOf[event.incident]!;
      if (!canTransition(from, step.to) || (transitionNeedsReason(from, step.to) && step.reason === '')) {
        throw new Error(`demo timeline makes an illegal move ${from} → ${step.to}`); // a generator bug
      }
      const number = numberOf[event.incident]!;
      const ops = mutate(
        atCtx,
        {
          action: 'transition',
          entity: 'incident',
          entityId: ids[event.incident]!,
          summary: `${number} 状态：${STATUS_LABELS[from]} → ${STATUS_LABELS[step.to]}${step.reason ? `（${step.reason}）` : ''}`,
        },
        [
          { table: 'incidents', row: ids[event.incident]!, fields: { status: step.to, status_reason: step.reason, updated_at: event.at } },
          ...(step.to === 'responded' && !responded.has(event.incident) ? responsesOf(event, incident) : []),
        ],
      );
      if (step.to === 'responded') responded.add(event.incident);
      statusOf[event.incident] = step.to;
      report.ops += ops.length;
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
  return report;
}
