import { z } from 'zod';
import { text } from '../text.js';
import { incidentId, isoInstant } from '../schemas.js';

// The incident page's single timeline: registration, edits, status changes, responses — and, as later features
// land, commitments, follow-ups and feedback.

export const TIMELINE_KINDS = ['registered', 'edited', 'status', 'response', 'attachment', 'commitment', 'followup', 'feedback'] as const;

export const timelineEntrySchema = z.object({
  at: isoInstant,
  kind: z.enum(TIMELINE_KINDS),
  /** One line in Chinese, e.g. `状态：待研判 → 处置中`. */
  title: text(),
  detail: text().optional(),
  /** Who did it: the person at a local workstation, or the name of the workstation it came from. */
  actor: text().optional(),
  /** The record the entry is about (a response id, …), for links. */
  refId: text().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineMethods = {
  getIncidentTimeline: { input: z.strictObject({ id: incidentId }), output: z.array(timelineEntrySchema) },
} as const;
