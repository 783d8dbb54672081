import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ProgressEvent } from '../../shared/api/events.js';
import { CANCELLED_MESSAGES, type CancellableJob, isCancellableJob } from '../../shared/api/jobs.js';
import { type LedgerErrorData, type Result, toErrorData } from '../../shared/errors.js';
import { parseJsonText } from '../../shared/json-text.js';
import { safeMessage } from '../../shared/text.js';
import { type Ledger, openLedger } from '../core/open-ledger.js';
import { printHtmlToPdf } from '../core/print/pdf.js';
import { createDispatcher, createHandlers } from '../core/service.js';
import { fileProblem } from '../core/file-problems.js';
import { checkCommandArgs, findCommand, type ParsedArgs, parseCliArgs, usage } from './args.js';
import { UsageError } from './options.js';
import type { CommandInput, OptionValues } from './command.js';
import { startJobWorker } from './job-worker.js';

// yq: the same core as the app, for administrators and scheduled jobs. Every command goes through the contract
// dispatcher, so the CLI validates exactly as the window does and holds no domain logic of its own.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  /** The clock the core uses; tests pass a fixed one. */
  now?: () => number;
  /**
   * Subscribes to Ctrl-C (SIGINT) for the length of a long job and returns the unsubscribe. The real process passes
   * it: a cancellable job (import xlsx) then runs on a worker thread and Ctrl-C stops it with nothing written.
   */
  onInterrupt?: (handler: () => void) => () => void;
}

/** 1 also for a failure that is not the input's fault (storage, internal): retrying may help, correcting input won't. */
export const EXIT = { ok: 0, checkFailed: 1, failed: 1, badInput: 2, cancelled: 130 } as const;

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
    // --progress: where a long job is, one line per step on stderr (for logs of scheduled jobs).
    const progress = args.values.progress === true ? (e: ProgressEvent) => io.stderr(`进度：${e.phase} ${e.done}/${e.total}`) : undefined;
    const call = createDispatcher(createHandlers(ledger, progress ? { progress } : {}), { now: ledger.ctx.now, logInternal });
    for (const step of plan.before ?? []) {
      const done = await call(step.method, step.input);
      if (!done.ok) return failWith(io, done.error);
    }
    const job = isCancellableJob(plan.method) && io.onInterrupt ? plan.method : undefined;
    const staff = typeof args.values.as === 'string' ? args.values.as.trim() : undefined;
    const result =
      (job && io.onInterrupt && (await callInWorker(io.onInterrupt, io, { dbPath: args.db, staff, job, input: plan.input, progress }))) ||
      (await call(plan.method, plan.input));
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

/** Runs a cancellable job on the core's worker thread with Ctrl-C asking it to stop; undefined when no worker entry exists. */
async function callInWorker(
  onInterrupt: NonNullable<CliIo['onInterrupt']>,
  io: CliIo,
  job: { dbPath: string; staff: string | undefined; job: CancellableJob; input: unknown; progress: ((e: ProgressEvent) => void) | undefined },
): Promise<Result<unknown> | undefined> {
  const worker = startJobWorker({ dbPath: job.dbPath, ...(job.staff !== undefined ? { staff: job.staff } : {}), ...(job.progress ? { onProgress: job.progress } : {}) });
  if (!worker) return undefined;
  let asked = false;
  const stop = onInterrupt(() => {
    if (!asked) io.stderr('yq: 正在取消……');
    asked = true;
    void worker.call('cancelJob', { job: job.job });
  });
  const cancelled: Result<unknown> = { ok: false, error: { code: 'cancelled', message: CANCELLED_MESSAGES[job.job] } };
  try {
    const ready = await worker.ready;
    if (!ready.ok) return ready;
    // Ctrl-C before the job was sent: it never starts.
    if (asked) return cancelled;
    return await worker.call(job.job, job.input);
  } finally {
    stop();
    await worker.close();
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
  if (error.code === 'cancelled') return EXIT.cancelled;
  return error.code === 'internal' || error.code === 'storage' ? EXIT.failed : EXIT.badInput;
}
