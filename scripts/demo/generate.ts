import { type IncidentStatus, type KeyType61, type Platform, type Severity } from '../../shared/domain.js';
import { chinaParts } from '../../shared/china-time.js';
import type { IncidentFields } from '../../shared/schemas.js';
import { SEEDS } from '../../electron/core/ledger/seed.js';
import { TextFiller } from './fill-text.js';
import { type Rng, streamFor } from './prng.js';
import { CATEGORY_WEIGHTS, DEMO_CATEGORIES, type DemoCategory, type IncidentTemplate, TEMPLATES } from './templates.js';
import { drawTimeline, type StatusStep } from './timeline.js';
import {
  DEMANDS, INSTRUCTIONS, LEADERS, PLATFORM_TAILS, PLATFORM_WEIGHTS, REGISTRARS, SENTIMENT_WEIGHTS, SEVERITY_WEIGHTS,
} from './vocab.js';

// A deterministic generator of realistic incidents: same seed and `now` → the same incidents, field for field.
// Each incident draws from its own streams (see prng.ts), so the generator can grow (responses, commitments,
// follow-ups) without changing the incidents an existing seed already gives.

/** Bumped whenever a change alters what a seed generates; benchmark caches are keyed by it. */
export const GENERATOR_VERSION = 3; // 2: responses written when the story reaches 已回应; 3: commitments and follow-ups

export interface GeneratedIncident {
  /** Position in generation order; with the seed it names this incident's random streams. */
  index: number;
  /** Exactly what `incidentInputSchema` would output for this incident (refs are seed ids and codes). */
  fields: IncidentFields;
  /** When the office registered it (the incident's created_at): a few minutes after it was found. */
  registeredAt: string;
  /** The workflow moves it has made by `now`, in order. */
  steps: StatusStep[];
  /** Where those steps leave it. */
  status: IncidentStatus;
  /** Its sensitive category (the first of fields.categories), which the responses and commitments follow. */
  category: DemoCategory;
  /** The `now` its life was cut at (UTC ISO): nothing in its story happens later. */
  asOf: string;
  // Responses, commitments and follow-ups are not drawn here: the fill derives them from the steps and the
  // incident's index when it writes the story (responses.ts, commitments.ts), since a commitment's deadline is
  // counted with the ledger's own working calendar.
  responses: readonly [];
  commitments: readonly [];
}

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Milliseconds since the epoch; incidents are found in the two years before it. */
  now: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPAN_MS = 730 * DAY;

/** Relative activity by China-time hour of day: little at night, most in office hours and the evening. */
const HOUR_WEIGHTS = [0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 1, 1, 1, 1, 0.8, 0.8, 1, 1, 1, 1, 0.9, 0.9, 0.9, 0.9, 0.6, 0.35];
const WINTER_MONTHS = new Set([11, 12, 1, 2, 3]);

const UNIT_NAMES = new Map(SEEDS.units.map((u) => [u.id, u.name]));
const TOWNSHIPS: readonly (readonly [{ id: string; name: string }, number])[] = SEEDS.townships.map((t, i) => [
  t,
  i === 0 ? 6 : 1, // the first seeded township is the county seat (柳城街道), where most people live
]);

function unitName(id: string): string {
  const name = UNIT_NAMES.get(id);
  if (name === undefined) throw new Error(`demo template names unit ${id}, which is not in seeds/units.json`);
  return name;
}

/** A found-at instant in the span, denser in office hours and on weekdays; whole minutes, as people type them. */
function drawFoundAt(rng: Rng, now: number): number {
  for (;;) {
    const at = Math.floor((now - 5 * MINUTE - rng.next() * SPAN_MS) / MINUTE) * MINUTE;
    const local = chinaParts(new Date(at).toISOString());
    const weekend = local.weekday === 0 || local.weekday === 6;
    if (rng.next() < HOUR_WEIGHTS[local.hour]! * (weekend ? 0.7 : 1)) return at;
  }
}

function drawCategory(rng: Rng, month: number): DemoCategory {
  return rng.weighted(
    DEMO_CATEGORIES.map((c) => {
      let weight = CATEGORY_WEIGHTS[c];
      if (c === 'wages' && (month === 12 || month === 1)) weight *= 2; // 年底讨薪
      if (c === 'hardship' && WINTER_MONTHS.has(month)) weight *= 1.6; // 供暖季
      return [c, weight] as const;
    }),
  );
}

function drawSeverity(rng: Rng, gravity: number): Severity {
  return rng.weighted(
    SEVERITY_WEIGHTS.map(([s, w]) => [s, s === 'general' ? w : s === 'large' ? w * Math.sqrt(gravity) : w * gravity] as const),
  );
}

function drawKeyType(rng: Rng, template: IncidentTemplate, category: DemoCategory, severity: Severity): KeyType61 | null {
  if (template.keyType && (severity !== 'general' || rng.chance(0.5))) return template.keyType;
  if (severity === 'major' || severity === 'extreme') {
    return category === 'work_safety' || category === 'epidemic' ? 'emergency' : 'public_interest';
  }
  if (severity === 'large') return rng.chance(0.4) ? 'public_interest' : null;
  return rng.chance(0.08) ? 'public_interest' : null;
}

function digits(rng: Rng, n: number): string {
  let out = String(rng.int(1, 9));
  while (out.length < n) out += String(rng.int(0, 9));
  return out;
}

function alnum(rng: Rng, n: number): string {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let out = '';
  while (out.length < n) out += chars[rng.int(0, chars.length - 1)];
  return out;
}

/** A link of the form each platform uses; hotline tickets and letters have none. */
function drawUrl(rng: Rng, platform: Platform): string {
  switch (platform) {
    case 'weibo':
      return `https://weibo.com/${digits(rng, 10)}/${alnum(rng, 9)}`;
    case 'douyin':
      return `https://www.douyin.com/video/7${digits(rng, 18)}`;
    case 'kuaishou':
      return `https://www.kuaishou.com/short-video/3x${alnum(rng, 13).toLowerCase()}`;
    case 'toutiao':
      return `https://www.toutiao.com/article/7${digits(rng, 18)}/`;
    case 'wechat':
      return `https://mp.weixin.qq.com/s/${alnum(rng, 22)}`;
    case 'tieba':
      return `https://tieba.baidu.com/p/${digits(rng, 10)}`;
    case 'leader_board':
      return `https://liuyan.people.com.cn/threads/content?tid=${digits(rng, 8)}`;
    case 'forum':
      return `https://bbs.example.cn/thread-${digits(rng, 6)}-1-1.html`;
    case 'news':
      return `https://news.example.cn/${digits(rng, 8)}.html`;
    case 'hotline':
    case 'other':
      return '';
  }
}

function drawCoUnits(rng: Rng, template: IncidentTemplate, severity: Severity): string[] {
  const pool = [...template.co];
  const want = rng.weighted([[0, 35], [1, 45], [2, 20]] as const);
  const out: string[] = [];
  while (out.length < want && pool.length > 0) out.push(...pool.splice(rng.int(0, pool.length - 1), 1));
  // Grave incidents bring in the propaganda department, which coordinates the public response.
  if ((severity === 'major' || severity === 'extreme') && rng.chance(0.8) && template.lead !== 'u-xcb') out.push('u-xcb');
  return [...new Set(out)];
}

function drawInstruction(rng: Rng, severity: Severity, lead: string, co: readonly string[]): string {
  const odds: Record<Severity, number> = { general: 0.03, large: 0.25, major: 0.8, extreme: 1 };
  if (!rng.chance(odds[severity])) return '';
  const coNames = co.filter((id) => id !== 'u-xcb').map(unitName);
  const text = rng
    .pick(INSTRUCTIONS)
    .replace('{lead}', unitName(lead))
    .replace('{co}', coNames.length > 0 ? coNames.join('、') : '属地乡镇');
  return `${rng.pick(LEADERS)}批示：${text}`;
}

export function generateIncident(seed: number, index: number, now: number): GeneratedIncident {
  const rng = streamFor(seed, index, 'fields');
  const foundAtMs = drawFoundAt(streamFor(seed, index, 'when'), now);
  const month = chinaParts(new Date(foundAtMs).toISOString()).month;
  const category = drawCategory(rng, month);
  const candidates = TEMPLATES[category].filter((t) => !t.months || t.months.includes(month));
  const template = rng.pick(candidates);
  const township = rng.weighted(TOWNSHIPS);
  const platform = rng.weighted(PLATFORM_WEIGHTS);
  const severity = drawSeverity(rng, template.gravity ?? 1);

  const text = new TextFiller(rng, township.name);
  const title = text.fill(template.title);
  const tail = text.fill(rng.pick(PLATFORM_TAILS[platform]));
  const summary = [text.fill(template.summary), tail, rng.pick(DEMANDS)].join('');
  const coUnits = drawCoUnits(rng, template, severity);
  const firstSeenAt = rng.chance(0.05) ? null : foundAtMs - Math.max(5, Math.round(rng.logNormal(180, 1.2))) * MINUTE;
  const registeredAt = Math.min(foundAtMs + rng.int(2, 40) * MINUTE, now);

  const fields = {
    title,
    summary,
    platform,
    url: drawUrl(rng, platform),
    firstSeenAt: firstSeenAt === null ? null : new Date(firstSeenAt).toISOString(),
    foundAt: new Date(foundAtMs).toISOString(),
    registrar: rng.pick(REGISTRARS),
    township: township.id,
    involvedUnit: text.fill(template.involved),
    categories: template.also && rng.chance(0.5) ? [category, template.also] : [category],
    keyType61: drawKeyType(rng, template, category, severity),
    severity,
    sentiment: rng.weighted(SENTIMENT_WEIGHTS),
    leadUnit: template.lead,
    coUnits,
    leaderInstruction: drawInstruction(rng, severity, template.lead, coUnits),
  } satisfies IncidentFields;

  const steps = drawTimeline(streamFor(seed, index, 'timeline'), { severity, category, registeredAt, now });
  return {
    index,
    fields,
    registeredAt: new Date(registeredAt).toISOString(),
    steps,
    status: steps.at(-1)?.to ?? 'triage',
    category,
    asOf: new Date(now).toISOString(),
    responses: [],
    commitments: [],
  };
}

/** `count` incidents found in the two years before `now`, in the order they were registered. */
export function generateIncidents({ count, seed, now }: GenerateOptions): GeneratedIncident[] {
  const incidents = Array.from({ length: count }, (_, i) => generateIncident(seed, i, now));
  return incidents.sort((a, b) => (a.registeredAt < b.registeredAt ? -1 : a.registeredAt > b.registeredAt ? 1 : a.index - b.index));
}
