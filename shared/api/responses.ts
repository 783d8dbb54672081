import { z } from 'zod';
import { text } from '../text.js';
import {
  DISPOSITIONS,
  REQUIREMENTS,
  RESPONSE_CHANNELS,
  RESPONSE_METHODS,
  SEVERITIES,
} from '../domain.js';
import { chinaDateTime, codedRef, incidentId, isoInstant, ref, urlField } from '../schemas.js';

// Responses (回应) and the response clock (回应时限).

export const responseInputSchema = z
  .strictObject({
    /** The incident answered; or `incidents` for a 共性回应 (one response recorded for every incident of a matter). */
    incident: incidentId.optional(),
    incidents: z.array(incidentId).min(2, { error: '共性回应至少回应两起事件' }).max(500, { error: '共性回应一次不超过500起事件' }).optional(),
    at: chinaDateTime('回应时间'),
    method: codedRef('responseMethod'),
    channel: codedRef('responseChannel'),
    url: urlField.default(''),
    content: text({ error: '请填写回应内容' }).trim().min(1, { error: '请填写回应内容' }).max(20000, { error: '回应内容不超过20000字' }),
    unit: ref('回应单位'),
    disposition: codedRef('disposition').nullable().default(null),
    /** 回应人: empty means the person at the keyboard. */
    responder: text().trim().max(20, { error: '回应人不超过20字' }).default(''),
  })
  .refine((r) => (r.incident === undefined) !== (r.incidents === undefined), {
    error: '请指定回应的舆情事件（incident，或共性回应的 incidents，二者选一）',
    path: ['incident'],
  });

export const responseSchema = z.object({
  id: text(),
  incidentId: text(),
  at: isoInstant,
  method: z.enum(RESPONSE_METHODS),
  channel: z.enum(RESPONSE_CHANNELS),
  url: text(),
  content: text(),
  unitId: text(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  createdAt: isoInstant,
  /** A 共性回应: the numbers of every incident this one response answers (empty for an ordinary response). */
  jointWith: z.array(text()),
  /** 回应人 ('' for responses recorded before it was kept). */
  responder: text(),
});
export type Response = z.infer<typeof responseSchema>;

/** One response-time requirement of one incident: due when, met when (if at all). */
export const clockEntrySchema = z.object({
  incidentId: text(),
  number: text(),
  title: text(),
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
