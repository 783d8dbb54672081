import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type LedgerErrorData, toErrorData } from '../../shared/errors.js';
import { parseJsonText } from '../../shared/json-text.js';
import { safeMessage } from '../../shared/text.js';
import { type Ledger, openLedger } from '../core/open-ledger.js';
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

/** 1 also for a failure that is not the input's fault (storage, internal): retrying may help, correcting input won't. */
export const EXIT = { ok: 0, checkFailed: 1, failed: 1, badInput: 2 } as const;

/** With YQ_DEBUG=1 an administrator sees the details of an internal failure; otherwise one Chinese line only. */
const debug = () => process.env.YQ_DEBUG === '1';

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
    const as = typeof args.values.as === 'string' ? { staff: args.values.as.trim() } : {};
    ledger = openLedger({ path: args.db, ...(io.now ? { now: io.now } : {}), ...fresh, ...as });
  } catch (error) {
    return fail(io, error);
  }
  try {
    const input: CommandInput = { args: found.args, values: args.values, readJsonIn: () => readJsonIn(args.values, io) };
    const plan = found.command.plan(input);
    const logInternal = (method: string, error: unknown) => {
      if (debug()) io.stderr(`[${method}] ${(error as Error).stack ?? String(error)}`);
    };
    const call = createDispatcher(createHandlers(ledger), { now: ledger.ctx.now, logInternal });
    for (const step of plan.before ?? []) {
      const done = await call(step.method, step.input);
      if (!done.ok) return failWith(io, done.error);
    }
    const result = await call(plan.method, plan.input);
    if (!result.ok) return failWith(io, result.error);
    for (const file of plan.files ?? []) {
      if (file.format === 'pdf') await printHtmlToPdf(file.content(result.value), file.path);
      else writeText(file.path, file.content(result.value));
      if (!args.json) io.stderr(`已写入 ${file.path}`);
    }
    const shown = plan.present ? plan.present(result.value) : result.value;
    io.stdout(args.json || !plan.human ? JSON.stringify(shown, null, 2) : plan.human(shown));
    if (plan.badInput?.(result.value)) return EXIT.badInput;
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
  const parsed = parseJsonText(text, source === '-' ? '标准输入' : source);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.value;
}

function fail(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr(`yq: ${error.message}`);
    return EXIT.badInput;
  }
  if (debug()) io.stderr(String((error as Error).stack ?? error));
  return failWith(io, toErrorData(error));
}

/** One line on stderr; exit 2 when the input was at fault, 1 when the ledger or the program was. */
function failWith(io: CliIo, error: LedgerErrorData): number {
  io.stderr(`yq: ${safeMessage(error.message)}`);
  return error.code === 'internal' || error.code === 'storage' ? EXIT.failed : EXIT.badInput;
}
