import type { LedgerHandlers } from '../../../shared/contract.js';

export function jobHandlers() {
  return {
    // Here, on the thread that runs the jobs, a job runs to its end before this call is even read: nothing is
    // running by then. A job is stopped mid-run from outside that thread (worker/client.ts answers cancelJob itself).
    cancelJob: () => ({ requested: false }),
  } satisfies Partial<LedgerHandlers>;
}
