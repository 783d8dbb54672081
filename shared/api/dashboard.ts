import { z } from 'zod';
import { text } from '../text.js';
import { incidentSchema } from '../schemas.js';
import { noInput } from './app.js';
import { clockEntrySchema } from './responses.js';

// 工作台: what needs attention now.

export const dashboardSchema = z.object({
  /** Incidents waiting for 研判, oldest first (at most 20) and how many in all. */
  awaitingTriage: z.array(incidentSchema),
  awaitingTriageTotal: z.number().int(),
  /** Response requirements still running (not yet due), nearest their limit first (at most 20) and how many in all. */
  clockRunning: z.array(clockEntrySchema),
  clockRunningTotal: z.number().int(),
  /** Response requirements past due and still not met, most recently overdue first. */
  clockOverdue: z.array(clockEntrySchema),
  /** New incidents this week (Monday 00:00 China time to now), by category code. */
  weekByCategory: z.array(z.object({ code: text(), count: z.number().int() })),
  weekTotal: z.number().int(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardMethods = {
  getDashboard: { input: noInput, output: dashboardSchema },
} as const;
