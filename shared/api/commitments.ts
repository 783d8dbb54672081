import { z } from 'zod';
import { quoteValue, text } from '../text.js';
import {
  COMMITMENT_STATUSES,
  FEEDBACK_METHODS,
  FOLLOWUP_KINDS,
  RECORDED_COMMITMENT_STATUSES,
  RESPONSE_CHANNELS,
  type RecordedCommitmentStatus,
} from '../domain.js';
import { chinaDateTime, codedRef, incidentId, isoInstant, ref, urlField } from '../schemas.js';
import { resolveCoded } from '../input/coded-values.js';
import { noInput } from './app.js';
import { isLedgerDate } from '../china-time.js';

// Commitments (承诺), follow-ups (跟进), public feedback (反馈评价), the 承诺督办 board and the office's holiday
// calendar overrides.

/** A calendar date `YYYY-MM-DD` (China), checked to exist (2026-02-30 does not). */
export const ymdField = (what: string) =>
  text({ error: `请填写${what}` }).trim().refine(isLedgerDate, { error: `${what}格式应为“2026-11-28”` });
const ymd = text().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * How a deadline was given: a date, N 工作日 or N 自然日 after a start date. `from` may be left out: it then
 * defaults to the day the commitment was made.
 */
export const deadlineInputSchema = z
  .strictObject(
    {
      date: ymdField('期限日期').optional(),
      workdays: z.number({ error: '工作日数应为整数' }).int({ error: '工作日数应为整数' }).min(1, { error: '工作日数至少为1' }).max(250, { error: '工作日数不超过250' }).optional(),
      days: z.number({ error: '天数应为整数' }).int({ error: '天数应为整数' }).min(1, { error: '天数至少为1' }).max(3650, { error: '天数不超过3650' }).optional(),
      from: ymdField('起算日期').optional(),
    },
    { error: '期限应为 {"date"} 或 {"workdays","from"} 或 {"days","from"}' },
  )
  .superRefine((d, ctx) => {
    const forms = [d.date, d.workdays, d.days].filter((v) => v !== undefined).length;
    if (forms !== 1) {
      ctx.addIssue({ code: 'custom', message: '期限应三选一：具体日期、N个工作日或N个自然日' });
    } else if (d.date !== undefined && d.from !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: '指定具体日期时不需要起算日期' });
    }
  });
export type DeadlineInput = z.input<typeof deadlineInputSchema>;

const channelRef = codedRef('responseChannel', '公开渠道');
const freeText = (what: string, max: number) => text().trim().max(max, { error: `${what}不超过${max}字` });
const required = (what: string, max: number) =>
  text({ error: `请填写${what}` }).trim().min(1, { error: `请填写${what}` }).max(max, { error: `${what}不超过${max}字` });

export const commitmentInputSchema = z.strictObject({
  incident: incidentId,
  /** The response that made the commitment, if any. */
  response: text().trim().max(64).nullable().default(null),
  content: required('承诺内容', 2000),
  unit: ref('责任单位'),
  person: freeText('责任人', 50).default(''),
  promisedAt: chinaDateTime('承诺时间'),
  deadline: deadlineInputSchema,
});
export type CommitmentFields = z.output<typeof commitmentInputSchema>;

/** 公开情况: the fulfilment was published (where, when, link) — or deliberately not, with the reason. */
export const publicationInputSchema = z
  .strictObject({
    published: z.boolean({ error: '请选择是否已公开' }),
    channel: channelRef.nullable().optional(),
    at: chinaDateTime('公开时间').nullable().optional(),
    url: urlField.default(''),
    note: freeText('说明', 500).default(''),
  })
  .superRefine((p, ctx) => {
    if (p.published) {
      if (!p.channel) ctx.addIssue({ code: 'custom', path: ['channel'], message: '已公开需填写公开渠道' });
      if (!p.at) ctx.addIssue({ code: 'custom', path: ['at'], message: '已公开需填写公开时间' });
    } else if (p.note === '') {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '未公开需说明原因' });
    }
  });

/** 核查: who checked the fulfilment, when, and what they found. */
export const checkInputSchema = z.strictObject({
  by: required('核查人', 50),
  at: chinaDateTime('核查时间'),
  result: required('核查结果', 2000),
});

const recordedStatusRef = text({ error: '请选择承诺状态' })
  .transform((value, ctx): RecordedCommitmentStatus => {
    const code = resolveCoded('commitmentStatus', value);
    if (code === 'overdue') {
      ctx.issues.push({ code: 'custom', input: value, message: '“逾期”由期限自动判定，不能手工设置' });
      return z.NEVER;
    }
    if (code === undefined) {
      ctx.issues.push({ code: 'custom', input: value, message: `承诺状态${quoteValue(value)}无效，可选：未到期、推进中、已兑现、无法兑现` });
      return z.NEVER;
    }
    return code;
  });

export const commitmentPatchSchema = z.strictObject({
  content: required('承诺内容', 2000).optional(),
  unit: ref('责任单位').optional(),
  person: freeText('责任人', 50).optional(),
  promisedAt: chinaDateTime('承诺时间').optional(),
  deadline: deadlineInputSchema.optional(),
  status: recordedStatusRef.optional(),
  /** Why it cannot be fulfilled (需要 when 无法兑现). */
  statusReason: freeText('无法兑现原因', 2000).optional(),
  fulfilledAt: chinaDateTime('兑现时间').nullable().optional(),
  evidence: freeText('兑现情况', 5000).optional(),
  publication: publicationInputSchema.nullable().optional(),
  check: checkInputSchema.nullable().optional(),
});
export type CommitmentPatch = z.output<typeof commitmentPatchSchema>;
export type CommitmentPatchInput = z.input<typeof commitmentPatchSchema>;

const movedFromSchema = z.object({ date: ymd, name: text() }).nullable();

export const deadlineInfoSchema = z.object({
  date: ymd,
  /** Every year the date depends on is in the official calendar (library) or the office's overrides. */
  verified: z.boolean(),
  /** Set when the deadline day is not a working day: its name (星期六, 国庆节 …). */
  nonWorkday: text().nullable(),
  /** N 自然日 whose last day was a day off run to the next working day (民法典 第二百零三条): that day and its name. */
  movedFrom: movedFromSchema,
});
export type DeadlineInfo = z.infer<typeof deadlineInfoSchema>;

export const commitmentSchema = z.object({
  id: text(),
  number: text(),
  incidentId: text(),
  incidentNumber: text(),
  incidentTitle: text(),
  responseId: text().nullable(),
  content: text(),
  unitId: text(),
  unitName: text(),
  person: text(),
  promisedAt: isoInstant,
  deadlineSpec: z.object({ kind: z.enum(['date', 'workdays', 'days']), n: z.number().int(), from: text() }),
  /** The computed deadline date (YYYY-MM-DD, China calendar). */
  deadline: ymd,
  calendarVerified: z.boolean(),
  deadlineNonWorkday: text().nullable(),
  /** Why the deadline is later than N 自然日 (民法典 第二百零三条), as in DeadlineInfo. */
  deadlineMovedFrom: movedFromSchema,
  /** The status as people read it, 逾期 included. */
  status: z.enum(COMMITMENT_STATUSES),
  /** The status as recorded (逾期 is derived and never recorded). */
  recordedStatus: z.enum(RECORDED_COMMITMENT_STATUSES),
  statusReason: text(),
  fulfilledAt: isoInstant.nullable(),
  evidence: text(),
  publication: z.object({
    state: z.enum(['unrecorded', 'published', 'not_published']),
    channel: z.enum(RESPONSE_CHANNELS).nullable(),
    at: isoInstant.nullable(),
    url: text(),
    note: text(),
  }),
  check: z.object({ by: text(), at: isoInstant.nullable(), result: text() }).nullable(),
  /** Working days since the deadline passed (0 unless 逾期). */
  overdueWorkdays: z.number().int(),
  /** Working days left until the deadline, today excluded (0 when due today; null when closed or overdue). */
  workdaysLeft: z.number().int().nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const followupInputSchema = z.strictObject({
  /** The incident, or leave it out and name the commitment. */
  incident: incidentId.optional(),
  commitment: text().trim().min(1).max(64).optional(),
  kind: codedRef('followupKind'),
  /** Defaults to now. */
  at: chinaDateTime('跟进时间').optional(),
  actor: freeText('跟进人', 50).default(''),
  content: required('跟进内容', 5000),
});

export const followupSchema = z.object({
  id: text(),
  incidentId: text(),
  commitmentId: text().nullable(),
  kind: z.enum(FOLLOWUP_KINDS),
  at: isoInstant,
  actor: text(),
  content: text(),
  createdAt: isoInstant,
});
export type Followup = z.infer<typeof followupSchema>;

export const feedbackInputSchema = z.strictObject({
  incident: incidentId.optional(),
  commitment: text().trim().min(1).max(64).optional(),
  at: chinaDateTime('反馈时间').optional(),
  method: codedRef('feedbackMethod'),
  satisfaction: z
    .number({ error: '满意度应为1到5的整数' })
    .int({ error: '满意度应为1到5的整数' })
    .min(1, { error: '满意度应为1到5的整数' })
    .max(5, { error: '满意度应为1到5的整数' }),
  note: freeText('反馈内容', 5000).default(''),
  actor: freeText('记录人', 50).default(''),
});
export type FeedbackInput = z.input<typeof feedbackInputSchema>;

export const feedbackSchema = z.object({
  id: text(),
  incidentId: text(),
  commitmentId: text().nullable(),
  at: isoInstant,
  method: z.enum(FEEDBACK_METHODS),
  satisfaction: z.number().int(),
  note: text(),
  actor: text(),
  createdAt: isoInstant,
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const BOARD_BUCKETS = ['overdue', 'dueToday', 'dueSoon', 'later', 'awaitingPublication'] as const;
export type BoardBucket = (typeof BOARD_BUCKETS)[number];

export const boardGroupSchema = z.object({
  unitId: text(),
  unitName: text(),
  overdue: z.array(commitmentSchema),
  dueToday: z.array(commitmentSchema),
  /** Due within the next 3 working days (today excluded). */
  dueSoon: z.array(commitmentSchema),
  later: z.array(commitmentSchema),
  /** 已兑现 but 公开情况 not yet recorded: the incident cannot close until it is. */
  awaitingPublication: z.array(commitmentSchema),
});
export type BoardGroup = z.infer<typeof boardGroupSchema>;

export const boardSchema = z.object({
  today: ymd,
  groups: z.array(boardGroupSchema),
  counts: z.object({
    overdue: z.number().int(),
    dueToday: z.number().int(),
    dueSoon: z.number().int(),
    later: z.number().int(),
    awaitingPublication: z.number().int(),
  }),
});
export type Board = z.infer<typeof boardSchema>;

export const dueItemSchema = z.object({
  id: text(),
  number: text(),
  incident: text(),
  incidentTitle: text(),
  content: text(),
  unit: text(),
  deadline: ymd,
  status: z.enum(COMMITMENT_STATUSES),
  overdueWorkdays: z.number().int(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const closingCheckSchema = z.object({
  canClose: z.boolean(),
  /** One line per unmet condition, e.g. `YQ-2026-0001-C1 “…”：未兑现；未记录公开情况`. */
  missing: z.array(text()),
});

export const calendarOverrideSchema = z.object({ date: ymd, work: z.boolean(), name: text() });
export type CalendarOverrideEntry = z.infer<typeof calendarOverrideSchema>;

export const attentionSchema = z.object({
  overdueCommitments: z.number().int(),
  dueTodayCommitments: z.number().int(),
  /** Response requirements past due and unmet (0 until the response clock is available). */
  overdueClocks: z.number().int(),
  /** What the navigation badge on 承诺督办 shows: overdue + due today. */
  badge: z.number().int(),
});
export type Attention = z.infer<typeof attentionSchema>;

const commitmentId = text().trim().min(1, { error: '请指定承诺' }).max(64);
const unitFilter = ref('责任单位').optional();

export const commitmentMethods = {
  addCommitment: { input: commitmentInputSchema, output: commitmentSchema },
  updateCommitment: { input: z.strictObject({ id: commitmentId, patch: commitmentPatchSchema }), output: commitmentSchema },
  getCommitment: { input: z.strictObject({ id: commitmentId }), output: commitmentSchema },
  listCommitments: { input: z.strictObject({ incident: incidentId }), output: z.array(commitmentSchema) },
  /** What the deadline would be, for the form to show before saving. */
  previewDeadline: {
    input: z.strictObject({ deadline: deadlineInputSchema, promisedAt: chinaDateTime('承诺时间').optional() }),
    output: deadlineInfoSchema,
  },
  getClosingCheck: { input: z.strictObject({ incident: incidentId }), output: closingCheckSchema },
  addFollowup: { input: followupInputSchema, output: followupSchema },
  listFollowups: {
    input: z.strictObject({ incident: incidentId.optional(), commitment: commitmentId.optional() }),
    output: z.array(followupSchema),
  },
  addFeedback: { input: feedbackInputSchema, output: feedbackSchema },
  listFeedback: { input: z.strictObject({ incident: incidentId }), output: z.array(feedbackSchema) },
  getCommitmentBoard: { input: z.strictObject({ unit: unitFilter }).default({}), output: boardSchema },
  listDue: {
    input: z
      .strictObject({
        /** Only overdue ones and those due within this many working days (0 = due today). */
        withinWorkdays: z.number().int().min(0).max(250).optional(),
        unit: unitFilter,
      })
      .default({}),
    output: z.array(dueItemSchema),
  },
  getAttention: { input: noInput, output: attentionSchema },
  /** The 督办单 of one unit: a self-contained print document (GB/T 9704 page). */
  renderSupervisionSheet: {
    input: z.strictObject({ unit: ref('责任单位') }),
    output: z.object({ html: text(), title: text() }),
  },
  listCalendarOverrides: {
    input: z.strictObject({ year: z.number().int().min(2000).max(2100).optional() }).default({}),
    output: z.array(calendarOverrideSchema),
  },
  /** Adds or changes the office's entry for one day; open commitments whose deadline depends on it are recomputed. */
  setCalendarOverride: {
    input: z.strictObject({ date: ymdField('日期'), work: z.boolean({ error: '请选择上班或放假' }), name: freeText('名称', 50).default('') }),
    output: z.object({ override: calendarOverrideSchema, recomputed: z.number().int() }),
  },
  deleteCalendarOverride: {
    input: z.strictObject({ date: ymdField('日期') }),
    output: z.object({ recomputed: z.number().int() }),
  },
} as const;
