import { toChinaInputValue } from '../../../shared/china-time.js';
import type { Sentiment, Severity } from '../../../shared/domain.js';

// The 登记 form's values as people edit them (plain strings and lists; 首发平台 and 61号类型 as the words typed),
// and the draft of the request they make, which the shared schema judges.

export interface RegisterValues {
  title: string;
  summary: string;
  platform: string;
  url: string;
  firstSeenAt: string;
  foundAt: string;
  township: string;
  involvedUnit: string;
  categories: string[];
  keyType61: string;
  severity: Severity | '';
  sentiment: Sentiment;
  leadUnit: string;
  coUnits: string[];
  leaderInstruction: string;
}

/** A blank form, in the order it shows its fields; 发现时间 defaults to now, as most incidents are registered as found. */
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
 * Coded words go as typed: the contract reads 抖音, 12345 or 切身利益 itself.
 */
export function draftOf(v: RegisterValues): Record<string, unknown> {
  const optional = (value: string) => (value.trim() === '' ? null : value);
  return {
    title: v.title,
    summary: v.summary,
    ...(v.platform.trim() ? { platform: v.platform } : {}),
    url: v.url,
    firstSeenAt: optional(v.firstSeenAt),
    ...(v.foundAt.trim() ? { foundAt: v.foundAt } : {}),
    township: optional(v.township),
    involvedUnit: v.involvedUnit,
    categories: v.categories,
    keyType61: optional(v.keyType61),
    ...(v.severity ? { severity: v.severity } : {}),
    sentiment: v.sentiment,
    leadUnit: optional(v.leadUnit),
    coUnits: v.coUnits,
    leaderInstruction: v.leaderInstruction,
  };
}
