import type { ClockEntry, Response } from '../../../shared/api/responses.js';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { requirementLabel, RESPONSE_CHANNEL_LABELS, RESPONSE_METHOD_LABELS } from '../../../shared/domain.js';
import type { IncidentRow } from '../../../shared/schemas.js';
import { intOption } from '../options.js';
import { type Command, jsonInCommand } from '../command.js';
import { incidentLine } from './incidents.js';

const clockLine = (e: ClockEntry) =>
  `${e.number}  ${e.requirement}  ${requirementLabel(e.requirement, e.hours)}  截止 ${formatChinaDateTime(e.dueAt)}${e.overdue ? '  【已超时】' : ''}  ${e.title}`;

export const responseCommands: Command[] = [
  jsonInCommand(
    'response add',
    '记录一次回应：{"incident","at","method","channel","url","content","unit","disposition","responder"}（responder 回应人，默认为 --as 或所选人员）；共性回应用 "incidents": ["YQ-…", …] 一次回应多起',
    'addResponse',
    (value) => {
      const r = value as Response;
      const joint = r.jointWith.length > 0 ? `（共性回应 ${r.jointWith.length} 起：${r.jointWith.join('、')}）` : '';
      return `已记录回应：${formatChinaDateTime(r.at)} ${RESPONSE_METHOD_LABELS[r.method]}（${RESPONSE_CHANNEL_LABELS[r.channel]}）${joint}`;
    },
  ),
  {
    words: 'search',
    synopsis: '搜索词 [--limit N]',
    summary: '全文搜索标题、摘要和回应（两个字即可，如 欠薪），最相关的在前',
    options: { limit: { type: 'string' }, offset: { type: 'string' } },
    positionals: { min: 1, max: 1, name: '搜索词' },
    plan: ({ args, values }) => {
      const limit = intOption(values, 'limit');
      const offset = intOption(values, 'offset');
      return {
        method: 'listIncidents',
        input: { text: args[0], sort: 'relevance', ...(limit !== undefined ? { limit } : {}), ...(offset !== undefined ? { offset } : {}) },
        present: (page) => (page as { rows: unknown[] }).rows,
        human: (rows) => {
          const list = rows as IncidentRow[];
          return list.length === 0 ? '（没有找到）' : list.map(incidentLine).join('\n');
        },
      };
    },
  },
  {
    words: 'clock',
    synopsis: '[--within-hours N] [--limit N]',
    summary: '仍在计时或已超时的回应时限（全部列出）：[{"number","requirement","dueAt","overdue"}]，最早到期的在前',
    options: { 'within-hours': { type: 'string' }, limit: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      const within = intOption(values, 'within-hours');
      const limit = intOption(values, 'limit');
      return {
        method: 'listClock',
        input: { ...(within !== undefined ? { withinHours: within } : {}), ...(limit !== undefined ? { limit } : {}) },
        present: (entries) =>
          (entries as ClockEntry[]).map((e) => ({
            number: e.number,
            title: e.title,
            severity: e.severity,
            requirement: e.requirement,
            hours: e.hours,
            dueAt: e.dueAt,
            overdue: e.overdue,
          })),
        human: (entries) => {
          const list = entries as ClockEntry[];
          return list.length === 0 ? '（没有正在计时的回应时限）' : list.map(clockLine).join('\n');
        },
      };
    },
  },
];
