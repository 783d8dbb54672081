import { z } from 'zod';
import { readWrittenTime, writtenTimeNow } from './input/written-time.js';
import { isLedgerInstant } from './china-time.js';
import { normaliseName, quoteValue, text } from './text.js';
import { KEY_TYPES_61, PLATFORMS, SENTIMENTS, SEVERITIES, STATUSES, UNIT_KINDS } from './domain.js';
import { CODED_FIELDS, type CodedFieldName, type CodeOf, codedChoices, normaliseWord, resolveCoded } from './input/coded-values.js';

// Building blocks of the contract. Input schemas accept what people type (labels, China wall-clock times) and
// normalise it to stored codes and UTC instants; every such transform is idempotent, so a value parsed at the
// IPC door parses to itself again in the core.

/**
 * A coded value as people write it — code, label, label part or an office's word for it (see
 * input/coded-values.ts) — to its stored code.
 */
export function codedRef<F extends CodedFieldName>(name: F, what: string = CODED_FIELDS[name].what) {
  return text({ error: `请选择${what}` }).transform((text, ctx): CodeOf<F> => {
    const code = resolveCoded(name, text);
    if (code === undefined) {
      ctx.issues.push({ code: 'custom', input: text, message: `${what}${quoteValue(text.trim())}无效，可选：${codedChoices(name)}` });
      return z.NEVER;
    }
    return code;
  });
}

/** A coded field given by its codes and labels: the same resolver when the field is one of CODED_FIELDS. */
export function codeOrLabel<C extends string>(codes: readonly C[], labels: Record<C, string>, what: string) {
  const known = (Object.keys(CODED_FIELDS) as CodedFieldName[]).find((name) => CODED_FIELDS[name].codes === codes);
  if (known) return codedRef(known, what) as unknown as z.ZodType<C, string>; // the same codes array, so C is its code
  const choices = codes.map((c) => labels[c]).join('、');
  return text({ error: `请选择${what}` }).transform((text, ctx) => {
    const word = normaliseWord(text);
    const code = codes.find((c) => normaliseWord(c) === word || normaliseWord(labels[c]) === word);
    if (code === undefined) {
      ctx.issues.push({ code: 'custom', input: text, message: `${what}${quoteValue(text.trim())}无效，可选：${choices}` });
      return z.NEVER;
    }
    return code;
  });
}

export const severityRef = codedRef('severity');
export const statusRef = codedRef('status');
export const platformRef = codedRef('platform');
export const sentimentRef = codedRef('sentiment');
export const keyType61Ref = codedRef('keyType61');

/**
 * A time as people write it (`2026年12月3日 15:00`, `2026/11/8 8:05`, `今天 9:30`, ISO 8601 with a zone — see
 * input/written-time.ts), read as China time → UTC ISO instant. Relative forms are read against the dispatcher's
 * clock (withWrittenTimeClock), else the system clock.
 */
export const chinaDateTime = (what: string) =>
  text({ error: `请填写${what}` }).transform((text, ctx) => {
    const read = readWrittenTime(text, { now: writtenTimeNow() });
    if (!read.ok) {
      ctx.issues.push({ code: 'custom', input: text, message: `${what}：${read.reason}` });
      return z.NEVER;
    }
    if (!isLedgerInstant(read.iso)) {
      ctx.issues.push({ code: 'custom', input: text, message: `${what}应在 2000 年至 2100 年之间` });
      return z.NEVER;
    }
    return read.iso;
  });

export const isoInstant = z.iso.datetime();

/** A reference to a category, unit or township: its code/id, full name or short label; resolved by the core. */
export const ref = (what: string) =>
  text({ error: `请选择${what}` })
    .overwrite(normaliseName)
    .min(1, { error: `请选择${what}` })
    .max(100, { error: `${what}过长` });

/** A link as people paste it: `weibo.com/123` gets the https:// a browser would add; other schemes are refused. */
export function withWebScheme(value: string): string {
  return value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value) || /\s/.test(value) ? value : `https://${value.replace(/^\/\//, '')}`;
}

export const urlField = text()
  .trim()
  .max(2000, { error: '链接过长' })
  .transform(withWebScheme)
  .refine((value) => value === '' || /^https?:\/\/\S+$/i.test(value), { error: '链接应是网址，如 https://weibo.com/…' });

export const incidentId = text().trim().min(1, { error: '请指定舆情事件' }).max(64);

/** What a person fills in to register an incident. */
export const incidentInputSchema = z.strictObject({
  title: text({ error: '请填写标题' }).trim().min(1, { error: '请填写标题' }).max(200, { error: '标题不超过200字' }),
  summary: text().trim().max(10000, { error: '摘要不超过10000字' }).default(''),
  platform: platformRef,
  url: urlField.default(''),
  firstSeenAt: chinaDateTime('首发时间').nullable().default(null),
  foundAt: chinaDateTime('发现时间'),
  registrar: text().trim().max(50, { error: '登记人不超过50字' }).default(''),
  township: ref('涉事地域').nullable().default(null),
  involvedUnit: text().trim().max(200, { error: '涉事单位不超过200字' }).default(''),
  categories: z
    .array(ref('敏感类别'), { error: '请选择敏感类别' })
    .min(1, { error: '至少选择一个敏感类别' })
    .max(10, { error: '敏感类别不超过10个' }),
  keyType61: keyType61Ref.nullable().default(null),
  severity: severityRef,
  sentiment: sentimentRef.default('negative'),
  leadUnit: ref('牵头单位').nullable().default(null),
  coUnits: z.array(ref('配合单位')).max(30, { error: '配合单位不超过30个' }).default([]),
  leaderInstruction: text().trim().max(5000, { error: '领导批示不超过5000字' }).default(''),
});
export type IncidentInput = z.input<typeof incidentInputSchema>;
export type IncidentFields = z.output<typeof incidentInputSchema>;

/** An update names only the fields it changes; status changes go through the workflow method instead. */
export const incidentPatchSchema = z.strictObject({
  title: incidentInputSchema.shape.title.optional(),
  summary: text().trim().max(10000, { error: '摘要不超过10000字' }).optional(),
  platform: platformRef.optional(),
  url: urlField.optional(),
  firstSeenAt: chinaDateTime('首发时间').nullable().optional(),
  foundAt: chinaDateTime('发现时间').optional(),
  registrar: text().trim().max(50, { error: '登记人不超过50字' }).optional(),
  township: ref('涉事地域').nullable().optional(),
  involvedUnit: text().trim().max(200, { error: '涉事单位不超过200字' }).optional(),
  categories: incidentInputSchema.shape.categories.optional(),
  keyType61: keyType61Ref.nullable().optional(),
  severity: severityRef.optional(),
  sentiment: sentimentRef.optional(),
  leadUnit: ref('牵头单位').nullable().optional(),
  coUnits: z.array(ref('配合单位')).max(30, { error: '配合单位不超过30个' }).optional(),
  leaderInstruction: text().trim().max(5000, { error: '领导批示不超过5000字' }).optional(),
});
export type IncidentPatch = z.output<typeof incidentPatchSchema>;

export const incidentSchema = z.object({
  id: text(),
  number: text(),
  title: text(),
  summary: text(),
  platform: z.enum(PLATFORMS),
  url: text(),
  firstSeenAt: isoInstant.nullable(),
  foundAt: isoInstant,
  registrar: text(),
  townshipId: text().nullable(),
  involvedUnit: text(),
  categories: z.array(text()),
  keyType61: z.enum(KEY_TYPES_61).nullable(),
  severity: z.enum(SEVERITIES),
  sentiment: z.enum(SENTIMENTS),
  leadUnitId: text().nullable(),
  coUnitIds: z.array(text()),
  status: z.enum(STATUSES),
  statusReason: text(),
  leaderInstruction: text(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  /** A confirmed 反弹: the number of the closed incident this one flares up from (only when confirmed). */
  recurrenceOf: text().optional(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const INCIDENT_SORTS = ['foundAt', 'number', 'severity', 'status', 'updatedAt', 'relevance'] as const;

export const incidentQuerySchema = z.strictObject({
  /** Full-text search over titles, summaries and responses; two-character Chinese queries (欠薪) work. */
  text: text().trim().max(100, { error: '搜索词不超过100字' }).optional(),
  categories: z.array(ref('敏感类别')).max(20).optional(),
  severities: z.array(severityRef).max(4).optional(),
  statuses: z.array(statusRef).max(6).optional(),
  platforms: z.array(platformRef).max(11).optional(),
  leadUnit: ref('牵头单位').optional(),
  township: ref('涉事地域').optional(),
  foundFrom: chinaDateTime('开始时间').optional(),
  foundTo: chinaDateTime('结束时间').optional(),
  /** 同一问题: only these incidents (ids), e.g. the incidents of one 共性问题. */
  ids: z.array(incidentId).max(1000, { error: '同一问题最多1000起事件' }).optional(),
  sort: z.enum(INCIDENT_SORTS).default('foundAt'),
  descending: z.boolean().default(true),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(50),
});
export type IncidentQuery = z.input<typeof incidentQuerySchema>;

/** Text split into runs, `hit` marking the runs that matched the search (rendered as <mark>, never as HTML). */
export const highlightSchema = z.array(z.object({ text: text(), hit: z.boolean() }));
export type Highlight = z.infer<typeof highlightSchema>;

/** What the 台账 checks beside each row: first response, response timing, commitments made and overdue. */
export const rowFactsSchema = z.object({
  firstResponseAt: isoInstant.nullable(),
  /** 按时 (every requirement met in time), 超时 (one missed or met late), 计时中, or null when none applies. */
  responseTiming: z.enum(['onTime', 'late', 'running']).nullable(),
  commitmentCount: z.number().int(),
  overdueCommitments: z.number().int(),
});
export type RowFacts = z.infer<typeof rowFactsSchema>;

/** The row facts as 台账 columns, in the order the column chooser, the exports and the printed 台账 list them. */
export const ROW_FACT_COLUMNS = ['firstResponseAt', 'responseTiming', 'commitmentCount', 'overdueCommitments'] as const satisfies readonly (keyof RowFacts)[];
export type RowFactColumn = (typeof ROW_FACT_COLUMNS)[number];
export const ROW_FACT_LABELS: Record<RowFactColumn, string> = {
  firstResponseAt: '首次回应时间',
  responseTiming: '按时/超时',
  commitmentCount: '承诺数',
  overdueCommitments: '逾期承诺',
};
export const RESPONSE_TIMING_LABELS: Record<NonNullable<RowFacts['responseTiming']>, string> = { onTime: '按时', late: '超时', running: '计时中' };
/** Which of them an export or the printed 台账 carries — those the person shows in the 台账; all when absent. */
export const rowFactColumnsSchema = z
  .array(z.enum(ROW_FACT_COLUMNS, { error: `台账核查列应为 ${ROW_FACT_COLUMNS.join('、')} 之一` }))
  .max(ROW_FACT_COLUMNS.length)
  .optional();

export const incidentRowSchema = incidentSchema.extend({
  /** Present when the query had text: the title and the best snippet with the matches marked. */
  highlight: z.object({ title: highlightSchema, snippet: highlightSchema }).optional(),
  ...rowFactsSchema.partial().shape,
});
export type IncidentRow = z.infer<typeof incidentRowSchema>;

export const incidentPageSchema = z.object({ rows: z.array(incidentRowSchema), total: z.number().int() });
export type IncidentPage = z.infer<typeof incidentPageSchema>;

export const transitionInputSchema = z.strictObject({
  id: incidentId,
  to: statusRef,
  reason: text().trim().max(2000, { error: '说明不超过2000字' }).default(''),
});

export const categorySchema = z.object({
  code: text(),
  name: text(),
  short: text(),
  color: text(),
  keywords: z.array(text()),
  builtin: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;

export const unitSchema = z.object({ id: text(), name: text(), kind: z.enum(UNIT_KINDS), active: z.boolean() });
export type Unit = z.infer<typeof unitSchema>;

export const townshipSchema = z.object({ id: text(), name: text(), active: z.boolean() });
export type Township = z.infer<typeof townshipSchema>;

export const responseRuleSchema = z.object({
  severity: z.enum(SEVERITIES),
  /** 发布权威信息 within this many clock hours of 发现时间 (国办发〔2016〕80号), or null when not required. */
  infoHours: z.number().nullable(),
  /** 新闻发布会 within this many hours, or null. */
  pressHours: z.number().nullable(),
  /** Any public response within this many hours (国办发〔2016〕61号), or null. */
  responseHours: z.number().nullable(),
});
export type ResponseRule = z.infer<typeof responseRuleSchema>;

export const referenceSchema = z.object({
  categories: z.array(categorySchema),
  units: z.array(unitSchema),
  townships: z.array(townshipSchema),
  responseRules: z.array(responseRuleSchema),
});
export type Reference = z.infer<typeof referenceSchema>;

export const auditReportSchema = z.object({
  ok: z.boolean(),
  /** Entries of this workstation's own chain. */
  entries: z.number().int(),
  /** Every other workstation whose operations this ledger holds: its chain, checked against the head it signed. */
  peers: z.array(z.object({ name: text(), site: text(), entries: z.number().int(), ok: z.boolean(), reason: text().optional() })),
  firstBroken: z
    .object({
      seq: z.number().int(),
      reason: text(),
      /** Which workstation's chain, and which record the broken entry changed (e.g. `incident 4f…`). */
      site: text().optional(),
      workstation: text().optional(),
      record: text().optional(),
    })
    .optional(),
});
export type AuditReport = z.infer<typeof auditReportSchema>;

export const appInfoSchema = z.object({
  siteId: text(),
  siteName: text(),
  /** The code in this workstation's incident numbers (YQ-2026-宣-0001); '' before the office sets one. */
  siteCode: text(),
  schemaVersion: z.number().int(),
  appVersion: text(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
