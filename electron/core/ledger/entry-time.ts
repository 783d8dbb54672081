// When a person records something that happened (found, responded, promised, fulfilled, published), it cannot be
// later than now. A few minutes of grace allow for workstations whose clocks differ slightly.
export const CLOCK_GRACE_MS = 10 * 60_000;

/** Whether an instant lies beyond now (plus the grace): such a time is refused as a typing mistake. */
export function isInFuture(at: string, nowMs: number): boolean {
  return Date.parse(at) > nowMs + CLOCK_GRACE_MS;
}
