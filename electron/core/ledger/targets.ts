import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { getIncident } from './incidents.js';
import { cached } from './statements.js';

// What a follow-up or a feedback entry is about: an incident, or one of its commitments (which names its
// incident). Given both, they must agree.

export interface Target {
  incidentId: string;
  commitmentId: string | null;
  /** YQ-2026-0001 or YQ-2026-0001-C1, for audit summaries. */
  label: string;
  error(path: string, message: string): LedgerError;
}

const error = (path: string, message: string) => new LedgerError('invalid_input', `输入有误：${message}`, [{ path, message }]);

export function resolveTarget(db: Db, input: { incident?: string | undefined; commitment?: string | undefined }): Target {
  if (input.commitment !== undefined) {
    const row = cached(db, 'SELECT id, incident_id, number FROM commitments WHERE deleted = 0 AND (id = @ref OR number = @ref)').get({
      ref: input.commitment,
    }) as { id: string; incident_id: string; number: string } | undefined;
    if (!row) throw new LedgerError('not_found', `找不到承诺“${input.commitment}”`);
    if (input.incident !== undefined && getIncident(db, input.incident).id !== row.incident_id) {
      throw error('commitment', `承诺 ${row.number} 不属于舆情事件 ${input.incident}`);
    }
    return { incidentId: row.incident_id, commitmentId: row.id, label: row.number, error };
  }
  if (input.incident === undefined) throw error('incident', '请指定舆情事件或承诺');
  const incident = getIncident(db, input.incident);
  return { incidentId: incident.id, commitmentId: null, label: incident.number, error };
}
