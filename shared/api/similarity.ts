import { z } from 'zod';
import { text } from '../text.js';
import { STATUSES } from '../domain.js';
import { incidentId, isoInstant } from '../schemas.js';
import { ymdField } from './commitments.js';

// 共性问题 (groups of incidents about one matter), similar incidents with the reason, and 反弹 (a closed matter
// flaring up again). See electron/core/similarity/.

const count = z.number().int().min(0);

export const commonIssueSchema = z.object({
  /** The group's most telling shared words, e.g. `供暖 室温 不达标`. */
  label: text(),
  /** Numbers (YQ-…), first found first. */
  incidents: z.array(text()),
  incidentIds: z.array(text()),
  townships: z.array(text()),
  /** 牵头单位, most frequent first. */
  units: z.array(text()),
  categories: z.array(text()),
  firstAt: isoInstant,
  lastAt: isoInstant,
  /** How many of the group have been answered (a response recorded before asOf). */
  answered: count,
  /** How they were answered: response 方式 with the number of incidents each answered. */
  answeredBy: z.array(z.object({ method: text(), incidents: count })),
  /** Incidents answered by a 共性回应 (one response recorded for several of them). */
  answeredJointly: count,
});
export type CommonIssue = z.infer<typeof commonIssueSchema>;

export const similarIncidentSchema = z.object({
  incidentId: text(),
  number: text(),
  title: text(),
  status: z.enum(STATUSES),
  foundAt: isoInstant,
  /** 0–1 and a little above (supporting facts add to the text's share). */
  score: z.number(),
  /** `标题和摘要有 68% 相同的词（供暖、室温）；同为 困难群众生活；均为 县住建局 牵头；相隔 3 天` */
  reason: text(),
});
export type SimilarIncident = z.infer<typeof similarIncidentSchema>;

/** China dates, both ends inclusive; without them, this week (Monday to Sunday, China time) as of now. */
export const commonIssuesQuerySchema = z
  .strictObject({ from: ymdField('开始日期').optional(), to: ymdField('结束日期').optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { error: '请同时填写开始日期和结束日期', path: ['to'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, { error: '统计区间不超过一年', path: ['to'] });

/** What the register form has typed so far: enough to look for a closed matter it may repeat. */
export const recurrenceDraftSchema = z.strictObject({
  title: text().max(200).default(''),
  summary: text().max(20000).default(''),
  categories: z.array(text().max(100)).max(20).default([]),
  /** China time as typed, or ISO; empty = now. */
  foundAt: text().max(40).default(''),
  /** 乡镇 and 涉事单位 as typed: a 反弹 is of the same place and unit where both are recorded (empty = not yet). */
  township: text().max(100).default(''),
  involvedUnit: text().max(200).default(''),
});

export const recurrenceMarkSchema = z.strictObject({
  incident: incidentId,
  /** The earlier, closed incident it flares up from (id or YQ-number); null with `dismissed` to say it is not. */
  of: incidentId.nullable(),
  dismissed: z.boolean().default(false),
});

/** A 反弹 in a report: confirmed by a person, or suspected (like a matter closed within 180 days, not yet decided). */
export const recurrenceSchema = z.object({
  number: text(),
  title: text(),
  foundAt: isoInstant,
  of: z.object({ number: text(), title: text() }),
  confirmed: z.boolean(),
  /** Why it looks like the earlier one (suspected), as `similar` explains it. */
  reason: text(),
});
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const sameIssueSchema = z.object({ issue: commonIssueSchema.nullable() });

export const similarityMethods = {
  listCommonIssues: { input: commonIssuesQuerySchema, output: z.array(commonIssueSchema) },
  listSimilar: {
    input: z.strictObject({ incident: incidentId, limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(similarIncidentSchema),
  },
  /** The 共性问题 an incident belongs to, among the incidents found within three weeks of it. */
  getSameIssue: { input: z.strictObject({ incident: incidentId }), output: sameIssueSchema },
  suggestRecurrence: { input: recurrenceDraftSchema, output: z.array(similarIncidentSchema) },
  markRecurrence: { input: recurrenceMarkSchema, output: z.object({ recurrenceOf: text().nullable() }) },
} as const;
