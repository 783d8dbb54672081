import { describe, expect, it } from 'vitest';
import { chinaYear, formatChinaDateTime, parseChinaDateTime, toChinaInputValue } from '../../shared/china-time.js';

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
});
