import { CANCELLABLE_JOBS, CANCELLED_MESSAGES, type CancellableJob } from '../../shared/api/jobs.js';
import { LedgerError } from '../../shared/errors.js';

// A long job (an import) runs synchronously in one transaction on the core's thread, which reads no message while
// it runs. So the request to stop comes through memory shared with the thread that asks — Electron's main process
// through worker/client.ts, yq's main thread on Ctrl-C: one 32-bit flag per cancellable job, set there with
// Atomics.store and read here between steps. The job then throws, and its transaction rolls back.

export interface CancelFlags {
  /** The shared memory, to hand to the thread that runs the jobs. */
  readonly buffer: SharedArrayBuffer;
  request(job: CancellableJob): void;
  /** A new run starts with no request (the asking side clears it before it sends the call). */
  clear(job: CancellableJob): void;
  requested(job: CancellableJob): boolean;
}

export function cancelFlags(buffer = new SharedArrayBuffer(4 * CANCELLABLE_JOBS.length)): CancelFlags {
  const view = new Int32Array(buffer);
  const slot = (job: CancellableJob) => CANCELLABLE_JOBS.indexOf(job);
  return {
    buffer,
    request: (job) => void Atomics.store(view, slot(job), 1),
    clear: (job) => void Atomics.store(view, slot(job), 0),
    requested: (job) => Atomics.load(view, slot(job)) === 1,
  };
}

/** Called between a job's steps: throws `cancelled` once the person asked to stop. */
export type CancelCheck = () => void;

export function cancelCheck(flags: CancelFlags | undefined, job: CancellableJob): CancelCheck | undefined {
  if (!flags) return undefined;
  return () => {
    if (flags.requested(job)) throw new LedgerError('cancelled', CANCELLED_MESSAGES[job]);
  };
}
