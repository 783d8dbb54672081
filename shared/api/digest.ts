import { z } from 'zod';
import { quoteValue, text } from '../text.js';
import { COMMITMENT_STATUSES, REQUIREMENTS, SEVERITIES, STATUSES, type Requirement, type Severity } from '../domain.js';
import { isoInstant, type ResponseRule, responseRuleSchema } from '../schemas.js';
import { PERIOD_KINDS, parsePeriod } from '../china-time.js';
import { paperSettingsSchema } from './paper.js';
import { commonIssueSchema, recurrenceSchema } from './similarity.js';

// The weekly digest (舆情周报) and the month and year reports (月报, 年报): one data object computed by the core,
// from which the CLI prints JSON and the core renders the print page (so the numbers on paper, in the PDF, in the
// preview and in the CLI are the same numbers). Periods are China calendar periods (shared/china-time.ts), written
// `2026-W48`, `2026-11`, `2026`.

const PERIOD_ERROR = '统计周期格式应为 2026-W48（周）、2026-11（月）或 2026（年）';

/** A period as typed → its normalised key (idempotent, so the core re-parses it to itself). */
export const periodField = text({ error: PERIOD_ERROR }).transform((text, ctx) => {
  const period = parsePeriod(text);
  if (!period) {
    ctx.issues.push({ code: 'custom', input: text, message: quoteValue(text) ? `${PERIOD_ERROR}，收到${quoteValue(text)}` : PERIOD_ERROR });
    return z.NEVER;
  }
  return period.key;
});

export const digestInputSchema = z.strictObject({ period: periodField });

/** `0.857` → `85.7%`; null (nothing to measure) → `—`. The one way shares are written, on screen and on paper. */
export function formatShare(share: number | null): string {
  if (share === null) return '—';
  let pct = Math.round(share * 1000) / 10;
  // Rounding must not claim “all” or “none”: 2027 of 2028 answered is 99.9%, not 100%; 1 of 5000 is 0.1%, not 0%.
  if (share < 1 && pct >= 100) pct = 99.9;
  if (share > 0 && pct <= 0) pct = 0.1;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

const count = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable();
const countRow = z.object({ code: text(), label: text(), count });

const commitmentItemSchema = z.object({
  number: text(),
  incidentNumber: text(),
  incidentTitle: text(),
  content: text(),
  unit: text(),
  person: text(),
  deadline: text(),
  /** The status as of the report (逾期 derived at asOf). */
  status: z.enum(COMMITMENT_STATUSES),
  fulfilledAt: isoInstant.nullable(),
  /** 公开情况 as a phrase: `已公开（政务微博，2026年11月27日）`, `未公开：…`, `未记录`. */
  publication: text(),
  published: z.boolean(),
  /** Working days past the deadline at asOf (0 unless overdue), counted as the 承诺督办 board counts them. */
  workdaysOverdue: count,
});
export type DigestCommitmentItem = z.infer<typeof commitmentItemSchema>;

export const requirementOutcomeSchema = z.object({
  requirement: z.enum(REQUIREMENTS),
  label: text(),
  /** Incidents of the period this requirement applies to (by their 等级; 无需回应 excluded). */
  subject: count,
  metInTime: count,
  metLate: count,
  /** Due before asOf and never met. */
  missed: count,
  /** Not yet due at asOf and not met: still within the time allowed, so not judged yet. */
  running: count,
  /** metInTime / (metInTime + metLate + missed): the share of the decided ones that were met in time. */
  share,
});
export type RequirementOutcome = z.infer<typeof requirementOutcomeSchema>;

export const digestSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  period: text(),
  /** 舆情周报 / 舆情月报 / 舆情年报 */
  title: text(),
  /** `2026年第48期` / `2026年度` */
  issue: text(),
  /** `2026年11月23日至11月29日` */
  rangeLabel: text(),
  start: isoInstant,
  end: isoInstant,
  /** The instant the figures are taken at: the period's end, or now while the period runs. */
  asOf: isoInstant,
  /** When the report was produced (the date under the title). */
  generatedAt: isoInstant,
  /** 编印单位 and the 报/送 lines this workstation prints (设置 → 报告版头); absent where none was given. */
  masthead: paperSettingsSchema.optional(),
  previousPeriod: text(),
  /**
   * Present while the period is still running: the previous period is then counted only up to the same point
   * (a Wednesday's 周报 compares Monday–Wednesday with last Monday–Wednesday), and the paper says so.
   */
  previousUntil: isoInstant.optional(),
  newIncidents: count,
  previousIncidents: count,
  /** The same as previousIncidents in a week report (the name the CLI promises); absent in month/year reports. */
  previousWeekIncidents: count.optional(),
  byCategory: z.array(countRow),
  bySeverity: z.array(countRow),
  byPlatform: z.array(countRow),
  byTownship: z.array(countRow),
  byStatus: z.array(countRow),
  /** New incidents per period, oldest first, ending with this one: 8 weeks, or 12 months. */
  trend: z.array(z.object({ period: text(), label: text(), count })),
  /** 共性问题: groups of at least three incidents of the period about one matter, largest first (issue 16). */
  commonIssues: z.array(commonIssueSchema),
  /** 反弹 among the period's incidents: confirmed, then suspected. */
  recurrences: z.array(recurrenceSchema),
  keyIncidents: z.array(
    z.object({
      number: text(),
      title: text(),
      severity: z.enum(SEVERITIES),
      status: z.enum(STATUSES),
      foundAt: isoInstant,
      platform: text(),
      categories: z.array(text()),
      township: text(),
      leadUnit: text(),
      responses: z.array(z.object({ at: isoInstant, method: text(), channel: text(), unit: text(), content: text() })),
    }),
  ),
  response: z.object({
    /** New incidents minus those judged 无需回应. */
    toRespond: count,
    responded: count,
    noResponseNeeded: count,
    /** responded / toRespond */
    rate: share,
    /** Responses made during the period (any incident), by 方式 and by 渠道. */
    responsesMade: count,
    byMethod: z.array(countRow),
    byChannel: z.array(countRow),
    pressConferences: count,
  }),
  respondedWithin: z.object({ '5h': share, '24h': share, '48h': share }),
  requirements: z.array(requirementOutcomeSchema),
  /** The office's response rules the requirements were judged by (设置 may change them: the report says which). */
  responseRules: z.array(responseRuleSchema),
  /** Requirements past due and unmet at asOf, of incidents still open (whenever found), most overdue first. */
  overdueResponses: z.array(
    z.object({
      number: text(),
      title: text(),
      severity: z.enum(SEVERITIES),
      leadUnit: text(),
      requirement: z.enum(REQUIREMENTS),
      dueAt: isoInstant,
      hoursOverdue: count,
    }),
  ),
  commitments: z.object({
    made: count,
    fulfilled: count,
    /** Fulfilled during the period and their fulfilment published (公开) by asOf. */
    fulfilledPublished: count,
    published: count,
    dueNextWeek: count,
    overdue: count,
  }),
  /** The seven days after the period: what falls due then. */
  nextWeek: z.object({ firstDay: text(), lastDay: text() }),
  commitmentUnits: z.array(z.object({ unit: text(), fulfilled: count, dueNextWeek: count, overdue: count })),
  fulfilledItems: z.array(commitmentItemSchema),
  dueNextWeekItems: z.array(commitmentItemSchema),
  overdueItems: z.array(commitmentItemSchema),
  /** Response requirements still running at asOf that fall due in the next seven days. */
  clocksDueNextWeek: z.array(
    z.object({ number: text(), title: text(), severity: z.enum(SEVERITIES), leadUnit: text(), requirement: z.enum(REQUIREMENTS), dueAt: isoInstant }),
  ),
});
export type Digest = z.infer<typeof digestSchema>;

export const renderedDigestSchema = z.object({
  digest: digestSchema,
  /** The self-contained print page (GB/T 9704-2012 layout). */
  html: text(),
  title: text(),
});
export type RenderedDigest = z.infer<typeof renderedDigestSchema>;

export const digestMethods = {
  /** The figures of a week, month or year report. */
  getDigest: { input: digestInputSchema, output: digestSchema },
  /** The same figures and the print page rendered from them. */
  renderDigest: { input: digestInputSchema, output: renderedDigestSchema },
} as const;

const RULE_HOURS: Record<Requirement, 'infoHours' | 'pressHours' | 'responseHours'> = { '5h': 'infoHours', '24h': 'pressHours', '48h': 'responseHours' };

/** The hours a requirement allows an incident of this 等级, or null when it does not apply. */
export function ruleHours(rules: readonly ResponseRule[], requirement: Requirement, severity: Severity): number | null {
  return rules.find((r) => r.severity === severity)?.[RULE_HOURS[requirement]] ?? null;
}

/** The hours a requirement allows wherever it applies, when every 等级 it applies to allows the same; else null. */
export function commonRuleHours(rules: readonly ResponseRule[], requirement: Requirement): number | null {
  const hours = new Set(rules.map((r) => r[RULE_HOURS[requirement]]).filter((h): h is number => h !== null));
  return hours.size === 1 ? [...hours][0]! : null;
}
