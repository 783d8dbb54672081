import type { ProgressEvent } from '../../shared/api/events.js';

// How core code says where a long job is, without knowing who listens (the worker posts it to main, the test
// host drops it, component tests hand it to the page). A job reports (phase, done, total); the reporter turns
// that into ProgressEvents and throttles them, so a tight loop cannot flood postMessage and IPC.

export type ProgressSink = (event: ProgressEvent) => void;

/** Reports one step of a job; created per job run by `progressReporter`. */
export type Report = (phase: string, done: number, total: number) => void;

/** At most one event per this many ms within a phase: ~10 per second, enough for a bar to move smoothly. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * A throttled reporter for one run of `job`, or undefined when nobody listens — callers write `report?.(…)`,
 * so with no sink there is no event object, no clock read, nothing.
 *
 * What always goes through: the first event, a change of phase (a job has a handful, and the person should see
 * each), and the last one (done >= total), so the bar ends full. Anything else waits `intervalMs` after the
 * previous event; it is dropped, not queued — the next report carries newer numbers anyway.
 */
export function progressReporter(
  sink: ProgressSink | undefined,
  job: string,
  { intervalMs = PROGRESS_INTERVAL_MS, now = Date.now }: { intervalMs?: number; now?: () => number } = {},
): Report | undefined {
  if (!sink) return undefined;
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastPhase: string | undefined;
  return (phase, done, total) => {
    const at = now();
    const final = done >= total;
    if (!final && phase === lastPhase && at - lastAt < intervalMs) return;
    lastAt = at;
    lastPhase = phase;
    try {
      sink({ job, phase, done: Math.min(done, total), total });
    } catch (error) {
      // A listener's failure is the listener's: the job it watches must not fail for it.
      console.error('[progress] listener failed', error);
    }
  };
}
