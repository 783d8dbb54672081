import { z } from 'zod';
import { text } from '../text.js';

// Events the core pushes to the window, unasked. Kept apart from the methods (contract.ts's `contract`) because
// they flow the other way: nothing registers a handler for them, the renderer only listens.

/**
 * Where a long job is: `job` is the contract method that runs it ('importBundle', 'exportBundle', 'renderDigest'),
 * `phase` a Chinese label the UI shows as is ('解密', '校验', '写入'), and done/total the steps so far. The last
 * event of a job has done === total.
 */
export const progressEventSchema = z.object({
  job: text().min(1),
  phase: text(),
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});

export type ProgressEvent = z.infer<typeof progressEventSchema>;

export { PROGRESS_CHANNEL } from './channels.js';
