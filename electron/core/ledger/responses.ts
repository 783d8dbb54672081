import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Response, responseInputSchema } from '../../../shared/api/responses.js';
import { RESPONSE_CHANNEL_LABELS, RESPONSE_METHOD_LABELS } from '../../../shared/domain.js';
import { LedgerError } from '../../../shared/errors.js';
import { canTransition } from '../../../shared/status.js';
import type { Incident } from '../../../shared/schemas.js';
import type { Db } from '../db/open.js';
import { getIncident } from './incidents.js';
import { atomically, type Change, type LedgerContext, mutate } from './mutate.js';
import { resolveUnit } from './reference.js';
import { cached } from './statements.js';
import { isInFuture, refuseBeforeFound } from './entry-time.js';

// Responses (回应) are append-only: a correction is a new response, so the record of what was said stands.

interface ResponseRow {
  id: string;
  incident_id: string;
  at: string;
  method: Response['method'];
  channel: Response['channel'];
  url: string;
  content: string;
  unit_id: string;
  disposition: Response['disposition'];
  created_at: string;
  group_id: string | null;
  responder: string;
}

/** The numbers of every incident a 共性回应 answers, in the order they were found. */
function jointWith(db: Db, groupId: string | null): string[] {
  if (groupId === null) return [];
  return cached(
    db,
    `SELECT i.number FROM responses r JOIN incidents i ON i.id = r.incident_id
     WHERE r.group_id = ? AND r.deleted = 0 AND i.deleted = 0 ORDER BY i.found_at, i.number`,
  ).pluck().all(groupId) as string[];
}

const toResponse = (db: Db, r: ResponseRow): Response => ({
  id: r.id,
  incidentId: r.incident_id,
  at: r.at,
  method: r.method,
  channel: r.channel,
  url: r.url,
  content: r.content,
  unitId: r.unit_id,
  disposition: r.disposition,
  createdAt: r.created_at,
  jointWith: jointWith(db, r.group_id),
  responder: r.responder,
});

type ResponseInput = z.output<typeof responseInputSchema>;

function checkTime(incident: Incident, at: string, nowMs: number): void {
  const named = (text: string) => `输入有误：${text}`;
  refuseBeforeFound(at, incident.foundAt, '回应时间', 'at');
  if (incident.firstSeenAt !== null && at < incident.firstSeenAt) {
    const message = `回应时间早于${incident.number}的舆情首发时间`;
    throw new LedgerError('invalid_input', named(message), [{ path: 'at', message }]);
  }
  if (isInFuture(at, nowMs)) {
    throw new LedgerError('invalid_input', named('回应时间不能晚于当前时间'), [{ path: 'at', message: '回应时间不能晚于当前时间' }]);
  }
}

/** Answering is what 已回应 means: an incident still awaiting 研判 or in 处置 moves there with its response. */
function answeredStatus(incident: Incident, nowIso: string): Change[] {
  const moves =
    (incident.status === 'handling' && canTransition('handling', 'responded')) ||
    (incident.status === 'triage' && canTransition('triage', 'handling') && canTransition('handling', 'responded'));
  return moves ? [{ table: 'incidents', row: incident.id, fields: { status: 'responded', status_reason: '', updated_at: nowIso } }] : [];
}

/**
 * Records a response. With `incidents` it is a 共性回应: one response row per incident, all sharing a group id,
 * written in one mutation — so it appears on every incident it answers and stops each one's clock, as any
 * response does (see migration 9 for why rows per incident rather than a link table).
 */
export function addResponse(ctx: LedgerContext, input: ResponseInput): Response {
  return atomically(ctx, () => toResponse(ctx.db, cached(ctx.db, 'SELECT * FROM responses WHERE id = ?').get(addResponseRow(ctx, input)) as ResponseRow));
}

/** addResponse without reading the response back: the id of the (first) response, for the Excel import's batch. */
export function addResponseRow(ctx: LedgerContext, input: ResponseInput): string {
  return atomically(ctx, () => {
    const refs = input.incidents ?? [input.incident!];
    const incidents: Incident[] = [];
    for (const ref of refs) {
      const incident = getIncident(ctx.db, ref);
      if (!incidents.some((i) => i.id === incident.id)) incidents.push(incident);
    }
    for (const incident of incidents) checkTime(incident, input.at, ctx.now());
    const joint = input.incidents !== undefined;
    if (joint && incidents.length < 2) throw new LedgerError('invalid_input', '输入有误：共性回应至少回应两起不同的事件');
    const unitId = resolveUnit(ctx.db, input.unit, 'unit');
    const nowIso = new Date(ctx.now()).toISOString();
    const groupId = joint ? randomUUID() : null;
    const ids = incidents.map(() => randomUUID());
    const how = `${RESPONSE_METHOD_LABELS[input.method]}（${RESPONSE_CHANNEL_LABELS[input.channel]}）`;
    mutate(
      ctx,
      {
        action: 'response.add',
        entity: 'incident',
        entityId: incidents[0]!.id,
        summary: joint
          ? `共性回应 ${incidents.length} 起（${incidents.map((i) => i.number).join('、')}）：${how}`
          : `${incidents[0]!.number} 回应：${how}`,
      },
      incidents.flatMap((incident, k): Change[] => [
        {
          table: 'responses',
          row: ids[k]!,
          fields: {
            incident_id: incident.id,
            at: input.at,
            method: input.method,
            channel: input.channel,
            url: input.url,
            content: input.content,
            unit_id: unitId,
            disposition: input.disposition,
            created_at: nowIso,
            ...(groupId !== null ? { group_id: groupId } : {}),
            responder: input.responder || (ctx.staff ?? ''),
          },
        },
        ...answeredStatus(incident, nowIso),
      ]),
    );
    return ids[0]!;
  });
}

export function listResponses(db: Db, incidentRef: string): Response[] {
  const incident = getIncident(db, incidentRef);
  const rows = cached(db, 'SELECT * FROM responses WHERE incident_id = ? AND deleted = 0 ORDER BY at, id').all(incident.id) as ResponseRow[];
  return rows.map((r) => toResponse(db, r));
}
