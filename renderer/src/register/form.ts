import { toChinaInputValue } from '../../../shared/china-time.js';
import type { KeyType61, Platform, Sentiment, Severity } from '../../../shared/domain.js';
import type { FieldError } from '../../../shared/errors.js';

// The 登记 form's state as people edit it (plain strings and lists), and the two translations around it:
// form state → the draft the shared schema judges, and per-field error messages → the field they belong to.

export interface RegisterValues {
  title: string;
  summary: string;
  platform: Platform | '';
  url: string;
  firstSeenAt: string;
  foundAt: string;
  township: string;
  involvedUnit: string;
  categories: string[];
  keyType61: KeyType61 | '';
  severity: Severity | '';
  sentiment: Sentiment;
  leadUnit: string;
  coUnits: string[];
  leaderInstruction: string;
}

export type FieldName = keyof RegisterValues;

/** In the order the form shows them, so the first error found is the first one on screen. */
export const FIELD_ORDER = [
  'title',
  'summary',
  'platform',
  'url',
  'firstSeenAt',
  'foundAt',
  'township',
  'involvedUnit',
  'categories',
  'keyType61',
  'severity',
  'sentiment',
  'leadUnit',
  'coUnits',
  'leaderInstruction',
] as const satisfies readonly FieldName[];

/** A blank form; 发现时间 defaults to now, because most incidents are registered as they are found. */
export function initialValues(nowIso: string): RegisterValues {
  return {
    title: '',
    summary: '',
    platform: '',
    url: '',
    firstSeenAt: '',
    foundAt: toChinaInputValue(nowIso),
    township: '',
    involvedUnit: '',
    categories: [],
    keyType61: '',
    severity: '',
    sentiment: 'negative',
    leadUnit: '',
    coUnits: [],
    leaderInstruction: '',
  };
}

/**
 * What the form asks the ledger to register, before validation. An untouched choice is left out, so the schema
 * answers “请选择首发平台” rather than complaining about an empty code; an empty optional field means “none”.
 */
export function draftOf(v: RegisterValues): Record<string, unknown> {
  const optional = (value: string) => (value.trim() === '' ? null : value);
  return {
    title: v.title,
    summary: v.summary,
    ...(v.platform ? { platform: v.platform } : {}),
    url: v.url,
    firstSeenAt: optional(v.firstSeenAt),
    ...(v.foundAt.trim() ? { foundAt: v.foundAt } : {}),
    township: optional(v.township),
    involvedUnit: v.involvedUnit,
    categories: v.categories,
    keyType61: v.keyType61 === '' ? null : v.keyType61,
    ...(v.severity ? { severity: v.severity } : {}),
    sentiment: v.sentiment,
    leadUnit: optional(v.leadUnit),
    coUnits: v.coUnits,
    leaderInstruction: v.leaderInstruction,
  };
}

export type FieldErrors = Partial<Record<FieldName, string>>;

function isFieldName(name: string): name is FieldName {
  const names: readonly string[] = FIELD_ORDER;
  return names.includes(name);
}

/**
 * Places each message next to its field: `categories.1` belongs to 敏感类别. The first message per field wins
 * (it is the most basic one); messages about no field of the form are returned to be shown at the top.
 */
export function placeErrors(fields: readonly FieldError[]): { byField: FieldErrors; unplaced: string[] } {
  const byField: FieldErrors = {};
  const unplaced: string[] = [];
  for (const { path, message } of fields) {
    const name = path.split('.')[0] ?? '';
    if (isFieldName(name)) byField[name] ??= message;
    else unplaced.push(message);
  }
  return { byField, unplaced };
}

export function firstInvalid(errors: FieldErrors): FieldName | undefined {
  return FIELD_ORDER.find((name) => errors[name] !== undefined);
}
