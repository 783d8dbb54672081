import { z } from 'zod';

// Long jobs the person can stop while they run. A stopped job rolls back: the ledger is as it was before it began.

/** The contract methods whose run can be cancelled (each checks between its steps). */
export const CANCELLABLE_JOBS = ['importSpreadsheet', 'previewImport'] as const;
export type CancellableJob = (typeof CANCELLABLE_JOBS)[number];

export const isCancellableJob = (method: string): method is CancellableJob => (CANCELLABLE_JOBS as readonly string[]).includes(method);

/** What a cancelled job answers (error code `cancelled`). */
export const CANCELLED_MESSAGES: Record<CancellableJob, string> = {
  importSpreadsheet: '已取消导入，台账未作任何改动',
  previewImport: '已取消检查，台账未作任何改动',
};

export const jobMethods = {
  /**
   * Asks the running job to stop at its next step; its call then answers `cancelled`. `requested` is false when no
   * such job was running (it had already finished: its own answer says what it did).
   */
  cancelJob: {
    input: z.strictObject({ job: z.enum(CANCELLABLE_JOBS, { error: '没有可以取消的这项工作' }) }),
    output: z.object({ requested: z.boolean() }),
  },
} as const;
