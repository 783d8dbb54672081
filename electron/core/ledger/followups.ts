import type { z } from 'zod';
import type { Followup, followupInputSchema } from '../../../shared/api/commitments.js';
import { FOLLOWUP_KIND_LABELS } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { getIncident } from './incidents.js';
import type { LedgerContext } from './mutate.js';
import { appendToTarget, resolveTarget } from './targets.js';
import { cached } from './statements.js';

// Follow-ups (跟进: 进展, 督办, 催办, 核查, 回访, 舆情反弹) are append-only: each is a dated note on an incident or
// one of its commitments. There is no edit: a correction is another follow-up, so the record stands as written.

interface FollowupRow {
  id: string;
  incident_id: string;
  commitment_id: string | null;
  kind: Followup['kind'];
  at: string;
  actor: string;
  content: string;
  created_at: string;
}

const toFollowup = (r: FollowupRow): Followup => ({
  id: r.id,
  incidentId: r.incident_id,
  commitmentId: r.commitment_id,
  kind: r.kind,
  at: r.at,
  actor: r.actor,
  content: r.content,
  createdAt: r.created_at,
});

const SELECT = 'SELECT id, incident_id, commitment_id, kind, at, actor, content, created_at FROM followups WHERE deleted = 0';

export function addFollowup(ctx: LedgerContext, input: z.output<typeof followupInputSchema>): Followup {
  return ctx.db.transaction(() => {
    const id = appendToTarget(ctx, input, {
      table: 'followups',
      action: 'followup.add',
      atName: '跟进时间',
      summary: `${FOLLOWUP_KIND_LABELS[input.kind]}：${input.content.slice(0, 40)}`,
      fields: { kind: input.kind, content: input.content },
    });
    return toFollowup(cached(ctx.db, `${SELECT} AND id = ?`).get(id) as FollowupRow);
  })();
}

export function listFollowups(db: Db, filter: { incident?: string | undefined; commitment?: string | undefined }): Followup[] {
  if (filter.commitment !== undefined) {
    const target = resolveTarget(db, { commitment: filter.commitment });
    return (cached(db, `${SELECT} AND commitment_id = ? ORDER BY at, created_at`).all(target.commitmentId) as FollowupRow[]).map(toFollowup);
  }
  if (filter.incident === undefined) return [];
  const incident = getIncident(db, filter.incident);
  return (cached(db, `${SELECT} AND incident_id = ? ORDER BY at, created_at`).all(incident.id) as FollowupRow[]).map(toFollowup);
}
