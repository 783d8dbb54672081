import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaDateOf, chinaDayStart, isLedgerDate, chinaParts, chinaWeekStart, chinaYear, formatChinaDateTime, periodContaining, toChinaInputValue } from '../../shared/china-time.js';
import { parseChinaDateTime } from '../../shared/input/written-time.js';

describe('China time', () => {
  it('reads wall-clock times as China time whatever the process time zone', () => {
    // vitest.config.ts runs the node project in America/New_York to prove this.
    expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(-480);
    expect(parseChinaDateTime('2026-11-28 14:05')).toBe('2026-11-28T06:05:00.000Z');
    expect(parseChinaDateTime('2026-11-28T14:05')).toBe('2026-11-28T06:05:00.000Z');
    expect(parseChinaDateTime('2026-11-28')).toBe('2026-11-27T16:00:00.000Z');
    expect(parseChinaDateTime('2026-11-28T06:05:00Z')).toBe('2026-11-28T06:05:00.000Z');
    expect(parseChinaDateTime('2026-11-28T14:05:00+08:00')).toBe('2026-11-28T06:05:00.000Z');
  });

  it('refuses impossible dates and other text', () => {
    for (const bad of ['2026-02-30 10:00', '2026-13-01', '2026-11-28 24:00', '上周五', '', '2026/11/28 9']) {
      expect(parseChinaDateTime(bad), bad).toBeUndefined();
    }
  });

  it('formats as people read it and round-trips through the input form', () => {
    const iso = '2026-11-28T06:05:00.000Z';
    expect(formatChinaDateTime(iso)).toBe('2026年11月28日 14:05');
    expect(parseChinaDateTime(toChinaInputValue(iso))).toBe(iso);
  });

  it('takes the year at China midnight, not UTC midnight', () => {
    expect(chinaYear('2025-12-31T15:59:59.000Z')).toBe(2025);
    expect(chinaYear('2025-12-31T16:00:00.000Z')).toBe(2026);
  });

  it('turns China dates into instants and back at China midnight', () => {
    expect(chinaDayStart('2026-01-01')).toBe('2025-12-31T16:00:00.000Z');
    expect(chinaDateOf(Date.parse('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(chinaDateOf(Date.parse(chinaDayStart('2026-03-01')))).toBe('2026-03-01');
    // A Sunday evening in New York is already Monday in China: the week, the day and the month follow China.
    const mondayMorning = '2026-11-29T16:30:00.000Z';
    expect(chinaParts(mondayMorning)).toMatchObject({ month: 11, day: 30, weekday: 1, hour: 0, minute: 30 });
    expect(chinaWeekStart(mondayMorning)).toBe('2026-11-29T16:00:00.000Z');
    expect(periodContaining('week', mondayMorning).key).toBe('2026-W49');
    expect(periodContaining('month', '2026-11-30T16:00:00.000Z').key).toBe('2026-12');
  });

  it('takes a ledger date only when the day exists and the year is a ledger year', () => {
    for (const good of ['2026-11-28', '2028-02-29', '2000-01-01', '2100-12-31']) expect(isLedgerDate(good), good).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-28 09:00', '1999-12-31', '2101-01-01', '20261128', ' 2026-11-28']) expect(isLedgerDate(bad), bad).toBe(false);
  });
});

// Where the offset may be written: here alone. A second copy drifts (the old tree had five).
describe('China time is computed in one module', () => {
  const ROOTS = ['shared', 'electron', 'renderer', 'scripts'];
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [path] : [];
    });
  it('defines the UTC+8 offset only in shared/china-time.ts', () => {
    const offsets = ROOTS.flatMap(sources)
      .filter((path) => path !== join('shared', 'china-time.ts'))
      .filter((path) => /CHINA_OFFSET_MS\s*=|\b8\s*\*\s*(3600_?000|60\s*\*\s*60_?000|HOUR)\b|Asia\/Shanghai.*timeZone|timeZone.*Asia\/Shanghai/.test(readFileSync(path, 'utf8')));
    expect(offsets).toEqual([]);
  });
});

