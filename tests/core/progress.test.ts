import { describe, expect, it, vi } from 'vitest';
import type { ProgressEvent } from '../../shared/api/events.js';
import { progressReporter } from '../../electron/core/progress.js';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import { tempLedger } from '../helpers/temp.js';

// The throttle every long job reports through, and the year report's steps.

describe('progressReporter', () => {
  it('is undefined without a listener, so reporting costs nothing', () => {
    expect(progressReporter(undefined, 'importBundle')).toBeUndefined();
  });

  it('lets through at most one event per 100 ms within a phase, plus every phase change and the last one', () => {
    let now = 0;
    const events: ProgressEvent[] = [];
    const report = progressReporter((e) => events.push(e), 'job', { now: () => now })!;
    // 1000 steps over one second of one phase: ~10 events, not 1000.
    for (let done = 0; done < 1000; done++) {
      now = done;
      report('写入', done, 1000);
    }
    expect(events.length).toBeGreaterThanOrEqual(9);
    expect(events.length).toBeLessThanOrEqual(11);
    // A new phase always shows, even within the interval; so does the end.
    report('完成', 1000, 1000);
    expect(events.at(-1)).toEqual({ job: 'job', phase: '完成', done: 1000, total: 1000 });
    const times = events.slice(0, -1).map((e) => e.done);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
  });

  it('never lets a failing listener fail the job', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const report = progressReporter(() => {
      throw new Error('listener broke');
    }, 'job')!;
    expect(() => report('解密', 0, 4)).not.toThrow();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe('year report progress', () => {
  it('reports the scan and the months, throttled, ending at done === total; weeks and months report nothing', async () => {
    const ledger = tempLedger();
    const events: ProgressEvent[] = [];
    const call = createDispatcher(createHandlers(ledger, { progress: (e) => events.push(e) }));

    expect(await call('getDigest', { period: '2026' })).toMatchObject({ ok: true });
    expect(events[0]).toEqual({ job: 'getDigest', phase: '汇总事件', done: 0, total: 13 });
    expect(events.at(-1)).toEqual({ job: 'getDigest', phase: '完成', done: 13, total: 13 });
    // Twelve months computed in milliseconds: the throttle keeps only the first of them.
    expect(events.filter((e) => e.phase === '逐月统计').length).toBeLessThan(12);

    events.length = 0;
    expect(await call('renderDigest', { period: '2026' })).toMatchObject({ ok: true });
    expect(events.every((e) => e.job === 'renderDigest')).toBe(true);
    expect(events.at(-1)).toMatchObject({ done: 13, total: 13 });

    events.length = 0;
    expect(await call('getDigest', { period: '2026-11' })).toMatchObject({ ok: true });
    expect(await call('getDigest', { period: '2026-W47' })).toMatchObject({ ok: true });
    expect(events).toEqual([]);
  });
});
