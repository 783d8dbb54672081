import { type Digest, formatShare, type RenderedDigest } from '../../../shared/api/digest.js';
import { UsageError } from '../options.js';
import type { Command, OptionValues, OutputFile } from '../command.js';
import { parsePeriod, type PeriodKind } from '../../../shared/china-time.js';

// yq digest: the week, month or year report. --json prints the figures (the same object the print page is
// rendered from); --html / --pdf write the print page, the PDF printed by a local Chromium.

const FORMS: Record<PeriodKind, { option: string; example: string; what: string }> = {
  week: { option: 'week', example: '2026-W48', what: '周次' },
  month: { option: 'month', example: '2026-11', what: '月份' },
  year: { option: 'year', example: '2026', what: '年份' },
};

function periodFrom(values: OptionValues): string {
  const given = (Object.keys(FORMS) as PeriodKind[]).filter((kind) => values[FORMS[kind].option] !== undefined);
  if (given.length !== 1) throw new UsageError('请用 --week 2026-W48、--month 2026-11 或 --year 2026 中的一个指定统计周期');
  const kind = given[0]!;
  const { option, example, what } = FORMS[kind];
  const raw = String(values[option]);
  const period = parsePeriod(raw);
  if (!period || period.kind !== kind) throw new UsageError(`--${option} 应为${what}，如 ${example}，收到“${raw}”`);
  return period.key;
}

function summary(d: Digest): string {
  const lines = [
    `${d.title}（${d.issue}，${d.rangeLabel}）`,
    `新增舆情 ${d.newIncidents} 起（上期 ${d.previousIncidents} 起）；回应率 ${formatShare(d.response.rate)}`,
    `按时回应：5小时 ${formatShare(d.respondedWithin['5h'])}，24小时 ${formatShare(d.respondedWithin['24h'])}，48小时 ${formatShare(d.respondedWithin['48h'])}`,
    `承诺：兑现 ${d.commitments.fulfilled} 项，下周到期 ${d.commitments.dueNextWeek} 项，逾期 ${d.commitments.overdue} 项`,
    `类别：${d.byCategory.filter((c) => c.count > 0).map((c) => `${c.label} ${c.count}`).join('，') || '无'}`,
  ];
  return lines.join('\n');
}

export const digestCommands: Command[] = [
  {
    words: 'digest',
    synopsis: '--week 2026-W48|--month 2026-11|--year 2026 [--html 文件] [--pdf 文件]',
    summary: '舆情周报/月报/年报：--json 输出统计数据；--html 写出打印页面，--pdf 用本机 Chromium 打印为 PDF',
    options: { week: { type: 'string' }, month: { type: 'string' }, year: { type: 'string' }, html: { type: 'string' }, pdf: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      const period = periodFrom(values);
      const page = (value: unknown) => (value as RenderedDigest).html;
      const files: OutputFile[] = [];
      if (typeof values.html === 'string') files.push({ path: values.html, format: 'text', content: page });
      if (typeof values.pdf === 'string') files.push({ path: values.pdf, format: 'pdf', content: page });
      if (files.length === 0) return { method: 'getDigest', input: { period }, human: (d) => summary(d as Digest) };
      return {
        method: 'renderDigest',
        input: { period },
        files,
        present: (value) => (value as RenderedDigest).digest,
        human: (d) => summary(d as Digest),
      };
    },
  },
];
