import { z } from 'zod';
import { responseRuleSchema, severityRef } from '../schemas.js';

// 回应时限 per severity (DESIGN §1: 国办发〔2016〕80号 5 h / 24 h, 61号 48 h), editable by the office. Each limit is
// whole clock hours counted from 发现时间, or null when that kind of response is not required for the severity.

/** The longest limit accepted: 30 days. The State Council's rules ask for hours; a month is already generous. */
export const MAX_RULE_HOURS = 720;

const hours = (what: string) =>
  z
    .number({ error: `${what}应为小时数，不要求则留空` })
    .int({ error: `${what}应为整数小时` })
    .min(1, { error: `${what}至少为1小时` })
    .max(MAX_RULE_HOURS, { error: `${what}不超过${MAX_RULE_HOURS}小时（30天）` })
    .nullable();

export const responseRuleMethods = {
  /** Changes the limits given; a limit left out stays as it is, null means "not required". */
  setResponseRule: {
    input: z.strictObject({
      severity: severityRef,
      infoHours: hours('发布权威信息时限').optional(),
      pressHours: hours('新闻发布会时限').optional(),
      responseHours: hours('回应时限').optional(),
    }),
    output: responseRuleSchema,
  },
} as const;
