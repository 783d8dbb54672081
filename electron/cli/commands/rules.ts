import { SEVERITIES, SEVERITY_INFO } from '../../../shared/domain.js';
import type { Reference, ResponseRule } from '../../../shared/schemas.js';
import { UsageError } from '../options.js';
import type { Command, OptionValues } from '../command.js';

// `yq rules …`: the 回应时限 per severity. Hours are whole clock hours from 发现时间; “无” (or an empty value)
// means that kind of response is not required. The contract judges the numbers; this file only reads them.

const hours = (h: number | null) => (h === null ? '不要求' : `${h}小时`);

function ruleLine(r: ResponseRule): string {
  const { label, grade } = SEVERITY_INFO[r.severity];
  return `${label}（${grade}）  发布权威信息 ${hours(r.infoHours)}  新闻发布会 ${hours(r.pressHours)}  回应 ${hours(r.responseHours)}`;
}

const NOT_REQUIRED = new Set(['', '无', '不要求', 'none']);

/** An hours option as the contract takes it: a number, null for "not required", or undefined when not given. */
function hoursOption(values: OptionValues, name: string): number | null | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && NOT_REQUIRED.has(raw.trim())) return null;
  if (typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim())) return Number(raw);
  throw new UsageError(`--${name} 应为小时数，或“无”表示不要求；收到“${String(raw)}”`);
}

const LIMIT_OPTIONS = { 'info-hours': 'infoHours', 'press-hours': 'pressHours', 'response-hours': 'responseHours' } as const;

export const ruleCommands: Command[] = [
  {
    words: 'rules list',
    synopsis: '',
    summary: '列出各等级的回应时限（从发现时间起算的小时数）',
    options: {},
    positionals: { min: 0, max: 0 },
    plan: () => ({
      method: 'getReference',
      input: {},
      present: (reference) =>
        SEVERITIES.flatMap((severity) => (reference as Reference).responseRules.filter((r) => r.severity === severity)),
      human: (rules) => (rules as ResponseRule[]).map(ruleLine).join('\n'),
    }),
  },
  {
    words: 'rules set',
    synopsis: '--severity 等级 [--info-hours N|无] [--press-hours N|无] [--response-hours N|无]',
    summary: '修改一个等级的回应时限：发布权威信息、新闻发布会、回应各自的小时数（1—720 的整数），“无”为不要求；未给出的不变',
    options: {
      severity: { type: 'string', multiple: true },
      'info-hours': { type: 'string' },
      'press-hours': { type: 'string' },
      'response-hours': { type: 'string' },
    },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      const severity = values.severity;
      if (Array.isArray(severity) && severity.length > 1) throw new UsageError('--severity 只能给出一个等级');
      const limits: Record<string, number | null> = {};
      for (const [option, key] of Object.entries(LIMIT_OPTIONS)) {
        const value = hoursOption(values, option);
        if (value !== undefined) limits[key] = value;
      }
      if (Object.keys(limits).length === 0) throw new UsageError('请至少给出 --info-hours、--press-hours、--response-hours 之一');
      return {
        method: 'setResponseRule',
        input: { severity: Array.isArray(severity) ? severity[0] : severity, ...limits },
        human: (rule) => ruleLine(rule as ResponseRule),
      };
    },
  },
];
