import { readFileSync } from 'node:fs';
import type { ImportReport } from '../../../shared/api/excel.js';
import { ROW_FACT_COLUMNS, ROW_FACT_LABELS, type RowFactColumn } from '../../../shared/schemas.js';
import { UsageError } from '../options.js';
import type { Command, OptionValues } from '../command.js';
import { INCIDENT_FILTER_OPTIONS, incidentFilterQuery } from './incident-filters.js';

// yq import xlsx / export xlsx: an office's spreadsheet 台账 in, the 台账 or the 承诺督办 table out.

function readMapping(values: OptionValues): unknown {
  const file = values.mapping;
  if (typeof file !== 'string') return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`无法读取映射文件 ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`映射文件 ${file} 不是有效的 JSON：${(error as Error).message}`);
  }
}

/**
 * --columns 首次回应时间,承诺数 (labels or ids): the 台账核查 columns to write, as the UI's column chooser picks
 * them; `--columns 无` writes none. Absent: all four. Split on list marks only, since 按时/超时 holds a slash.
 */
function checkColumns(value: string | boolean | string[] | undefined): RowFactColumn[] | undefined {
  if (value === undefined) return undefined;
  const words = (Array.isArray(value) ? value : [String(value)]).flatMap((v) => v.split(/[、,，;；]+/)).map((w) => w.trim()).filter(Boolean);
  if (words.length === 1 && words[0] === '无') return [];
  return words.map((word) => {
    const id = ROW_FACT_COLUMNS.find((c) => c === word || ROW_FACT_LABELS[c] === word);
    if (!id) throw new UsageError(`--columns 应为 ${ROW_FACT_COLUMNS.map((c) => ROW_FACT_LABELS[c]).join('、')} 中的列（或“无”），不认识“${word}”`);
    return id;
  });
}

const problemLine = (kind: string) => (p: { row: number; column: string; message: string }) => `${kind} 第 ${p.row} 行 ${p.column}：${p.message}`;

function importSummary(value: unknown): string {
  const r = value as ImportReport;
  return [
    `共 ${r.rows} 行：导入 ${r.imported} 条，重复 ${r.duplicates} 条，跳过 ${r.skipped} 条`,
    ...r.errors.map(problemLine('错误')),
    ...r.warnings.map(problemLine('提示')),
  ].join('\n');
}

export const excelCommands: Command[] = [
  {
    words: 'import xlsx',
    synopsis: '文件 [--sheet 工作表] [--mapping 映射.json] [--dry-run] [--skip-invalid] [--progress]',
    summary: '导入 Excel/WPS/CSV 舆情台账（.xlsx .xls .csv）；有无效行时不导入任何行，除非 --skip-invalid；已导入的行不会重复导入；--progress 在 stderr 报告进度；Ctrl-C 取消导入，台账不变',
    options: { sheet: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, progress: { type: 'boolean' } },
    positionals: { min: 1, max: 1, name: '表格文件' },
    plan: ({ args, values }) => {
      const mapping = readMapping(values);
      const skipInvalid = values['skip-invalid'] === true;
      const dryRun = values['dry-run'] === true;
      return {
        method: 'importSpreadsheet',
        input: {
          path: args[0],
          ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
          ...(mapping !== undefined ? { mapping } : {}),
          skipInvalid,
          dryRun,
        },
        human: importSummary,
        // Invalid rows and no --skip-invalid: nothing was written, as for any bad input.
        badInput: (value) => !dryRun && !skipInvalid && (value as ImportReport).errors.length > 0,
      };
    },
  },
  {
    words: 'export xlsx',
    synopsis: '--out 文件 [--what incidents|commitments] [--columns 首次回应时间,承诺数|无] [incident list 的筛选条件]',
    summary: '导出台账（--what incidents，默认）或承诺督办表（--what commitments）为 .xlsx；台账核查列默认全部；筛选条件同 incident list',
    options: {
      out: { type: 'string' },
      what: { type: 'string' },
      columns: { type: 'string', multiple: true },
      ...INCIDENT_FILTER_OPTIONS,
    },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      if (typeof values.out !== 'string') throw new UsageError('需要 --out 文件（导出的 .xlsx 路径）');
      const what = values.what ?? 'incidents';
      if (what !== 'incidents' && what !== 'commitments') throw new UsageError('--what 应为 incidents 或 commitments');
      const columns = checkColumns(values.columns);
      if (columns && what !== 'incidents') throw new UsageError('--columns 只用于台账（--what incidents）');
      return {
        method: what === 'incidents' ? 'exportLedgerXlsx' : 'exportCommitmentsXlsx',
        input: { path: values.out, query: { sort: 'foundAt', descending: true, ...incidentFilterQuery(values) }, ...(columns ? { columns } : {}) },
        human: (value) => {
          const r = value as { path: string; rows: number };
          return `已导出 ${r.rows} 行到 ${r.path}`;
        },
      };
    },
  },
];
