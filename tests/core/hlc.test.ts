import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockSkewError, createHlc, formatHlc, parseHlc } from '../../electron/core/sync/hlc.js';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

describe('hybrid logical clock', () => {
  it('stamps strictly increase even when the OS clock stands still or goes backwards', () => {
    let wall = Date.parse('2026-11-28T00:00:00Z');
    const clock = createHlc({ site: A, now: () => wall });
    const stamps = [clock.next(), clock.next()];
    wall -= 60_000;
    stamps.push(clock.next(), clock.next());
    wall += 3_600_000;
    stamps.push(clock.next());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('advances past remote stamps it accepts', () => {
    const wall = Date.parse('2026-11-28T00:00:00Z');
    const local = createHlc({ site: A, now: () => wall });
    const remote = formatHlc({ millis: wall + 5 * 60_000, counter: 7, site: B });
    local.receive(remote);
    expect(local.next() > remote).toBe(true);
  });

  it('quarantines stamps more than 24 h ahead without moving the clock', () => {
    const wall = Date.parse('2026-11-28T00:00:00Z');
    const local = createHlc({ site: A, now: () => wall });
    const before = local.last();
    expect(() => local.receive(formatHlc({ millis: wall + 25 * 3600_000, counter: 0, site: B }))).toThrow(ClockSkewError);
    expect(local.last()).toBe(before);
  });

  it('resumes after the last stamp when reopened', () => {
    const wall = Date.parse('2026-11-28T00:00:00Z');
    const first = createHlc({ site: A, now: () => wall });
    first.next();
    const last = first.next();
    const reopened = createHlc({ site: A, now: () => wall - 10_000, last });
    expect(reopened.next() > last).toBe(true);
  });

  it('round-trips through its string form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4102444800000 }), fc.integer({ min: 0, max: 0xffff }), (millis, counter) => {
        expect(parseHlc(formatHlc({ millis, counter, site: B }))).toEqual({ millis, counter, site: B });
      }),
    );
  });

  it('orders any interleaving of local events and receipts causally (string order = happened-before)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -5000, max: 5000 })), { maxLength: 200 }), (steps) => {
        let wall = Date.parse('2026-11-28T00:00:00Z');
        const a = createHlc({ site: A, now: () => wall });
        const b = createHlc({ site: B, now: () => wall });
        let previous = '';
        for (const [fromB, jitter] of steps) {
          wall += jitter;
          if (fromB) a.receive(b.next());
          const stamp = a.next();
          expect(stamp > previous).toBe(true);
          previous = stamp;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a malformed site id or stamp', () => {
    expect(() => createHlc({ site: 'not-hex', now: Date.now })).toThrow();
    expect(() => createHlc({ site: A, now: Date.now }).receive('2026-11-28-garbage')).toThrow(/invalid clock stamp/);
  });
});
