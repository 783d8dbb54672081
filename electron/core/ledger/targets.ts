import { randomUUID } from 'node:crypto';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { isInFuture } from './entry-time.js';
import { getIncident } from './incidents.js';
import { COMMITMENT_NUMBER_SQL, COMMITMENT_REF_SQL, commitmentRef } from './numbering.js';
import { type LedgerContext, mutate } from './mutate.js';
import { cached } from './statements.js';
import type { FieldValue } from './tables.js';

// What a follow-up or a feedback entry is about: an incident, or one of its commitments (which names its
// incident). Given both, they must agree.

export interface Target {
  incidentId: string;
  commitmentId: string | null;
  /** YQ-2026-0001 or YQ-2026-0001-C1, for audit summaries. */
  label: string;
}

const error = (path: string, message: string) => new LedgerError('invalid_input', `输入有误：${message}`, [{ path, message }]);

export function resolveTarget(db: Db, input: { incident?: string | undefined; commitment?: string | undefined }): Target {
  if (input.commitment !== undefined) {
    const row = cached(
      db,
      `SELECT c.id, c.incident_id, ${COMMITMENT_NUMBER_SQL} AS number FROM commitments c JOIN incidents i ON i.id = c.incident_id
       WHERE c.deleted = 0 AND ${COMMITMENT_REF_SQL}`,
    ).get(commitmentRef(input.commitment)) as { id: string; incident_id: string; number: string } | undefined;
    if (!row) throw new LedgerError('not_found', `找不到承诺“${input.commitment}”`);
    if (input.incident !== undefined && getIncident(db, input.incident).id !== row.incident_id) {
      throw error('commitment', `承诺 ${row.number} 不属于舆情事件 ${input.incident}`);
    }
    return { incidentId: row.incident_id, commitmentId: row.id, label: row.number };
  }
  if (input.incident === undefined) throw error('incident', '请指定舆情事件或承诺');
  const incident = getIncident(db, input.incident);
  return { incidentId: incident.id, commitmentId: null, label: incident.number };
}

/** One dated entry about a target: a follow-up or a feedback, with the fields of its own kind. */
export interface TargetEntry {
  table: 'followups' | 'feedback';
  action: string;
  /** How the refusal names `at`: 跟进时间, 反馈时间. */
  atName: string;
  /** The audit line after the target's number. */
  summary: string;
  fields: Readonly<Record<string, FieldValue>>;
}

/**
 * Appends an entry about an incident or one of its commitments, in one transaction: `at` defaults to now and may
 * not lie in the future, the actor to this workstation's; the audit entry names the commitment if there is one.
 * Returns the new row's id.
 */
export function appendToTarget(
  ctx: LedgerContext,
  input: { incident?: string | undefined; commitment?: string | undefined; at?: string | undefined; actor: string },
  entry: TargetEntry,
): string {
  return ctx.db.transaction(() => {
    const target = resolveTarget(ctx.db, input);
    const now = new Date(ctx.now()).toISOString();
    const at = input.at ?? now;
    if (isInFuture(at, ctx.now())) throw error('at', `${entry.atName}不能晚于当前时间`);
    const id = randomUUID();
    mutate(
      ctx,
      {
        action: entry.action,
        entity: target.commitmentId ? 'commitment' : 'incident',
        entityId: target.commitmentId ?? target.incidentId,
        summary: `${target.label} ${entry.summary}`,
      },
      [
        {
          table: entry.table,
          row: id,
          fields: {
            incident_id: target.incidentId,
            commitment_id: target.commitmentId,
            at,
            actor: input.actor || ctx.actor,
            created_at: now,
            ...entry.fields,
          },
        },
      ],
    );
    return id;
  })();
}
