import { describe, expect, it } from 'vitest';
import { computeDigest } from '../../../electron/core/digest/compute.js';
import { digestLedger } from './fixture.js';
import { isoWeeksInYear, parsePeriod, periodContaining, shiftPeriod } from '../../../shared/china-time.js';

// Periods are China calendar periods whatever the process time zone (this project runs in America/New_York).

describe('report periods', () => {
  it('reads ISO weeks, months and years as China-time instants', () => {
    expect(parsePeriod('2026-W48')).toMatchObject({
      kind: 'week',
      key: '2026-W48',
      firstDay: '2026-11-23',
      lastDay: '2026-11-29',
      start: '2026-11-22T16:00:00.000Z',
      end: '2026-11-29T16:00:00.000Z',
    });
    // Week 1 is the week with 4 January: 2026-W01 starts in 2025; 2026 has 53 weeks, 2025 has 52.
    expect(parsePeriod('2026-W01')).toMatchObject({ firstDay: '2025-12-29', lastDay: '2026-01-04' });
    expect([isoWeeksInYear(2026), isoWeeksInYear(2025), isoWeeksInYear(2020)]).toEqual([53, 52, 53]);
    expect(parsePeriod('2026-W53')).toMatchObject({ firstDay: '2026-12-28', lastDay: '2027-01-03' });
    expect(parsePeriod('2025-W53')).toBeUndefined();
    expect(parsePeriod('2026w5')?.key).toBe('2026-W05');
    expect(parsePeriod('2026-11')).toMatchObject({ kind: 'month', start: '2026-10-31T16:00:00.000Z', end: '2026-11-30T16:00:00.000Z' });
    expect(parsePeriod('2026-2')).toMatchObject({ key: '2026-02', lastDay: '2026-02-28' });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', start: '2025-12-31T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' });
    for (const bad of ['2026-W0', '2026-W54', '2026-13', '2026-00', '26', 'W48', '2026-W48-1', '1999', '']) expect(parsePeriod(bad), bad).toBeUndefined();
  });

  it('finds the week of an instant at Sunday 23:59 and Monday 00:00 China time', () => {
    expect(periodContaining('week', '2026-11-29T15:59:00Z').key).toBe('2026-W48'); // Sunday 23:59 China
    expect(periodContaining('week', '2026-11-29T16:00:00Z').key).toBe('2026-W49'); // Monday 00:00 China
    expect(periodContaining('week', '2026-11-22T16:00:00Z').key).toBe('2026-W48'); // Monday 00:00 China
    expect(periodContaining('week', '2027-01-01T04:00:00Z').key).toBe('2026-W53');
    expect(periodContaining('week', '2025-12-29T04:00:00Z').key).toBe('2026-W01');
    expect(periodContaining('month', '2026-11-30T16:30:00Z').key).toBe('2026-12'); // already 1 December in China
    expect(shiftPeriod(parsePeriod('2026-W01')!, -1).key).toBe('2025-W52');
    expect(shiftPeriod(parsePeriod('2026-01')!, -1).key).toBe('2025-12');
    expect(shiftPeriod(parsePeriod('2026-W53')!, 1).key).toBe('2027-W01');
  });
});

describe('week boundaries in the ledger', () => {
  it('counts an incident found Sunday 23:59 in its week and one found Monday 00:00 in the next', async () => {
    const { ok, ledger } = digestLedger();
    const add = (title: string, foundAt: string) => ok('createIncident', { title, foundAt, platform: '微博', severity: '一般', categories: ['欠薪'] });
    await add('周日深夜发现', '2026-11-22 23:59');
    await add('周一零点发现', '2026-11-23 00:00');
    await add('下周日深夜发现', '2026-11-29 23:59');
    await add('下下周一零点发现', '2026-11-30 00:00');
    const now = Date.parse('2026-11-30T01:00:00Z');
    const w47 = computeDigest(ledger.db, '2026-W47', now);
    const w48 = computeDigest(ledger.db, '2026-W48', now);
    const w49 = computeDigest(ledger.db, '2026-W49', now);
    expect([w47.newIncidents, w48.newIncidents, w49.newIncidents]).toEqual([1, 2, 1]);
    expect(w48.previousWeekIncidents).toBe(1);
    expect(w49.asOf).toBe('2026-11-30T01:00:00.000Z'); // a running week is taken at now
    expect(w48.keyIncidents).toEqual([]);
  });

  it('renders an empty week without inventing anything', async () => {
    const { ok } = digestLedger();
    await ok('addCategory', { name: '网络<谣言>', short: '谣言', color: '#123456' });
    const { digest: d, html } = await ok('renderDigest', { period: '2026-W40' });
    expect(d.newIncidents).toBe(0);
    expect(d.previousIncidents).toBe(0);
    expect(d.byCategory.every((c) => c.count === 0)).toBe(true);
    expect(d.respondedWithin).toEqual({ '5h': null, '24h': null, '48h': null });
    expect(d.response.rate).toBeNull();
    expect(d.requirements.every((r) => r.subject === 0 && r.share === null)).toBe(true);
    expect(d.commitments).toEqual({ made: 0, fulfilled: 0, fulfilledPublished: 0, published: 0, dueNextWeek: 0, overdue: 0 });
    expect(d.trend.map((t) => t.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(html).toContain('本周未发现登记舆情事件');
    expect(html).toContain('本周无重大及以上等级舆情');
    expect(html).toContain('无逾期未兑现的承诺事项');
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('undefined');
    expect(html).toContain('网络&lt;谣言&gt;'); // ledger text is escaped on paper
    expect(html).not.toContain('网络<谣言>');
  });
});
