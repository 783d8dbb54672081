import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/api/events.js';
import { progressEventSchema } from '../../../shared/api/events.js';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { createIncident } from '../../../electron/core/ledger/incidents.js';
import { createDispatcher, createHandlers } from '../../../electron/core/service.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { tempDir } from '../../helpers/temp.js';
import { introduce, replica, testClock } from './helpers.js';

// Import, preview and export report their steps through the handlers' progress sink, the same path the worker
// posts to main: in order, each a valid ProgressEvent, the last one with done === total.

function listened(ledger: Ledger) {
  const events: ProgressEvent[] = [];
  const call = createDispatcher(createHandlers(ledger, { progress: (event) => events.push(event) }));
  return { call, events };
}

async function exchange() {
  const clock = testClock();
  const a = replica('县委宣传部', clock.now);
  const b = replica('县政府办', clock.now);
  await introduce(a, b);
  createIncident(a.ctx, incidentInputSchema.parse({ title: '县城供暖不热', platform: '微博', foundAt: '2026-11-27 09:00', severity: '一般', categories: ['环境'] }));
  return { a, b, path: join(tempDir(), 'a-to-b.yqb') };
}

const steps = (events: ProgressEvent[]) => events.map((e) => [e.phase, e.done, e.total]);

describe('progress of bundle jobs', () => {
  it('export reports 收集操作 → 压缩 → 加密 → 写入 → 完成', async () => {
    const { a, b, path } = await exchange();
    const { call, events } = listened(a);
    expect(await call('exportBundle', { path, peers: [b.siteId] })).toMatchObject({ ok: true });
    expect(steps(events)).toEqual([
      ['收集操作', 0, 4],
      ['压缩', 1, 4],
      ['加密', 2, 4],
      ['写入', 3, 4],
      ['完成', 4, 4],
    ]);
    for (const event of events) {
      expect(event.job).toBe('exportBundle');
      expect(progressEventSchema.parse(event)).toEqual(event);
    }
  });

  it('preview and import report their phases in order, ending at done === total', async () => {
    const { a, b, path } = await exchange();
    expect(await listened(a).call('exportBundle', { path, peers: [b.siteId] })).toMatchObject({ ok: true });
    const { call, events } = listened(b);

    expect(await call('previewBundle', { path })).toMatchObject({ ok: true });
    expect(events.every((e) => e.job === 'previewBundle')).toBe(true);
    expect(steps(events)).toEqual([
      ['解密', 0, 4],
      ['验证签名', 1, 4],
      ['校验', 2, 4],
      ['核对变更', 3, 4], // a preview writes nothing, and does not say it does
      ['完成', 4, 4],
    ]);

    events.length = 0;
    expect(await call('importBundle', { path })).toMatchObject({ ok: true, value: { alreadyImported: false } });
    expect(events.every((e) => e.job === 'importBundle')).toBe(true);
    expect(events.map((e) => e.phase)).toEqual(['解密', '验证签名', '校验', '写入', '完成']);
    const dones = events.map((e) => e.done);
    expect(dones).toEqual([...dones].sort((x, y) => x - y));
    expect(events.at(-1)).toMatchObject({ done: 4, total: 4 });
  });

  it('a refused import stops reporting where it stopped (no false 完成)', async () => {
    const { a, b, path } = await exchange();
    expect(await listened(a).call('exportBundle', { path, peers: [b.siteId] })).toMatchObject({ ok: true });
    const { call, events } = listened(a); // sealed to b's key: a cannot even open it
    expect(await call('importBundle', { path })).toMatchObject({ ok: false });
    expect(events.map((e) => e.phase)).not.toContain('完成');
  });

  it('without a listener, the same jobs run and report nothing', async () => {
    const { a, b, path } = await exchange();
    const call = createDispatcher(createHandlers(a));
    expect(await call('exportBundle', { path, peers: [b.siteId] })).toMatchObject({ ok: true });
    expect(await createDispatcher(createHandlers(b))('importBundle', { path })).toMatchObject({ ok: true });
  });
});
