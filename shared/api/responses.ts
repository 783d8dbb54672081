import { z } from 'zod';
import {
  DISPOSITIONS,
  REQUIREMENTS,
  RESPONSE_CHANNELS,
  RESPONSE_METHODS,
  SEVERITIES,
} from '../domain.js';
import { chinaDateTime, codedRef, incidentId, isoInstant, ref, urlField } from '../schemas.js';

// Responses (回应) and the response clock (回应时限).

export const responseInputSchema = z.strictObject({
  incident: incidentId,
  at: chinaDateTime('回应时间'),
  method: codedRef('responseMethod'),
  channel: codedRef('responseChannel'),
  url: urlField.default(''),
  content: z.string({ error: '请填写回应内容' }).trim().min(1, { error: '请填写回应内容' }).max(20000, { error: '回应内容不超过20000字' }),
  unit: ref('回应单位'),
  disposition: codedRef('disposition').nullable().default(null),
});

export const responseSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  at: isoInstant,
  method: z.enum(RESPONSE_METHODS),
  channel: z.enum(RESPONSE_CHANNELS),
  url: z.string(),
  content: z.string(),
  unitId: z.string(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  createdAt: isoInstant,
});
export type Response = z.infer<typeof responseSchema>;

/** One response-time requirement of one incident: due when, met when (if at all). */
export const clockEntrySchema = z.object({
  incidentId: z.string(),
  number: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  requirement: z.enum(REQUIREMENTS),
  /** The limit the office's rule sets for the incident's 等级 (the requirement's name keeps the default: 5h). */
  hours: z.number(),
  dueAt: isoInstant,
  /** The first qualifying response, or null while the clock runs. */
  metAt: isoInstant.nullable(),
  /** Not met by dueAt (whether still open or met late). */
  overdue: z.boolean(),
});
export type ClockEntry = z.infer<typeof clockEntrySchema>;

export const clockQuerySchema = z.strictObject({
  incident: incidentId.optional(),
  /** Include requirements already met (the incident page shows them; the dashboard and CLI do not). */
  includeMet: z.boolean().default(false),
  /** Only open requirements due before now + this many hours (overdue ones included). */
  withinHours: z.number().min(0).max(24 * 365).optional(),
  /** At most this many, soonest due first; without it, every one (`yq clock` promises the whole list). */
  limit: z.number({ error: '条数应为正整数' }).int({ error: '条数应为正整数' }).min(1, { error: '条数应为正整数' }).optional(),
});

export const responseMethods = {
  addResponse: { input: responseInputSchema, output: responseSchema },
  listResponses: { input: z.strictObject({ incident: incidentId }), output: z.array(responseSchema) },
  listClock: { input: clockQuerySchema, output: z.array(clockEntrySchema) },
} as const;
