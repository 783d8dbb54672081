import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { recurrenceDraftSchema, recurrenceMarkSchema, SimilarIncident } from '../../../shared/api/similarity.js';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { getIncident } from '../ledger/incidents.js';
import { type LedgerContext, mutate } from '../ledger/mutate.js';
import { resolveCategory, resolveTownship } from '../ledger/reference.js';
import { closedAtOf } from './closed-at.js';
import { hash32, signatureOf } from './minhash.js';
import { type Profile, tellingOf } from './profile.js';
import { involvedOf, sameSubject } from './same-subject.js';
import { shinglesOf } from './shingles.js';
import { candidateRowids, rankSimilar } from './similar.js';
import { dayOf } from './signatures.js';
import { weigher } from './weights.js';
import { parseChinaDateTime } from '../../../shared/input/written-time.js';

// 反弹: a new incident like one closed (已办结) in the last 180 days. Suggested while the incident is registered;
// the person confirms (recorded on both: the new one's recurrence_of, a 舆情反弹 follow-up on the earlier one, in
// one mutation) or dismisses it.

export const RECURRENCE_DAYS = 180;
/** A closed matter is looked for among incidents found up to this long before (closed within RECURRENCE_DAYS). */
const LOOK_BACK_DAYS = 365;
const DAY_MS = 86_400_000;

type Draft = z.output<typeof recurrenceDraftSchema>;

/** The draft's township as typed, or null while it names none (or one being typed). */
function townshipOf(db: Db, ref: string): string | null {
  if (ref.trim() === '') return null;
  try {
    return resolveTownship(db, ref);
  } catch {
    return null;
  }
}

/** Closed incidents the draft may be a 反弹 of, most alike first. */
export function suggestRecurrence(db: Db, draft: Draft, nowMs: number): SimilarIncident[] {
  const shingles = shinglesOf(draft.title, draft.summary);
  if (shingles.length === 0) return [];
  const hashes = Uint32Array.from(new Set(shingles.map(hash32))).sort();
  const foundAt = (draft.foundAt && parseChinaDateTime(draft.foundAt)) || new Date(nowMs).toISOString();
  const weigh = weigher(db);
  weigh.load([hashes]);
  const weights = Float64Array.from(hashes, (h) => weigh.weight(h, 1));
  const sig = signatureOf(shingles);
  const target: Profile = {
    rowid: -1,
    id: '',
    number: '',
    foundAt,
    foundMs: Date.parse(foundAt),
    status: 'triage',
    categories: draft.categories.flatMap((c) => {
      try {
        return [resolveCategory(db, c)];
      } catch {
        return []; // a category being typed: no support from it
      }
    }),
    leadUnitId: null,
    townshipId: townshipOf(db, draft.township),
    sig,
    hashes,
    weights,
    total: weights.reduce((a, b) => a + b, 0),
    telling: weights.filter((w) => w > 0).length,
    ...tellingOf(hashes, weights),
  };
  const day = dayOf(foundAt);
  const rowids = candidateRowids(db, target.sig, { from: day - LOOK_BACK_DAYS, to: day, around: day + 1 }, -1);
  const since = Date.parse(foundAt) - RECURRENCE_DAYS * DAY_MS;
  const subject = { townshipId: target.townshipId, involved: draft.involvedUnit };
  const closedWithin = (p: Profile) => {
    if (!sameSubject(subject, { townshipId: p.townshipId, involved: involvedOf(db, p.rowid) })) return false;
    const at = p.status === 'closed' && p.foundAt < foundAt ? closedAtOf(db, p.id) : undefined;
    return at !== undefined && Date.parse(at) >= since;
  };
  return rankSimilar(db, target, `${draft.title}\n${draft.summary}`, rowids, weigh, closedWithin, 5, new Set(hashes));
}

export function markRecurrence(ctx: LedgerContext, input: z.output<typeof recurrenceMarkSchema>): { recurrenceOf: string | null } {
  return ctx.db.transaction(() => {
    const incident = getIncident(ctx.db, input.incident);
    const now = new Date(ctx.now()).toISOString();
    if (input.of === null) {
      mutate(
        ctx,
        { action: 'incident.recurrence', entity: 'incident', entityId: incident.id, summary: `${incident.number} ${input.dismissed ? '不是舆情反弹' : '取消反弹标记'}` },
        [{ table: 'incidents', row: incident.id, fields: { recurrence_of: null, recurrence_dismissed: input.dismissed, updated_at: now } }],
      );
      return { recurrenceOf: null };
    }
    const earlier = getIncident(ctx.db, input.of);
    if (earlier.id === incident.id) throw new LedgerError('invalid_input', '输入有误：不能标记为自身的反弹');
    if (earlier.status !== 'closed') throw new LedgerError('invalid_input', `输入有误：${earlier.number} 尚未办结，不能作为反弹的原事件`);
    if (earlier.foundAt >= incident.foundAt) throw new LedgerError('invalid_input', `输入有误：${earlier.number} 发现时间不早于 ${incident.number}`);
    mutate(
      ctx,
      { action: 'incident.recurrence', entity: 'incident', entityId: incident.id, summary: `${incident.number} 确认为 ${earlier.number} 的舆情反弹` },
      [
        { table: 'incidents', row: incident.id, fields: { recurrence_of: earlier.id, recurrence_dismissed: false, updated_at: now } },
        {
          table: 'followups',
          row: randomUUID(),
          fields: {
            incident_id: earlier.id,
            commitment_id: null,
            kind: 'rebound',
            at: now,
            actor: ctx.actor,
            content: `${incident.number}“${incident.title}”确认为本事件的舆情反弹`,
            created_at: now,
          },
        },
      ],
    );
    return { recurrenceOf: earlier.number };
  })();
}
