// Hybrid logical clock (Kulkarni et al.), serialised so that string order is causal order:
//   2026-11-28T20:38:08.123Z-0000-1f2e3d4c5b6a7988
//   wall time (ms, ISO)      counter  site id (16 hex)
// A clock never goes backwards, even if the OS clock does; it advances past every remote stamp it accepts, and
// refuses remote stamps too far in the future so one workstation with a wrong clock cannot drag every peer.

export const SITE_ID_PATTERN = /^[0-9a-f]{16}$/;
const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;
const MAX_COUNTER = 0xffff;

export interface HlcParts {
  millis: number;
  counter: number;
  site: string;
}

// The wall-time part of the last stamp formatted and parsed: stamps come in runs of one millisecond (a mutation's
// operations, a bundle's), so the date conversion is done once per run, not once per operation.
let formatted = { millis: NaN, iso: '' };
let parsed = { iso: '', millis: NaN };

export function formatHlc({ millis, counter, site }: HlcParts): string {
  if (formatted.millis !== millis) formatted = { millis, iso: new Date(millis).toISOString() };
  return `${formatted.iso}-${counter.toString(16).padStart(4, '0')}-${site}`;
}

export function parseHlc(stamp: string): HlcParts | undefined {
  const m = HLC_PATTERN.exec(stamp);
  if (!m) return undefined;
  const iso = m[1]!;
  if (parsed.iso !== iso) parsed = { iso, millis: Date.parse(iso) };
  const millis = parsed.millis;
  if (Number.isNaN(millis)) return undefined;
  return { millis, counter: parseInt(m[2]!, 16), site: m[3]! };
}

export class ClockSkewError extends Error {
  constructor(
    readonly stamp: string,
    readonly aheadMs: number,
  ) {
    super(`operation stamped ${Math.round(aheadMs / 3600_000)} h in the future: ${stamp}`);
  }
}

export interface Hlc {
  /** A fresh stamp for a local event, greater than every stamp this clock has issued or accepted. */
  next(): string;
  /** Accepts a remote stamp (throws ClockSkewError if it lies beyond the allowed drift); returns nothing. */
  receive(stamp: string): void;
  /** The latest stamp issued or received, for persisting across restarts. */
  last(): string;
  /**
   * Moves past a stamp this workstation itself issued in another process on the same ledger (the app and a
   * scheduled `yq` write one file): no drift check, since it is ours; the next stamp is then unique.
   */
  observe(stamp: string): void;
}

export function createHlc(options: { site: string; now: () => number; last?: string; maxDriftMs?: number }): Hlc {
  const { site, now } = options;
  if (!SITE_ID_PATTERN.test(site)) throw new Error(`invalid site id ${site}`);
  const maxDriftMs = options.maxDriftMs ?? 24 * 3600_000;
  const start = options.last ? parseHlc(options.last) : undefined;
  let millis = start?.millis ?? 0;
  let counter = start?.counter ?? 0;

  const bump = (wall: number, remoteMillis: number, remoteCounter: number) => {
    const top = Math.max(millis, wall, remoteMillis);
    if (top === millis && top === remoteMillis) counter = Math.max(counter, remoteCounter) + 1;
    else if (top === millis) counter += 1;
    else if (top === remoteMillis) counter = remoteCounter + 1;
    else counter = 0;
    millis = top;
    if (counter > MAX_COUNTER) {
      // More than 65 535 events in one millisecond: borrow the next millisecond rather than overflow.
      millis += 1;
      counter = 0;
    }
  };

  return {
    next() {
      bump(now(), -Infinity, 0);
      return formatHlc({ millis, counter, site });
    },
    receive(stamp) {
      const remote = parseHlc(stamp);
      if (!remote) throw new Error(`invalid clock stamp ${stamp}`);
      const ahead = remote.millis - now();
      if (ahead > maxDriftMs) throw new ClockSkewError(stamp, ahead);
      bump(now(), remote.millis, remote.counter);
    },
    last() {
      return formatHlc({ millis, counter, site });
    },
    observe(stamp) {
      const seen = parseHlc(stamp);
      if (seen && (seen.millis > millis || (seen.millis === millis && seen.counter > counter))) {
        millis = seen.millis;
        counter = seen.counter;
      }
    },
  };
}
