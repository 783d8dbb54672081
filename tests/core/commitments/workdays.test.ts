import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../electron/core/calendar/calendar.js';
import { libraryCoversYear } from '../../../electron/core/calendar/library.js';
import { addWorkdays, computeDeadline, workdaysAfter, workdaysBefore } from '../../../electron/core/calendar/workdays.js';
import { addDays, weekdayOf } from '../../../shared/china-time.js';

// Working-day arithmetic against the official arrangements, as published by 国务院办公厅 and shipped by
// chinese-days 1.5.7:
//   2025 国庆+中秋: 10-01…10-08 off; Sunday 09-28 and Saturday 10-11 worked (调休).
//   2026 春节: 02-15…02-23 off; Saturday 02-14 and Saturday 02-28 worked.
//   2026 国庆: 10-01…10-07 off; Sunday 09-20 and Saturday 10-10 worked.

const calendar = createCalendar();

describe('the official calendar', () => {
  it('knows the 调休 days of 2025 and 2026', () => {
    expect(calendar.day('2025-09-28')).toMatchObject({ work: true, kind: 'makeup_workday', name: '国庆节调休上班' });
    expect(calendar.day('2025-10-08')).toMatchObject({ work: false, kind: 'holiday', name: '国庆节' });
    expect(calendar.day('2025-10-11')).toMatchObject({ work: true, kind: 'makeup_workday' });
    expect(calendar.day('2026-02-14')).toMatchObject({ work: true, kind: 'makeup_workday', name: '春节调休上班' });
    expect(calendar.day('2026-02-23')).toMatchObject({ work: false, kind: 'holiday', name: '春节' });
    expect(calendar.day('2026-02-28')).toMatchObject({ work: true, kind: 'makeup_workday' });
    expect(calendar.day('2026-09-20')).toMatchObject({ work: true, kind: 'makeup_workday' });
    expect(calendar.day('2026-10-07')).toMatchObject({ work: false, name: '国庆节' });
    expect(calendar.day('2026-10-10')).toMatchObject({ work: true, kind: 'makeup_workday' });
    expect(calendar.day('2026-11-28')).toMatchObject({ work: false, kind: 'weekend', name: '星期六' });
  });

  it('covers 2025 and 2026 but not 2027 (not yet published when chinese-days 1.5.7 shipped)', () => {
    expect(libraryCoversYear(2025)).toBe(true);
    expect(libraryCoversYear(2026)).toBe(true);
    expect(libraryCoversYear(2027)).toBe(false);
    expect(calendar.yearVerified(2027)).toBe(false);
  });
});

describe('working days', () => {
  it('counts from the day after the start, across 国庆 2025 with its 调休 Saturday', () => {
    // Friday 09-26: 09-28 (Sunday, worked) is the 1st, 09-29 2nd, 09-30 3rd; 10-01…08 off; 10-09 4th, 10-10 5th, 10-11 (Saturday, worked) 6th.
    expect(addWorkdays(calendar, '2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkdays(calendar, '2025-09-26', 3)).toBe('2025-09-30');
    expect(addWorkdays(calendar, '2025-09-26', 4)).toBe('2025-10-09');
    expect(addWorkdays(calendar, '2025-09-26', 6)).toBe('2025-10-11');
    expect(addWorkdays(calendar, '2025-09-26', 7)).toBe('2025-10-13');
  });

  it('crosses 春节 2026 with both 调休 Saturdays', () => {
    // Thursday 02-12: 02-13 1st, Saturday 02-14 2nd, 02-15…23 off, 02-24 3rd … 02-27 6th, Saturday 02-28 7th, 03-02 8th.
    expect(addWorkdays(calendar, '2026-02-12', 2)).toBe('2026-02-14');
    expect(addWorkdays(calendar, '2026-02-12', 3)).toBe('2026-02-24');
    expect(addWorkdays(calendar, '2026-02-12', 7)).toBe('2026-02-28');
    expect(addWorkdays(calendar, '2026-02-12', 8)).toBe('2026-03-02');
  });

  it('crosses 国庆 2026: 5 working days from Friday 09-18 end on Thursday 09-24 (the 调休 Sunday counts)', () => {
    expect(addWorkdays(calendar, '2026-09-18', 5)).toBe('2026-09-24');
    expect(addWorkdays(calendar, '2026-09-29', 2)).toBe('2026-10-08'); // 09-30 1st, 10-01…07 off, 10-08 2nd
    expect(addWorkdays(calendar, '2026-09-29', 3)).toBe('2026-10-09');
    expect(addWorkdays(calendar, '2026-09-29', 4)).toBe('2026-10-10');
  });

  it('counts working days elapsed in (a, b]', () => {
    expect(workdaysAfter(calendar, '2026-09-30', '2026-10-08')).toBe(1);
    expect(workdaysAfter(calendar, '2026-09-30', '2026-10-10')).toBe(3);
    expect(workdaysAfter(calendar, '2026-10-10', '2026-10-09')).toBe(0);
  });

  it('adding n working days is the inverse of counting them, for any start and n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 40 }), (offset, n) => {
        const from = addDays('2025-01-01', offset);
        const end = addWorkdays(calendar, from, n);
        return calendar.isWorkday(end) && workdaysAfter(calendar, from, end) === n && workdaysAfter(calendar, from, addDays(end, -1)) === n - 1;
      }),
    );
  });
});

describe('working days before one day, for many start days (a report\'s overdue commitments)', () => {
  it('counts as workdaysAfter does, whatever order the start days come in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.array(fc.integer({ min: -30, max: 700 }), { minLength: 1, maxLength: 30 }), (end, offsets) => {
        const b = addDays('2025-01-01', end);
        const before = workdaysBefore(calendar, b);
        return offsets.every((offset) => {
          const a = addDays(b, -offset);
          return before(a) === workdaysAfter(calendar, a, b);
        });
      }),
    );
  });
});

describe('deadlines', () => {
  it('runs N 自然日 whose last day is a day off to the next working day (民法典 第二百零三条), and says why', () => {
    // 7 自然日 from Monday 2026-09-28 end on 10-05, in the 国庆 holiday (10-01…10-07): the period ends on 10-08.
    expect(computeDeadline(calendar, { days: 7, from: '2026-09-28' })).toMatchObject({
      date: '2026-10-08',
      verified: true,
      movedFrom: { date: '2026-10-05', name: '国庆节', kind: 'holiday' },
    });
    expect(computeDeadline(calendar, { days: 7, from: '2026-09-28' }).nonWorkday).toBeUndefined();
    // A last day on a weekend (公休日 is a 法定休假日 too) moves to Monday; a 调休 Saturday is a working day and stays.
    expect(computeDeadline(calendar, { days: 8, from: '2026-11-20' })).toMatchObject({ date: '2026-11-30', movedFrom: { name: '星期六' } });
    expect(computeDeadline(calendar, { days: 1, from: '2026-10-09' })).toEqual({ date: '2026-10-10', verified: true });
    // A date promised is the date promised: it is only flagged.
    expect(computeDeadline(calendar, { date: '2026-11-28' }).nonWorkday?.name).toBe('星期六');
    expect(computeDeadline(calendar, { date: '2026-11-28' }).movedFrom).toBeUndefined();
    expect(computeDeadline(calendar, { date: '2026-10-10' }).nonWorkday).toBeUndefined();
  });

  it('always ends N 自然日 on a working day no earlier than the Nth day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        const from = addDays('2025-01-01', offset);
        const { date, movedFrom } = computeDeadline(calendar, { days: n, from });
        const last = addDays(from, n);
        return calendar.isWorkday(date) && date >= last && (date === last) === (movedFrom === undefined) && workdaysAfter(calendar, last, addDays(date, -1)) === 0;
      }),
    );
  });

  it('flags a deadline in a year the calendar does not cover until the office enters an override for it', () => {
    const unverified = computeDeadline(calendar, { workdays: 20, from: '2026-12-15' });
    expect(unverified.verified).toBe(false);
    expect(unverified.date.startsWith('2027-')).toBe(true);
    expect(computeDeadline(calendar, { date: '2027-03-01' }).verified).toBe(false);
    // The office enters 2027 元旦 (Friday 01-01 off) — the year is now verified.
    const withOverride = createCalendar([{ date: '2027-01-01', work: false, name: '元旦' }]);
    const verified = computeDeadline(withOverride, { workdays: 20, from: '2026-12-15' });
    expect(verified.verified).toBe(true);
    // Without the override 01-01 counted as a working day; with it the deadline moves a day later.
    expect(weekdayOf('2027-01-01')).toBe(5);
    expect(verified.date).toBe(addWorkdays(withOverride, '2026-12-15', 20));
    expect(verified.date > unverified.date).toBe(true);
  });

  it('lets an override correct a covered year', () => {
    const local = createCalendar([{ date: '2026-11-27', work: false, name: '县庆' }]);
    expect(local.day('2026-11-27')).toMatchObject({ work: false, kind: 'holiday', name: '县庆', source: 'override' });
    expect(addWorkdays(local, '2026-11-26', 1)).toBe('2026-11-30');
  });
});
