import { parseArgs } from 'node:util';

// `yq --db FILE <noun> <verb> [positionals] [options]`. Options are declared once for all commands; each
// command says which it accepts, so a stray option is an error rather than silently ignored.

export const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  'json-in': { type: 'string' },
  category: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
  severity: { type: 'string', multiple: true },
  limit: { type: 'string' },
  offset: { type: 'string' },
  to: { type: 'string' },
  reason: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type OptionName = keyof typeof OPTIONS;

export interface ParsedArgs {
  db: string | undefined;
  json: boolean;
  words: string[];
  values: Partial<Record<OptionName, string | string[] | boolean>>;
}

export class UsageError extends Error {}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    return { db: values.db, json: values.json === true, words: positionals, values };
  } catch (error) {
    throw new UsageError(localiseParseError((error as Error).message));
  }
}

function localiseParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `未知的选项 ${unknown[1]}（yq --help 查看用法）`;
  const missing = /Option '([^']+)[^']*' argument missing/.exec(message);
  if (missing) return `选项 ${missing[1]} 需要一个值`;
  return message;
}

/** A whole number option, or a usage error naming the option. */
export function intOption(values: ParsedArgs['values'], name: OptionName): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new UsageError(`--${name} 应为非负整数，收到“${String(raw)}”`);
  return Number(raw);
}

export const USAGE = `用法：yq --db 文件 <对象> <动作> [选项]

  init                                  创建台账（已存在则不变），输出工作站编号与结构版本
  incident add --json-in 文件|-          登记舆情事件（JSON 输入）
  incident get 编号或ID                  查看一条舆情事件
  incident update 编号或ID --json-in 文件|-  修改舆情事件（只含要改的字段）
  incident transition 编号或ID --to 状态 [--reason 说明]   变更处置状态
  incident list [--category 类别] [--status 状态] [--severity 等级] [--limit N] [--offset N]
  audit verify                          校验审计日志哈希链

通用选项：--json 以 JSON 输出；--json-in - 从标准输入读取 JSON。
类别可写代码、全称或简称（wages / 工资拖欠 / 欠薪）；等级可写代码或名称（major / 重大）；单位写名称。
退出码：0 成功；2 输入有误（标准错误输出一行说明，不写入任何数据）；1 校验未通过。`;
