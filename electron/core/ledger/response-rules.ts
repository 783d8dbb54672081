import { type Severity, SEVERITY_INFO } from '../../../shared/domain.js';
import type { ResponseRule } from '../../../shared/schemas.js';
import { type LedgerContext, mutate } from './mutate.js';
import { getResponseRules } from './reference.js';
import type { FieldValue } from './tables.js';

// The office's 回应时限 per severity. The response clock and the reports read the rules as they stand, so an edit
// moves the deadlines of incidents still waiting for a response at once.

type Limit = 'infoHours' | 'pressHours' | 'responseHours';

const LIMITS: readonly { key: Limit; column: string; label: string }[] = [
  { key: 'infoHours', column: 'info_hours', label: '发布权威信息' },
  { key: 'pressHours', column: 'press_hours', label: '新闻发布会' },
  { key: 'responseHours', column: 'response_hours', label: '回应' },
];

const hoursText = (hours: number | null) => (hours === null ? '不要求' : `${hours}小时`);

function ruleOf(ctx: LedgerContext, severity: Severity): ResponseRule | undefined {
  return getResponseRules(ctx.db).find((r) => r.severity === severity);
}

export function setResponseRule(
  ctx: LedgerContext,
  input: { severity: Severity } & Partial<Record<Limit, number | null | undefined>>,
): ResponseRule {
  return ctx.db.transaction(() => {
    const stored = ruleOf(ctx, input.severity);
    // Every ledger is seeded with all four rules; should one be missing, the edit recreates it whole.
    const before = stored ?? { severity: input.severity, infoHours: null, pressHours: null, responseHours: null };
    const fields: Record<string, FieldValue> = stored ? {} : { info_hours: null, press_hours: null, response_hours: null, deleted: false };
    const changes: string[] = [];
    for (const { key, column, label } of LIMITS) {
      const wanted = input[key];
      if (wanted === undefined || (stored && wanted === before[key])) continue;
      fields[column] = wanted;
      changes.push(`${label} ${hoursText(before[key])} → ${hoursText(wanted)}`);
    }
    if (Object.keys(fields).length > 0) {
      const summary = `修改回应时限（${SEVERITY_INFO[input.severity].label}）：${changes.join('，') || '恢复规则'}`;
      mutate(ctx, { action: 'rule.update', entity: 'response_rule', entityId: input.severity, summary }, [
        { table: 'response_rules', row: input.severity, fields },
      ]);
    }
    return ruleOf(ctx, input.severity) ?? before;
  })();
}
