import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addResponse } from '../../../electron/core/ledger/responses.js';
import { createIncident, transitionIncident, updateIncident } from '../../../electron/core/ledger/incidents.js';
import { closedAtOf } from '../../../electron/core/similarity/closed-at.js';
import { STATUS_TRANSITIONS, transitionNeedsReason } from '../../../shared/status.js';
import type { IncidentStatus } from '../../../shared/domain.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { responseInputSchema } from '../../../shared/api/responses.js';
import { tempLedger } from '../../helpers/temp.js';

// 反弹's closing time (similarity/closed-at.ts) is read from the compact operation store by row and field number.
// Checked against a model of the history (the clock at the last move to 已办结) and against the query it replaced,
// which read the `ops` view's stamp text, on random histories of moves and later edits.

/** The query closed-at.ts ran before, over the `ops` view (kept here as the reference). */
const VIEW_SQL = `SELECT coalesce((SELECT coalesce(
      (SELECT json_extract(u.value, '$') FROM ops u
        WHERE u.tbl = 'incidents' AND u.row = s.row AND u.col = 'updated_at' AND u.hlc > s.hlc AND substr(u.hlc, 31) = substr(s.hlc, 31)
        ORDER BY u.hlc LIMIT 1),
      substr(s.hlc, 1, 24))
    FROM (SELECT row, hlc FROM ops WHERE tbl = 'incidents' AND row = i.id AND col = 'status' ORDER BY hlc DESC LIMIT 1) s), i.updated_at)
  FROM incidents i WHERE i.id = ? AND i.status = 'closed'`;

type Step = { kind: 'move'; pick: number; minutes: number } | { kind: 'edit'; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(5), minutes: fc.integer({ min: 0, max: 60 * 24 * 40 }) }),
  fc.record({ kind: fc.constant('edit' as const), minutes: fc.integer({ min: 0, max: 60 * 24 * 40 }) }),
);

describe('closing time from the compact operation store', () => {
  it('is the time of the last move to 已办结, whatever was edited since, as the view query said', () => {
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 12 }), { minLength: 1, maxLength: 3 }), (histories) => {
        let now = Date.parse('2026-01-05T02:00:00Z');
        const ledger = tempLedger({ now: () => now });
        const model: { id: string; status: IncidentStatus; closedAt?: string }[] = [];
        histories.forEach((_, k) => {
          const incident = createIncident(
            ledger.ctx,
            incidentInputSchema.parse({ title: `大凌河非法采砂${k}`, summary: '村民反映夜间采砂。', platform: '抖音', foundAt: '2026-01-05 09:00', severity: '一般', categories: ['环境'] }),
          );
          // A response walks the incident through 处置中 to 已回应.
          addResponse(
            ledger.ctx,
            responseInputSchema.parse({ incident: incident.id, at: '2026-01-05 10:00', method: '情况通报', channel: '政务微博', content: '已查扣采砂设备。', unit: '县水利局' }),
          );
          model.push({ id: incident.id, status: 'responded' });
        });
        histories.forEach((steps, k) => {
          const m = model[k]!;
          for (const s of steps) {
            now += s.minutes * 60_000;
            if (s.kind === 'edit') {
              updateIncident(ledger.ctx, m.id, { leaderInstruction: `批示 ${now}` });
              continue;
            }
            const options = STATUS_TRANSITIONS[m.status];
            const to = options[s.pick % options.length]!;
            transitionIncident(ledger.ctx, m.id, to, transitionNeedsReason(m.status, to) ? '说明' : '');
            m.status = to;
            if (to === 'closed') m.closedAt = new Date(now).toISOString();
          }
        });
        for (const m of model) {
          const viaView = ledger.db.prepare(VIEW_SQL).pluck().get(m.id) as string | undefined;
          expect(closedAtOf(ledger.db, m.id)).toBe(m.status === 'closed' ? m.closedAt : undefined);
          expect(closedAtOf(ledger.db, m.id)).toBe(viaView);
        }
        ledger.close();
      }),
      { numRuns: 40 },
    );
  });
});
