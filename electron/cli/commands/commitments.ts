import type { CalendarOverrideEntry, Commitment, DueItem, Feedback, Followup } from '../../../shared/api/commitments.js';
import { COMMITMENT_STATUS_LABELS, FEEDBACK_METHOD_LABELS, FOLLOWUP_KIND_LABELS } from '../../../shared/domain.js';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { deadlineMovedText } from '../../../shared/deadline-moved.js';
import { intOption, UsageError } from '../options.js';
import { type Command, jsonInCommand } from '../command.js';

// 承诺、跟进、反馈评价、到期清单、督办单和节假日调休 — JSON in and out, every call through the contract.

function commitmentLine(c: Commitment): string {
  const verified = c.calendarVerified ? '' : '（节假日未核实）';
  const nonWorkday = c.deadlineNonWorkday
    ? `（${c.deadlineNonWorkday}）`
    : c.deadlineMovedFrom
      ? `（${deadlineMovedText(c.deadlineMovedFrom, c.deadlineSpec.n)}）`
      : '';
  return [c.number, `[${COMMITMENT_STATUS_LABELS[c.status]}]`, `期限 ${c.deadline}${nonWorkday}${verified}`, c.unitName, c.content].join('  ');
}

function dueLine(d: DueItem): string {
  const late = d.status === 'overdue' ? `逾期${d.overdueWorkdays}个工作日` : COMMITMENT_STATUS_LABELS[d.status];
  return [d.number, `[${late}]`, d.deadline, d.unit, d.content].join('  ');
}

const one = (value: unknown) => commitmentLine(value as Commitment);

export const commitmentCommands: Command[] = [
  jsonInCommand(
    'commitment add',
    '登记承诺：{"incident","content","unit","person","promisedAt","deadline"}，deadline 为 {"date"} 或 {"workdays",N,"from"} 或 {"days",N,"from"}',
    'addCommitment',
    one,
  ),
  {
    words: 'commitment update',
    synopsis: '承诺编号或ID --json-in 文件|-',
    summary:
      '修改承诺（JSON 只含要改的字段：status、evidence、statusReason、publication {"published","channel","at","url","note"}、check {"by","at","result"}、deadline …）',
    options: { 'json-in': { type: 'string' } },
    positionals: { min: 1, max: 1, name: '承诺编号或 ID' },
    plan: ({ args, readJsonIn }) => ({ method: 'updateCommitment', input: { id: args[0], patch: readJsonIn() }, human: one }),
  },
  {
    words: 'commitment get',
    synopsis: '承诺编号或ID',
    summary: '查看一项承诺',
    options: {},
    positionals: { min: 1, max: 1, name: '承诺编号或 ID' },
    plan: ({ args }) => ({ method: 'getCommitment', input: { id: args[0] }, human: one }),
  },
  {
    words: 'commitment list',
    synopsis: '舆情事件编号或ID',
    summary: '列出一条舆情事件的承诺',
    options: {},
    positionals: { min: 1, max: 1, name: '舆情事件编号或 ID' },
    plan: ({ args }) => ({
      method: 'listCommitments',
      input: { incident: args[0] },
      human: (list) => ((list as Commitment[]).length === 0 ? '（没有承诺）' : (list as Commitment[]).map(commitmentLine).join('\n')),
    }),
  },
  {
    words: 'commitment sheet',
    synopsis: '单位',
    summary: '输出该单位的承诺事项督办单（A4 打印用 HTML）',
    options: {},
    positionals: { min: 1, max: 1, name: '单位名称' },
    plan: ({ args }) => ({ method: 'renderSupervisionSheet', input: { unit: args[0] }, human: (sheet) => (sheet as { html: string }).html }),
  },
  jsonInCommand(
    'followup add',
    '记录跟进（进展、督办、催办、核查、回访、舆情反弹）：{"incident"或"commitment","kind","at","actor","content"}',
    'addFollowup',
    (value) => {
      const f = value as Followup;
      return `已记录${FOLLOWUP_KIND_LABELS[f.kind]}  ${formatChinaDateTime(f.at)}  ${f.content}`;
    },
  ),
  jsonInCommand(
    'feedback add',
    '记录反馈评价：{"incident"或"commitment","method","satisfaction"(1-5),"note","at"}',
    'addFeedback',
    (value) => {
      const f = value as Feedback;
      return `已记录反馈评价（${FEEDBACK_METHOD_LABELS[f.method]}）  满意度 ${f.satisfaction}  ${f.note}`;
    },
  ),
  {
    words: 'due',
    synopsis: '[--within-workdays N] [--unit 单位]',
    summary: '未办结的承诺，逾期在前；--within-workdays N 只列逾期及 N 个工作日内到期的（0 = 今日到期）',
    options: { 'within-workdays': { type: 'string' }, unit: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      const within = intOption(values, 'within-workdays');
      if (values.unit !== undefined && (typeof values.unit !== 'string' || values.unit.trim() === '')) {
        throw new UsageError('--unit 需要单位名称');
      }
      return {
        method: 'listDue',
        input: { ...(within !== undefined ? { withinWorkdays: within } : {}), ...(values.unit !== undefined ? { unit: values.unit } : {}) },
        present: (items) =>
          (items as DueItem[]).map(({ number, incident, content, unit, deadline, status, overdueWorkdays }) => ({
            number,
            incident,
            content,
            unit,
            deadline,
            status,
            overdueWorkdays,
          })),
        human: (items) => ((items as DueItem[]).length === 0 ? '（没有到期或逾期的承诺）' : (items as DueItem[]).map(dueLine).join('\n')),
      };
    },
  },
  jsonInCommand(
    'calendar set',
    '录入节假日调休：{"date":"2027-01-01","work":false,"name":"元旦"}；该年度随即视为已核实，相关承诺期限重新计算',
    'setCalendarOverride',
    (value) => {
      const v = value as { override: CalendarOverrideEntry; recomputed: number };
      return `${v.override.date} ${v.override.work ? '上班' : '放假'} ${v.override.name}；重新计算承诺期限 ${v.recomputed} 项`;
    },
  ),
  {
    words: 'calendar list',
    synopsis: '[--year 年份]',
    summary: '列出本单位录入的节假日调休',
    options: { year: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      const year = intOption(values, 'year');
      return {
        method: 'listCalendarOverrides',
        input: year !== undefined ? { year } : {},
        human: (list) =>
          (list as CalendarOverrideEntry[]).map((o) => `${o.date}  ${o.work ? '上班' : '放假'}  ${o.name}`).join('\n') || '（没有录入）',
      };
    },
  },
];
