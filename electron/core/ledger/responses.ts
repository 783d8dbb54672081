import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Response, responseInputSchema } from '../../../shared/api/responses.js';
import { RESPONSE_CHANNEL_LABELS, RESPONSE_METHOD_LABELS } from '../../../shared/domain.js';
import { LedgerError } from '../../../shared/errors.js';
import { canTransition } from '../../../shared/status.js';
import type { Db } from '../db/open.js';
import { getIncident } from './incidents.js';
import { type LedgerContext, mutate } from './mutate.js';
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
}

const toResponse = (r: ResponseRow): Response => ({
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
});

export function addResponse(ctx: LedgerContext, input: z.output<typeof responseInputSchema>): Response {
  return ctx.db.transaction(() => {
    const incident = getIncident(ctx.db, input.incident);
    if (incident.firstSeenAt !== null && input.at < incident.firstSeenAt) {
      throw new LedgerError('invalid_input', '输入有误：回应时间早于舆情首发时间', [{ path: 'at', message: '回应时间早于舆情首发时间' }]);
    }
    refuseBeforeFound(input.at, incident.foundAt, '回应时间', 'at');
    if (isInFuture(input.at, ctx.now())) {
      throw new LedgerError('invalid_input', '输入有误：回应时间不能晚于当前时间', [{ path: 'at', message: '回应时间不能晚于当前时间' }]);
    }
    const id = randomUUID();
    const unitId = resolveUnit(ctx.db, input.unit, 'unit');
    mutate(
      ctx,
      {
        action: 'response.add',
        entity: 'incident',
        entityId: incident.id,
        summary: `${incident.number} 回应：${RESPONSE_METHOD_LABELS[input.method]}（${RESPONSE_CHANNEL_LABELS[input.channel]}）`,
      },
      [
        {
          table: 'responses',
          row: id,
          fields: {
            incident_id: incident.id,
            at: input.at,
            method: input.method,
            channel: input.channel,
            url: input.url,
            content: input.content,
            unit_id: unitId,
            disposition: input.disposition,
            created_at: new Date(ctx.now()).toISOString(),
          },
        },
        // Answering is what 已回应 means: an incident still awaiting 研判 or in 处置 moves there with its response.
        ...((incident.status === 'handling' && canTransition('handling', 'responded')) ||
        (incident.status === 'triage' && canTransition('triage', 'handling') && canTransition('handling', 'responded'))
          ? [
              {
                table: 'incidents' as const,
                row: incident.id,
                fields: { status: 'responded', status_reason: '', updated_at: new Date(ctx.now()).toISOString() },
              },
            ]
          : []),
      ],
    );
    return toResponse(cached(ctx.db, 'SELECT * FROM responses WHERE id = ?').get(id) as ResponseRow);
  })();
}

export function listResponses(db: Db, incidentRef: string): Response[] {
  const incident = getIncident(db, incidentRef);
  const rows = cached(db, 'SELECT * FROM responses WHERE incident_id = ? AND deleted = 0 ORDER BY at, id').all(incident.id) as ResponseRow[];
  return rows.map(toResponse);
}
