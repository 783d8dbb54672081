import { parseArgs } from 'node:util';
import type { Command, OptionSpec, OptionValues } from './command.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './options.js';

// `yq --db FILE <noun> <verb> [positionals] [options]`. Every command declares its options; the parser knows
// them all (so it can tell an option's value from a positional), then refuses options the command does not take.

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  /** Who is acting (a member of this workstation's staff): named in the audit entry of every write. */
  as: { type: 'string' },
};

function allOptions(): Record<string, OptionSpec> {
  const merged: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS };
  for (const command of COMMANDS) {
    for (const [name, spec] of Object.entries(command.options)) {
      const seen = merged[name];
      if (seen && (seen.type !== spec.type || Boolean(seen.multiple) !== Boolean(spec.multiple))) {
        throw new Error(`option --${name} is declared differently by two commands`);
      }
      merged[name] = spec;
    }
  }
  return merged;
}

export interface ParsedArgs {
  db: string | undefined;
  json: boolean;
  help: boolean;
  words: string[];
  values: OptionValues;
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  try {
    const options = allOptions();
    const { values, positionals, tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
    refuseRepeats(tokens, options);
    const v = values as OptionValues;
    return {
      db: typeof v.db === 'string' ? v.db : undefined,
      json: v.json === true,
      help: v.help === true,
      words: positionals,
      values: v,
    };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(localiseParseError((error as Error).message));
  }
}

/** `--info-hours 5 --info-hours 6`: Node keeps the last one silently; a person meant one of them, so ask. */
function refuseRepeats(tokens: readonly { kind: string; name?: string }[], options: Record<string, OptionSpec>): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined || options[token.name]?.multiple) continue;
    if (seen.has(token.name)) throw new UsageError(`选项 --${token.name} 只能给出一次`);
    seen.add(token.name);
  }
}

function localiseParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `未知的选项 ${unknown[1]}（yq --help 查看用法）`;
  // Node writes "Option '--out <value>' argument missing": name the option only.
  const missing = /Option '([^' ]+)[^']*' argument missing/.exec(message);
  if (missing) return `选项 ${missing[1]} 需要一个值`;
  const noValue = /Option '([^']+)' does not take an argument/.exec(message);
  if (noValue) return `选项 ${noValue[1]} 不带值`;
  // "--limit -3": Node cannot tell a value from another option and explains over three English lines.
  const dashed = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (dashed) return `选项 ${dashed[1]} 的值以 - 开头，请写成 ${dashed[1]}=值`;
  return '命令行参数有误（yq --help 查看用法）';
}

/** The command named by the leading words, and its positional arguments. */
export function findCommand(words: readonly string[]): { command: Command; args: string[] } {
  for (const command of COMMANDS) {
    const name = command.words.split(' ');
    if (name.every((word, i) => words[i] === word)) return { command, args: words.slice(name.length) };
  }
  throw new UsageError(`未知的命令“${words.slice(0, 2).join(' ')}”（yq --help 查看用法）`);
}

/** Refuses options the command does not take and a wrong number of positional arguments. */
export function checkCommandArgs(command: Command, args: readonly string[], values: OptionValues): void {
  const stray = Object.keys(values).find((name) => values[name] !== undefined && !(name in GLOBAL_OPTIONS) && !(name in command.options));
  if (stray) throw new UsageError(`“${command.words}”不接受选项 --${stray}`);
  const { min, max, name } = command.positionals;
  if (args.length < min) throw new UsageError(`“${command.words}”需要${name ?? '参数'}`);
  if (args.length > max) throw new UsageError(`多余的参数“${args.slice(max).join(' ')}”`);
}

export function usage(): string {
  const lines = COMMANDS.map((c) => [`${c.words} ${c.synopsis}`.trim(), c.summary]);
  return `用法：yq --db 文件 <对象> <动作> [选项]

${lines.map(([left, right]) => `  ${left}\n      ${right}`).join('\n')}

通用选项：--json 以 JSON 输出；--json-in - 从标准输入读取 JSON。
类别可写代码、全称或简称（wages / 工资拖欠 / 欠薪）；等级、状态、平台可写代码或名称（major / 重大）；单位、乡镇写名称。
时间按北京时间书写（2026-11-28 14:05），或带时区的 ISO 8601。
退出码：0 成功；2 输入有误（标准错误输出一行说明，不写入任何数据）；1 校验未通过，或台账、程序出错（一行说明；设 YQ_DEBUG=1 可看详情）。`;
}
