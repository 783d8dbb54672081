import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LedgerErrorData } from '../../shared/errors.js';
import { type Ledger, openLedger } from '../core/ledger.js';
import { printHtmlToPdf } from '../core/print/pdf.js';
import { createDispatcher, createHandlers } from '../core/service.js';
import { fileProblem } from '../core/file-problems.js';
import { checkCommandArgs, findCommand, type ParsedArgs, parseCliArgs, usage } from './args.js';
import { UsageError } from './options.js';
import type { CommandInput, OptionValues } from './command.js';

// yq: the same core as the app, for administrators and scheduled jobs. Every command goes through the contract
// dispatcher, so the CLI validates exactly as the window does and holds no domain logic of its own.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  /** The clock the core uses; tests pass a fixed one. */
  now?: () => number;
}

export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseCliArgs(argv);
    if (args.help || args.words.length === 0) {
      io.stdout(usage());
      return args.help ? EXIT.ok : EXIT.badInput;
    }
    if (!args.db) throw new UsageError('缺少 --db 文件（台账数据库路径）');
  } catch (error) {
    return fail(io, error);
  }
  let found;
  try {
    found = findCommand(args.words);
    checkCommandArgs(found.command, found.args, args.values);
    if (!found.command.newLedger && !existsSync(args.db)) {
      throw new UsageError(`台账数据库 ${args.db} 不存在；新建请先运行 yq --db ${args.db} init`);
    }
  } catch (error) {
    return fail(io, error);
  }
  let ledger: Ledger;
  try {
    // What a new ledger starts with is checked before openLedger creates the file (and ignored if it exists).
    const fresh = found.command.newLedger?.(args.values) ?? {};
    ledger = openLedger({ path: args.db, ...(io.now ? { now: io.now } : {}), ...fresh });
  } catch (error) {
    return fail(io, error);
  }
  try {
    const input: CommandInput = { args: found.args, values: args.values, readJsonIn: () => readJsonIn(args.values, io) };
    const plan = found.command.plan(input);
    const result = await createDispatcher(createHandlers(ledger), { now: ledger.ctx.now })(plan.method, plan.input);
    if (!result.ok) return failWith(io, result.error);
    for (const file of plan.files ?? []) {
      if (file.format === 'pdf') await printHtmlToPdf(file.content(result.value), file.path);
      else writeText(file.path, file.content(result.value));
      if (!args.json) io.stderr(`已写入 ${file.path}`);
    }
    const shown = plan.present ? plan.present(result.value) : result.value;
    io.stdout(args.json || !plan.human ? JSON.stringify(shown, null, 2) : plan.human(shown));
    return plan.failed?.(result.value) ? EXIT.checkFailed : EXIT.ok;
  } catch (error) {
    return fail(io, error);
  } finally {
    ledger.close();
  }
}

function writeText(path: string, text: string): void {
  try {
    writeFileSync(path, text, 'utf8');
  } catch (error) {
    throw new UsageError(`无法写入 ${path}：${fileProblem(error)}`);
  }
}

function readJsonIn(values: OptionValues, io: CliIo): unknown {
  const source = values['json-in'];
  if (typeof source !== 'string') throw new UsageError('需要 --json-in 文件（或 - 表示标准输入）');
  let text: string;
  try {
    text = source === '-' ? io.readStdin() : readFileSync(source, 'utf8');
  } catch {
    throw new UsageError(`无法读取 ${source}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${source === '-' ? '标准输入' : source} 不是有效的 JSON：${(error as Error).message}`);
  }
}

function fail(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr(`yq: ${error.message}`);
    return EXIT.badInput;
  }
  const data = (error as { toData?: () => LedgerErrorData }).toData?.();
  if (data) return failWith(io, data);
  io.stderr(`yq: 内部错误：${String((error as Error).message ?? error)}`);
  return EXIT.badInput;
}

function failWith(io: CliIo, error: LedgerErrorData): number {
  io.stderr(`yq: ${error.message.replace(/\s+/g, ' ')}`);
  return EXIT.badInput;
}
