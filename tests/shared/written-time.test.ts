import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChinaDate, formatChinaDateTime, toChinaInputValue } from '../../shared/china-time.js';
import { readWrittenTime, withWrittenTimeClock, writtenTimeNow } from '../../shared/input/written-time.js';

// 2026-12-03 10:00 in China (02:00 UTC); the node project runs in America/New_York, where it is still 12月2日.
const NOW = Date.parse('2026-12-03T02:00:00Z');
const iso = (text: string) => {
  const read = readWrittenTime(text, { now: NOW });
  return read.ok ? read.iso : `refused: ${read.reason}`;
};

describe('times as people write them', () => {
  it('reads every form an office types as China time', () => {
    const cases: [string, string][] = [
      ['2026-12-03T07:00:00Z', '2026-12-03T07:00:00.000Z'],
      ['2026-12-03T15:00:00+08:00', '2026-12-03T07:00:00.000Z'],
      ['2026-12-03 15:00', '2026-12-03T07:00:00.000Z'],
      ['2026-12-03T15:00', '2026-12-03T07:00:00.000Z'],
      ['2026-12-3 9:30', '2026-12-03T01:30:00.000Z'],
      ['2026/12/03 09:30', '2026-12-03T01:30:00.000Z'],
      ['2026/11/08 8:05', '2026-11-08T00:05:00.000Z'],
      ['2026.11.10', '2026-11-09T16:00:00.000Z'],
      ['20261110', '2026-11-09T16:00:00.000Z'],
      ['2026年12月3日 15:00', '2026-12-03T07:00:00.000Z'],
      ['2026年11月5日10:20', '2026-11-05T02:20:00.000Z'],
      ['2026年11月5号 10:20:30', '2026-11-05T02:20:30.000Z'],
      ['2026年11月5日', '2026-11-04T16:00:00.000Z'],
      ['12月3日 15:00', '2026-12-03T07:00:00.000Z'],
      ['今天 9:30', '2026-12-03T01:30:00.000Z'],
      ['昨天 18:00', '2026-12-02T10:00:00.000Z'],
      ['今天', '2026-12-02T16:00:00.000Z'],
      ['2026年12月3日 15时30分', '2026-12-03T07:30:00.000Z'],
      ['2026年12月3日下午3点', '2026-12-03T07:00:00.000Z'],
      ['2026年12月3日上午9点半', '2026-12-03T01:30:00.000Z'],
      ['２０２６－１２－０３　１５：００', '2026-12-03T07:00:00.000Z'],
      ['２０２６年１２月３日　１５：００', '2026-12-03T07:00:00.000Z'],
      ['  2026-12-03 15:00 \n', '2026-12-03T07:00:00.000Z'],
      ['2025-12-31 23:59', '2025-12-31T15:59:00.000Z'],
      ['2028-02-29', '2028-02-28T16:00:00.000Z'],
    ];
    for (const [text, expected] of cases) expect(iso(text), text).toBe(expected);
  });

  it('takes the year of 12月3日 and the day of 今天 from China time, not the OS zone', () => {
    // 2026-12-31 20:00 UTC is already 2027-01-01 04:00 in China.
    const newYear = Date.parse('2026-12-31T20:00:00Z');
    expect(readWrittenTime('1月1日 9:00', { now: newYear })).toEqual({ ok: true, iso: '2027-01-01T01:00:00.000Z' });
    expect(readWrittenTime('今天 9:00', { now: newYear })).toEqual({ ok: true, iso: '2027-01-01T01:00:00.000Z' });
    expect(readWrittenTime('昨天', { now: newYear })).toEqual({ ok: true, iso: '2026-12-30T16:00:00.000Z' });
  });

  it('refuses impossible dates and times with a Chinese reason', () => {
    const cases: [string, string][] = [
      ['2026年11月31日', '2026年11月31日 不是有效日期（2026年11月只有30天）'],
      ['2026-02-30', '2026-02-30 不是有效日期（2026年2月只有28天）'],
      ['2026-13-01', '2026-13-01 不是有效日期（月份应为1至12）'],
      ['2026-12-03 25:00', '2026-12-03 25:00 不是有效时间（小时应为0至23）'],
      ['2026-12-03 24:00', '2026-12-03 24:00 不是有效时间（小时应为0至23）'],
      ['2026-12-03 10:60', '2026-12-03 10:60 不是有效时间（分钟应为0至59）'],
      ['1900-01-01', '1900-01-01 不是有效日期（年份应在1970至2100之间）'],
      ['', '未填写时间'],
      ['上周五', '无法识别“上周五”，可写作“2026年12月3日 15:00”“2026-12-03 15:00”或“今天 9:30”'],
      ['2026/11/28 9', '无法识别“2026/11/28 9”，可写作“2026年12月3日 15:00”“2026-12-03 15:00”或“今天 9:30”'],
      ['2026-12/03', '无法识别“2026-12/03”，可写作“2026年12月3日 15:00”“2026-12-03 15:00”或“今天 9:30”'],
    ];
    for (const [text, reason] of cases) expect(readWrittenTime(text, { now: NOW }), text).toEqual({ ok: false, reason });
  });

  it('reads what it formats back to the same minute, in every form it writes (property)', () => {
    const minute = fc.integer({ min: Date.parse('1971-01-01T00:00:00Z') / 60_000, max: Date.parse('2099-12-31T00:00:00Z') / 60_000 });
    fc.assert(
      fc.property(minute, (m) => {
        const at = new Date(m * 60_000).toISOString();
        for (const written of [formatChinaDateTime(at), toChinaInputValue(at), toChinaInputValue(at).replace(/-/g, '/'), at]) {
          expect(readWrittenTime(written, { now: NOW })).toEqual({ ok: true, iso: at });
        }
        const day = readWrittenTime(formatChinaDate(at), { now: NOW });
        expect(day.ok && formatChinaDate(day.iso)).toBe(formatChinaDate(at));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and what it accepts is a real instant (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const read = readWrittenTime(text, { now: NOW });
        if (read.ok) expect(Number.isNaN(Date.parse(read.iso))).toBe(false);
        else expect(read.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads relative dates against the clock the dispatcher sets, and only while it is set', () => {
    expect(withWrittenTimeClock(() => NOW, writtenTimeNow)).toBe(NOW);
    expect(Math.abs(writtenTimeNow() - Date.now())).toBeLessThan(1000);
  });
});
