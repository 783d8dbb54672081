import type { CommonIssue, SimilarIncident } from '../../../shared/api/similarity.js';
import { formatChinaDate } from '../../../shared/china-time.js';
import { intOption, UsageError } from '../options.js';
import type { Command } from '../command.js';

// yq common / similar / incident recurrence: 共性问题 of a period, the incidents like one, and 反弹 (issue 16).

/** The group as `yq common --json` and `digest --json` print it (ids stay inside the app). */
export function presentIssue(g: CommonIssue) {
  return {
    label: g.label,
    incidents: g.incidents,
    townships: g.townships,
    units: g.units,
    categories: g.categories,
    firstAt: g.firstAt,
    lastAt: g.lastAt,
    answered: g.answered,
    answeredBy: g.answeredBy,
    answeredJointly: g.answeredJointly,
  };
}

const issueLine = (g: CommonIssue) =>
  `【${g.label}】${g.incidents.length} 起，${formatChinaDate(g.firstAt)}至${formatChinaDate(g.lastAt)}；` +
  `${g.townships.join('、') || '未填写地域'}；牵头 ${g.units.join('、') || '未指定'}；已回应 ${g.answered} 起\n  ${g.incidents.join(' ')}`;

const similarLine = (s: SimilarIncident) => `${s.number}  ${s.score.toFixed(2)}  ${s.title}\n  ${s.reason}`;

export const similarityCommands: Command[] = [
  {
    words: 'common',
    synopsis: '--from 2026-11-01 --to 2026-11-30',
    summary: '共性问题：期间内同一问题的事件（3起及以上）分组，最大的在前：[{"label","incidents","townships","units","categories","answered"}]',
    options: { from: { type: 'string' }, to: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      if (typeof values.from !== 'string' || typeof values.to !== 'string') throw new UsageError('请用 --from 2026-11-01 --to 2026-11-30 指定起止日期');
      return {
        method: 'listCommonIssues',
        input: { from: values.from, to: values.to },
        present: (groups) => (groups as CommonIssue[]).map(presentIssue),
        human: (groups) => {
          const list = groups as ReturnType<typeof presentIssue>[];
          return list.length === 0 ? '（期间内没有共性问题）' : list.map((g) => issueLine(g as CommonIssue)).join('\n');
        },
      };
    },
  },
  {
    words: 'similar',
    synopsis: '编号或ID [--limit N]',
    summary: '与一起事件相似的事件（前后180天内），附相似度和理由',
    options: { limit: { type: 'string' } },
    positionals: { min: 1, max: 1, name: '舆情事件编号或 ID' },
    plan: ({ args, values }) => {
      // Its range (1–100) is the contract's to check, as at every door.
      const limit = intOption(values, 'limit');
      return {
        method: 'listSimilar',
        input: { incident: args[0], ...(limit !== undefined ? { limit } : {}) },
        present: (list) =>
          (list as SimilarIncident[]).map((s) => ({ number: s.number, title: s.title, status: s.status, foundAt: s.foundAt, score: s.score, reason: s.reason })),
        human: (list) => {
          const rows = list as SimilarIncident[];
          return rows.length === 0 ? '（没有相似的事件）' : rows.map(similarLine).join('\n');
        },
      };
    },
  },
  {
    words: 'incident recurrence',
    synopsis: '编号或ID --of 原事件编号 | --dismiss | --clear',
    summary: '舆情反弹：确认为某已办结事件的反弹（--of），或确认不是（--dismiss），或取消标记（--clear）',
    options: { of: { type: 'string' }, dismiss: { type: 'boolean' }, clear: { type: 'boolean' } },
    positionals: { min: 1, max: 1, name: '舆情事件编号或 ID' },
    plan: ({ args, values }) => {
      const given = [values.of !== undefined, values.dismiss === true, values.clear === true].filter(Boolean).length;
      if (given !== 1) throw new UsageError('请用 --of 原事件编号、--dismiss 或 --clear 中的一个');
      return {
        method: 'markRecurrence',
        input: { incident: args[0], of: typeof values.of === 'string' ? values.of : null, dismissed: values.dismiss === true },
        human: (value) => {
          const { recurrenceOf } = value as { recurrenceOf: string | null };
          return recurrenceOf ? `已确认为 ${recurrenceOf} 的舆情反弹` : values.dismiss ? '已确认不是舆情反弹' : '已取消反弹标记';
        },
      };
    },
  },
];
