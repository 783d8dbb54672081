import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { createIncident, transitionIncident } from '../../../electron/core/ledger/incidents.js';
import { incidentTimeline } from '../../../electron/core/ledger/timeline.js';
import { opsOfRow } from '../../../electron/core/ledger/op-store.js';
import { statusMovesOf, type StatusMove } from '../../../electron/core/ledger/status-history.js';
import { closedAtOf } from '../../../electron/core/similarity/closed-at.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { memoryKeyStore } from '../../../electron/core/sync/keystore.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { tempLedger } from '../../helpers/temp.js';
import { introduce, testClock } from '../sync/helpers.js';
import { forgetMigrationsFrom } from '../../helpers/forget-migrations.js';

// The status history (migration 18) is what the timeline, the digest's status as of a date and 反弹's closed-at read
// of the past, so that superseded status operations can be pruned. It must say exactly what the operations say:
// kept by the write path, by applied bundles, and filled by the migration on a ledger that already has a history.

/** The rule, from the operations themselves: each status op, the same site's next status_reason before its next
 * status, and the same site's first updated_at after it. */
function movesFromOps(db: Db, tbl: 'incidents' | 'commitments', row: string): StatusMove[] {
  const ops = opsOfRow(db, tbl, row);
  return ops
    .filter((op) => op.col === 'status')
    .map((s) => {
      const later = ops.filter((o) => o.site === s.site && o.hlc > s.hlc);
      const nextStatus = later.find((o) => o.col === 'status')?.hlc ?? '\uffff';
      const reason = later.find((o) => o.col === 'status_reason' && o.hlc < nextStatus)?.value as string | undefined;
      const at = later.find((o) => o.col === 'updated_at')?.value as string | undefined;
      return { hlc: s.hlc, site: s.site, status: s.value as string, ...(reason !== undefined ? { reason } : {}), ...(at !== undefined ? { at } : {}) };
    });
}

const input = (title: string) =>
  incidentInputSchema.parse({ title, platform: '微博', foundAt: '2026-11-27 09:00', severity: 'general', categories: ['environment'] });

describe('status history', () => {
  it('records every move with its reason and time, as the operations say, and the timeline reads it', () => {
    const clock = testClock();
    const ledger = tempLedger({ now: clock.now });
    const { ctx, db } = ledger;
    const incident = createIncident(ctx, input('县城供暖不热'));
    const moves: [Parameters<typeof transitionIncident>[2], string][] = [
      ['no_response', '信息不实，无需回应'],
      ['triage', '网民补充了新情况'],
      ['handling', ''],
      ['responded', ''],
      ['closed', ''],
    ];
    for (const [to, reason] of moves) {
      clock.advance(3_600_000);
      transitionIncident(ctx, incident.id, to, reason);
    }
    const history = statusMovesOf(db, 'incidents', incident.id);
    expect(history.map((m) => m.status)).toEqual(['triage', 'no_response', 'triage', 'handling', 'responded', 'closed']);
    expect(history.map((m) => m.reason)).toEqual(['', '信息不实，无需回应', '网民补充了新情况', '', '', '']);
    expect(history).toEqual(movesFromOps(db, 'incidents', incident.id));
    expect(closedAtOf(db, incident.id)).toBe(new Date(clock.now()).toISOString());
    const status = incidentTimeline(db, incident.id).filter((e) => e.kind === 'status');
    expect(status.map((e) => [e.title, e.detail])).toEqual([
      ['状态：待研判 → 无需回应', '信息不实，无需回应'],
      ['状态：无需回应 → 待研判', '网民补充了新情况'],
      ['状态：待研判 → 处置中', undefined],
      ['状态：处置中 → 已回应', undefined],
      ['状态：已回应 → 已办结', undefined],
    ]);
  });

  it('is kept by applied bundles: concurrent moves on two workstations give both the same history', async () => {
    const clock = testClock();
    const a = tempLedger({ siteName: '县委宣传部', now: clock.now, keyStore: memoryKeyStore() });
    const b = tempLedger({ siteName: '城关镇', now: clock.now, keyStore: memoryKeyStore() });
    await introduce(a, b);
    const send = async (from: typeof a, to: typeof a) =>
      importBundleBytes(to, (await buildBundle(from, { peers: [to.siteId], full: false })).bytes);
    const incident = createIncident(a.ctx, input('小区拆迁补偿纠纷'));
    await send(a, b);
    clock.advance(60_000);
    transitionIncident(a.ctx, incident.id, 'handling', '');
    clock.advance(1_000);
    transitionIncident(b.ctx, incident.id, 'no_response', '已由属地答复');
    await send(a, b);
    await send(b, a);
    clock.advance(60_000);
    transitionIncident(b.ctx, incident.id, 'triage', '需重新研判');
    await send(b, a);
    const here = statusMovesOf(a.db, 'incidents', incident.id);
    expect(here).toHaveLength(4);
    expect(statusMovesOf(b.db, 'incidents', incident.id)).toEqual(here);
    expect(here).toEqual(movesFromOps(a.db, 'incidents', incident.id));
    expect(incidentTimeline(b.db, incident.id)).toEqual(incidentTimeline(a.db, incident.id));
  });

  it('is filled by the migration from the operations of a ledger that already has a history', () => {
    const clock = testClock();
    const ledger = tempLedger({ now: clock.now });
    const ids = ['县城供暖不热', '学校食堂食品安全', '河道污染'].map((t) => createIncident(ledger.ctx, input(t)).id);
    for (const [i, id] of ids.entries()) {
      clock.advance(60_000);
      transitionIncident(ledger.ctx, id, 'handling', '');
      if (i > 0) transitionIncident(ledger.ctx, id, 'responded', '');
      if (i > 1) transitionIncident(ledger.ctx, id, 'closed', '');
    }
    const before = ids.map((id) => statusMovesOf(ledger.db, 'incidents', id));
    const timelines = ids.map((id) => incidentTimeline(ledger.db, id));
    // The ledger as the previous version left it: no status history, migration 18 not yet run (nor the later ones).
    forgetMigrationsFrom(ledger.db, 'status-history');
    ledger.close();
    const upgraded = openLedger({ path: ledger.path, now: clock.now });
    try {
      expect(ids.map((id) => statusMovesOf(upgraded.db, 'incidents', id))).toEqual(before);
      expect(ids.map((id) => incidentTimeline(upgraded.db, id))).toEqual(timelines);
      expect(before.flat()).toHaveLength(2 + 3 + 4);
    } finally {
      upgraded.close();
    }
  });
});
