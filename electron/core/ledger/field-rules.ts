import {
  DISPOSITIONS,
  FEEDBACK_METHODS,
  FOLLOWUP_KINDS,
  KEY_TYPES_61,
  PLATFORMS,
  RECORDED_COMMITMENT_STATUSES,
  RESPONSE_CHANNELS,
  RESPONSE_METHODS,
  SENTIMENTS,
  SEVERITIES,
  STATUSES,
  UNIT_KINDS,
} from '../../../shared/domain.js';
import { isLedgerInstant } from '../../../shared/china-time.js';
import { isStorableText, normaliseName } from '../../../shared/text.js';
import type { FieldValue } from './tables.js';

// What a field's value must *mean*, beyond its type: enum codes, instants, dates, links, hashes. Local writes
// are already shaped by the contract's schemas; this guards what arrives in sync bundles, which are hostile
// input even from a trusted peer (a bad date or code would break every workstation it reaches).

const YMD = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = (codes: readonly string[]) => (v: FieldValue) => typeof v === 'string' && codes.includes(v);
const orNull = (rule: (v: FieldValue) => boolean) => (v: FieldValue) => v === null || rule(v);
const instant = (v: FieldValue) => typeof v === 'string' && isLedgerInstant(v);
const ymdOrEmpty = (v: FieldValue) => v === '' || (typeof v === 'string' && YMD.test(v) && isLedgerInstant(`${v}T00:00:00Z`));
const link = (v: FieldValue) => v === '' || (typeof v === 'string' && /^https?:\/\/\S+$/i.test(v));
/** YQ-2026-0042 (before workstation codes) or YQ-2026-宣-0042 (ledger/numbering.ts; codes as in shared/api/app.ts). */
const INCIDENT_NUMBER = /^YQ-\d{4}-(?:[\p{Script=Han}A-Z0-9]{1,4}-)?\d{4,6}$/u;
const positiveOrNull = (v: FieldValue) => v === null || (typeof v === 'number' && v > 0 && v <= 24 * 365);
const jsonObject = (v: FieldValue) => {
  if (typeof v !== 'string') return false;
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
};

/** A name a person can tell apart: something visible left once invisible characters and spaces are removed, one line. */
const nameUpTo = (max: number) => (v: FieldValue) =>
  typeof v === 'string' && normaliseName(v) !== '' && !/\p{Cc}/u.test(v) && [...v].length <= max;
/** Text the local forms require (min 1 after trimming) and bound, with the contract's limits. */
const filled = (max: number) => (v: FieldValue) => typeof v === 'string' && v.trim() !== '' && [...v].length <= max;
const upTo = (max: number) => (v: FieldValue) => typeof v === 'string' && [...v].length <= max;

const RULES: Record<string, Record<string, (value: FieldValue) => boolean>> = {
  categories: { name: nameUpTo(30), short: nameUpTo(10), color: (v) => typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v) },
  units: { name: nameUpTo(50), kind: oneOf(UNIT_KINDS) },
  townships: { name: nameUpTo(30) },
  response_rules: { info_hours: positiveOrNull, press_hours: positiveOrNull, response_hours: positiveOrNull },
  incidents: {
    number: (v) => v === '' || (typeof v === 'string' && INCIDENT_NUMBER.test(v)),
    title: filled(200),
    summary: upTo(10000),
    registrar: upTo(50),
    involved_unit: upTo(200),
    leader_instruction: upTo(5000),
    platform: oneOf(PLATFORMS),
    url: link,
    first_seen_at: orNull(instant),
    found_at: instant,
    key_type_61: orNull(oneOf(KEY_TYPES_61)),
    severity: oneOf(SEVERITIES),
    sentiment: oneOf(SENTIMENTS),
    status: oneOf(STATUSES),
    created_at: instant,
    updated_at: instant,
  },
  responses: {
    at: instant,
    method: oneOf(RESPONSE_METHODS),
    channel: oneOf(RESPONSE_CHANNELS),
    url: link,
    disposition: orNull(oneOf(DISPOSITIONS)),
    created_at: instant,
  },
  attachments: {
    sha256: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
    size: (v) => typeof v === 'number' && v >= 0,
    created_at: instant,
  },
  saved_views: { query: jsonObject, created_at: instant },
  commitments: {
    content: filled(2000),
    promised_at: instant,
    deadline_kind: oneOf(['date', 'workdays', 'days']),
    deadline_n: (v) => typeof v === 'number' && v >= 0 && v <= 3650,
    deadline_from: ymdOrEmpty,
    deadline: ymdOrEmpty,
    status: oneOf(RECORDED_COMMITMENT_STATUSES),
    fulfilled_at: orNull(instant),
    pub_state: oneOf(['unrecorded', 'published', 'not_published']),
    pub_at: orNull(instant),
    pub_url: link,
    check_at: orNull(instant),
    created_at: instant,
    updated_at: instant,
  },
  followups: { content: filled(5000), kind: oneOf(FOLLOWUP_KINDS), at: instant, created_at: instant },
  feedback: {
    at: instant,
    method: oneOf(FEEDBACK_METHODS),
    satisfaction: (v) => typeof v === 'number' && v >= 1 && v <= 5,
    created_at: instant,
  },
};

/** Whether a value of the right type also means something valid for its field. */
export function valueMeansSomething(table: string, column: string, value: FieldValue): boolean {
  // Text is stored exactly as it came, so it must be text the local path would have stored (shared/text.ts).
  if (typeof value === 'string' && !isStorableText(value)) return false;
  if (Array.isArray(value) && !value.every(isStorableText)) return false;
  const rule = Object.hasOwn(RULES, table) ? RULES[table]![column] : undefined;
  return rule ? rule(value) : true;
}
