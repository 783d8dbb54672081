import type { TimelineEntry } from '../../../shared/api/timeline.js';
import { COMMITMENT_STATUS_LABELS, FEEDBACK_METHOD_LABELS, FOLLOWUP_KIND_LABELS, RESPONSE_CHANNEL_LABELS, SATISFACTION_LABELS } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { COMMITMENT_SELECT, type CommitmentRow } from './commitments.js';
import { cached } from './statements.js';
import { formatYmd } from '../../../shared/china-time.js';

// The incident timeline's entries for commitments, follow-ups and feedback (merged with registration, status
// changes and responses by the timeline handler). A commitment contributes the moments that matter: made,
// fulfilled (or judged 无法兑现), made public, checked.

export function commitmentTimelineEntries(db: Db, incidentId: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const commitments = cached(db, `${COMMITMENT_SELECT} AND c.incident_id = ?`).all(incidentId) as CommitmentRow[];
  for (const c of commitments) {
    entries.push({
      at: c.promised_at,
      kind: 'commitment',
      title: `承诺 ${c.number}：${c.content}`,
      detail: `责任单位：${c.unit_name ?? c.unit_id}${c.person ? `（${c.person}）` : ''}；期限：${formatYmd(c.deadline)}${c.calendar_verified === 1 ? '' : '（节假日安排未核实）'}`,
      refId: c.id,
    });
    if (c.status === 'fulfilled' && c.fulfilled_at) {
      entries.push({ at: c.fulfilled_at, kind: 'commitment', title: `承诺 ${c.number} 已兑现`, detail: c.evidence, refId: c.id });
    } else if (c.status === 'unfulfillable') {
      entries.push({
        at: c.updated_at,
        kind: 'commitment',
        title: `承诺 ${c.number} ${COMMITMENT_STATUS_LABELS.unfulfillable}`,
        detail: c.status_reason,
        refId: c.id,
      });
    }
    if (c.pub_state === 'published' && c.pub_at) {
      entries.push({
        at: c.pub_at,
        kind: 'commitment',
        title: `承诺 ${c.number} 落实情况已公开（${c.pub_channel ? RESPONSE_CHANNEL_LABELS[c.pub_channel] : ''}）`,
        ...(c.pub_url ? { detail: c.pub_url } : {}),
        refId: c.id,
      });
    } else if (c.pub_state === 'not_published') {
      entries.push({ at: c.updated_at, kind: 'commitment', title: `承诺 ${c.number} 落实情况未公开`, detail: c.pub_note, refId: c.id });
    }
    if (c.check_at) {
      entries.push({
        at: c.check_at,
        kind: 'commitment',
        title: `承诺 ${c.number} 核查`,
        detail: c.check_result,
        actor: c.check_by,
        refId: c.id,
      });
    }
  }
  const numbers = new Map(commitments.map((c) => [c.id, c.number]));
  const followups = cached(
    db,
    'SELECT id, commitment_id, kind, at, actor, content FROM followups WHERE deleted = 0 AND incident_id = ?',
  ).all(incidentId) as { id: string; commitment_id: string | null; kind: keyof typeof FOLLOWUP_KIND_LABELS; at: string; actor: string; content: string }[];
  for (const f of followups) {
    const about = f.commitment_id ? `（承诺 ${numbers.get(f.commitment_id) ?? ''}）` : '';
    entries.push({
      at: f.at,
      kind: 'followup',
      title: `${FOLLOWUP_KIND_LABELS[f.kind]}${about}`,
      detail: f.content,
      ...(f.actor ? { actor: f.actor } : {}),
      refId: f.id,
    });
  }
  const feedback = cached(db, 'SELECT id, at, method, satisfaction, note, actor FROM feedback WHERE deleted = 0 AND incident_id = ?').all(
    incidentId,
  ) as { id: string; at: string; method: keyof typeof FEEDBACK_METHOD_LABELS; satisfaction: number; note: string; actor: string }[];
  for (const f of feedback) {
    entries.push({
      at: f.at,
      kind: 'feedback',
      title: `反馈评价（${FEEDBACK_METHOD_LABELS[f.method]}）：满意度 ${f.satisfaction}（${SATISFACTION_LABELS[f.satisfaction] ?? ''}）`,
      ...(f.note ? { detail: f.note } : {}),
      ...(f.actor ? { actor: f.actor } : {}),
      refId: f.id,
    });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
