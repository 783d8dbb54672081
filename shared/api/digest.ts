import { z } from 'zod';
import { COMMITMENT_STATUSES, REQUIREMENTS, SEVERITIES, STATUSES, type Requirement, type Severity } from '../domain.js';
import { isoInstant, type ResponseRule, responseRuleSchema } from '../schemas.js';
import { paperSettingsSchema } from './paper.js';

// The weekly digest (舆情周报) and the month and year reports (月报, 年报): one data object computed by the core,
// from which the CLI prints JSON and the core renders the print page (so the numbers on paper, in the PDF, in the
// preview and in the CLI are the same numbers). Periods are China calendar periods — an ISO week runs Monday
// 00:00 to Sunday 24:00 Asia/Shanghai, whatever the workstation's time zone — written `2026-W48`, `2026-11`, `2026`.

export const PERIOD_KINDS = ['week', 'month', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** Normalised: `2026-W48`, `2026-11`, `2026`. */
  key: string;
  /** The ISO week-numbering year for weeks (2026-W01 starts on 2025-12-29), else the calendar year. */
  year: number;
  /** Week 1–53, month 1–12, or 1 for a year. */
  number: number;
  /** First day and last day (inclusive), YYYY-MM-DD in China. */
  firstDay: string;
  lastDay: string;
  /** Start instant (00:00 China of firstDay) and end instant (exclusive: 24:00 China of lastDay), UTC ISO. */
  start: string;
  end: string;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const ymdOfUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const chinaMidnight = (utcDayMs: number) => new Date(utcDayMs - CHINA_OFFSET_MS).toISOString();

/** Monday of ISO week 1 of `isoYear`, as a UTC-midnight day number in ms (the week containing 4 January). */
function isoWeekOneMonday(isoYear: number): number {
  const jan4 = Date.UTC(isoYear, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

/** 52 or 53: the week containing 28 December is the year's last. */
export function isoWeeksInYear(isoYear: number): number {
  return Math.round((isoWeekOneMonday(isoYear + 1) - isoWeekOneMonday(isoYear)) / (7 * DAY_MS));
}

function build(kind: PeriodKind, year: number, number: number): Period {
  let firstMs: number;
  let endMs: number; // the UTC-midnight day number after the last day
  let key: string;
  if (kind === 'week') {
    firstMs = isoWeekOneMonday(year) + (number - 1) * 7 * DAY_MS;
    endMs = firstMs + 7 * DAY_MS;
    key = `${year}-W${String(number).padStart(2, '0')}`;
  } else if (kind === 'month') {
    firstMs = Date.UTC(year, number - 1, 1);
    endMs = Date.UTC(year, number, 1);
    key = `${year}-${String(number).padStart(2, '0')}`;
  } else {
    firstMs = Date.UTC(year, 0, 1);
    endMs = Date.UTC(year + 1, 0, 1);
    key = String(year);
  }
  return {
    kind,
    key,
    year,
    number,
    firstDay: ymdOfUtc(firstMs),
    lastDay: ymdOfUtc(endMs - DAY_MS),
    start: chinaMidnight(firstMs),
    end: chinaMidnight(endMs),
  };
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** `2026-W48` (also `2026-w48`, `2026W48`), `2026-11`, `2026`; undefined when not a real period. */
export function parsePeriod(text: string): Period | undefined {
  const value = text.trim();
  const week = /^(\d{4})-?[Ww](\d{1,2})$/.exec(value);
  const month = /^(\d{4})-(\d{1,2})$/.exec(value);
  const year = /^(\d{4})$/.exec(value);
  const y = Number((week ?? month ?? year)?.[1]);
  if (!(y >= MIN_YEAR && y <= MAX_YEAR)) return undefined;
  if (week) {
    const n = Number(week[2]);
    return n >= 1 && n <= isoWeeksInYear(y) ? build('week', y, n) : undefined;
  }
  if (month) {
    const n = Number(month[2]);
    return n >= 1 && n <= 12 ? build('month', y, n) : undefined;
  }
  return build('year', y, 1);
}

/** The period of `kind` that contains an instant (China calendar). */
export function periodContaining(kind: PeriodKind, iso: string): Period {
  const local = Date.parse(iso) + CHINA_OFFSET_MS;
  const d = new Date(local);
  if (kind === 'month') return build('month', d.getUTCFullYear(), d.getUTCMonth() + 1);
  if (kind === 'year') return build('year', d.getUTCFullYear(), 1);
  // ISO week: the week belongs to the year of its Thursday.
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const thursday = day + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS;
  const isoYear = new Date(thursday).getUTCFullYear();
  return build('week', isoYear, Math.floor((thursday - isoWeekOneMonday(isoYear)) / (7 * DAY_MS)) + 1);
}

/** The period `steps` periods later (negative: earlier). */
export function shiftPeriod(period: Period, steps: number): Period {
  if (period.kind === 'week') return periodContaining('week', new Date(Date.parse(period.start) + steps * 7 * DAY_MS).toISOString());
  if (period.kind === 'year') return build('year', period.year + steps, 1);
  const index = period.year * 12 + (period.number - 1) + steps;
  return build('month', Math.floor(index / 12), (index % 12) + 1);
}

const PERIOD_ERROR = '统计周期格式应为 2026-W48（周）、2026-11（月）或 2026（年）';

/** A period as typed → its normalised key (idempotent, so the core re-parses it to itself). */
export const periodField = z.string({ error: PERIOD_ERROR }).transform((text, ctx) => {
  const period = parsePeriod(text);
  if (!period) {
    ctx.issues.push({ code: 'custom', input: text, message: `${PERIOD_ERROR}，收到“${text}”` });
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
const countRow = z.object({ code: z.string(), label: z.string(), count });

const commitmentItemSchema = z.object({
  number: z.string(),
  incidentNumber: z.string(),
  incidentTitle: z.string(),
  content: z.string(),
  unit: z.string(),
  person: z.string(),
  deadline: z.string(),
  /** The status as of the report (逾期 derived at asOf). */
  status: z.enum(COMMITMENT_STATUSES),
  fulfilledAt: isoInstant.nullable(),
  /** 公开情况 as a phrase: `已公开（政务微博，2026年11月27日）`, `未公开：…`, `未记录`. */
  publication: z.string(),
  published: z.boolean(),
  /** Working days past the deadline at asOf (0 unless overdue), counted as the 承诺督办 board counts them. */
  workdaysOverdue: count,
});
export type DigestCommitmentItem = z.infer<typeof commitmentItemSchema>;

export const requirementOutcomeSchema = z.object({
  requirement: z.enum(REQUIREMENTS),
  label: z.string(),
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
  period: z.string(),
  /** 舆情周报 / 舆情月报 / 舆情年报 */
  title: z.string(),
  /** `2026年第48期` / `2026年度` */
  issue: z.string(),
  /** `2026年11月23日至11月29日` */
  rangeLabel: z.string(),
  start: isoInstant,
  end: isoInstant,
  /** The instant the figures are taken at: the period's end, or now while the period runs. */
  asOf: isoInstant,
  /** When the report was produced (the date under the title). */
  generatedAt: isoInstant,
  /** 编印单位 and the 报/送 lines this workstation prints (设置 → 报告版头); absent where none was given. */
  masthead: paperSettingsSchema.optional(),
  previousPeriod: z.string(),
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
  trend: z.array(z.object({ period: z.string(), label: z.string(), count })),
  keyIncidents: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      severity: z.enum(SEVERITIES),
      status: z.enum(STATUSES),
      foundAt: isoInstant,
      platform: z.string(),
      categories: z.array(z.string()),
      township: z.string(),
      leadUnit: z.string(),
      responses: z.array(z.object({ at: isoInstant, method: z.string(), channel: z.string(), unit: z.string(), content: z.string() })),
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
      number: z.string(),
      title: z.string(),
      severity: z.enum(SEVERITIES),
      leadUnit: z.string(),
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
  nextWeek: z.object({ firstDay: z.string(), lastDay: z.string() }),
  commitmentUnits: z.array(z.object({ unit: z.string(), fulfilled: count, dueNextWeek: count, overdue: count })),
  fulfilledItems: z.array(commitmentItemSchema),
  dueNextWeekItems: z.array(commitmentItemSchema),
  overdueItems: z.array(commitmentItemSchema),
  /** Response requirements still running at asOf that fall due in the next seven days. */
  clocksDueNextWeek: z.array(
    z.object({ number: z.string(), title: z.string(), severity: z.enum(SEVERITIES), leadUnit: z.string(), requirement: z.enum(REQUIREMENTS), dueAt: isoInstant }),
  ),
});
export type Digest = z.infer<typeof digestSchema>;

export const renderedDigestSchema = z.object({
  digest: digestSchema,
  /** The self-contained print page (GB/T 9704-2012 layout). */
  html: z.string(),
  title: z.string(),
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
