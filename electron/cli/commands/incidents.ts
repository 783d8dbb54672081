import { formatChinaDateTime } from '../../../shared/china-time.js';
import { PLATFORM_LABELS, SEVERITY_INFO, STATUS_LABELS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { type Command, jsonInCommand } from '../command.js';
import { intOption } from '../options.js';
import { INCIDENT_FILTER_OPTIONS, incidentFilterQuery } from './incident-filters.js';

/** An option given several times or as a list (待研判,处置中 / 重大、特别重大): every value, once split. */
export function incidentLine(i: Incident): string {
  return [
    i.number,
    `[${SEVERITY_INFO[i.severity].label}]`,
    `[${STATUS_LABELS[i.status]}]`,
    formatChinaDateTime(i.foundAt),
    PLATFORM_LABELS[i.platform],
    i.title,
  ].join('  ');
}

const one = (value: unknown) => incidentLine(value as Incident);

export const incidentCommands: Command[] = [
  jsonInCommand('incident add', '登记舆情事件（JSON 输入）', 'createIncident', one),
  {
    words: 'incident get',
    synopsis: '编号或ID',
    summary: '查看一条舆情事件',
    options: {},
    positionals: { min: 1, max: 1, name: '舆情事件编号或 ID' },
    plan: ({ args }) => ({ method: 'getIncident', input: { id: args[0] }, human: one }),
  },
  {
    words: 'incident update',
    synopsis: '编号或ID --json-in 文件|-',
    summary: '修改舆情事件（JSON 只含要改的字段）',
    options: { 'json-in': { type: 'string' } },
    positionals: { min: 1, max: 1, name: '舆情事件编号或 ID' },
    plan: ({ args, readJsonIn }) => ({ method: 'updateIncident', input: { id: args[0], patch: readJsonIn() }, human: one }),
  },
  {
    words: 'incident transition',
    synopsis: '编号或ID --to 状态 [--reason 说明]',
    summary: '变更处置状态',
    options: { to: { type: 'string' }, reason: { type: 'string' } },
    positionals: { min: 1, max: 1, name: '舆情事件编号或 ID' },
    plan: ({ args, values }) => ({
      method: 'transitionIncident',
      input: { id: args[0], to: values.to, ...(values.reason !== undefined ? { reason: values.reason } : {}) },
      human: one,
    }),
  },
  {
    words: 'incident list',
    synopsis:
      '[--category 类别] [--status 状态] [--severity 等级] [--platform 平台] [--unit 牵头单位] [--township 乡镇] [--from 时间] [--to 时间] [--text 搜索词] [--limit N] [--offset N]',
    summary: '列出舆情事件（新的在前）；各筛选条件同台账视图，类别、状态、等级、平台可重复给出',
    options: {
      ...INCIDENT_FILTER_OPTIONS,
      limit: { type: 'string' },
      offset: { type: 'string' },
    },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      const limit = intOption(values, 'limit');
      const offset = intOption(values, 'offset');
      return {
        method: 'listIncidents',
        input: {
          ...incidentFilterQuery(values),
          ...(limit !== undefined ? { limit } : {}),
          ...(offset !== undefined ? { offset } : {}),
        },
        present: (page) => (page as { rows: unknown[] }).rows,
        human: (rows) => {
          const list = rows as Incident[];
          return list.length === 0 ? '（没有符合条件的舆情事件）' : list.map(incidentLine).join('\n');
        },
      };
    },
  },
];
