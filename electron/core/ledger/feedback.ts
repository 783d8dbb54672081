import type { z } from 'zod';
import type { Feedback, feedbackInputSchema } from '../../../shared/api/commitments.js';
import { FEEDBACK_METHOD_LABELS, SATISFACTION_LABELS } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { getIncident } from './incidents.js';
import type { LedgerContext } from './mutate.js';
import { cached } from './statements.js';
import { appendToTarget } from './targets.js';

// 反馈评价: what the public said afterwards about the response or the policy (网上调研, 回访, 评论分析), with a
// satisfaction score of 1–5. Append-only, like follow-ups.

interface FeedbackRow {
  id: string;
  incident_id: string;
  commitment_id: string | null;
  at: string;
  method: Feedback['method'];
  satisfaction: number;
  note: string;
  actor: string;
  created_at: string;
}

const toFeedback = (r: FeedbackRow): Feedback => ({
  id: r.id,
  incidentId: r.incident_id,
  commitmentId: r.commitment_id,
  at: r.at,
  method: r.method,
  satisfaction: r.satisfaction,
  note: r.note,
  actor: r.actor,
  createdAt: r.created_at,
});

const SELECT = 'SELECT id, incident_id, commitment_id, at, method, satisfaction, note, actor, created_at FROM feedback WHERE deleted = 0';

export function addFeedback(ctx: LedgerContext, input: z.output<typeof feedbackInputSchema>): Feedback {
  return ctx.db.transaction(() => {
    const id = appendToTarget(ctx, input, {
      table: 'feedback',
      action: 'feedback.add',
      atName: '反馈时间',
      summary: `反馈评价（${FEEDBACK_METHOD_LABELS[input.method]}）：满意度 ${input.satisfaction}（${SATISFACTION_LABELS[input.satisfaction]}）`,
      fields: { method: input.method, satisfaction: input.satisfaction, note: input.note },
    });
    return toFeedback(cached(ctx.db, `${SELECT} AND id = ?`).get(id) as FeedbackRow);
  })();
}

export function listFeedback(db: Db, incidentRef: string): Feedback[] {
  const incident = getIncident(db, incidentRef);
  return (cached(db, `${SELECT} AND incident_id = ? ORDER BY at, created_at`).all(incident.id) as FeedbackRow[]).map(toFeedback);
}
