import { existsSync, readFileSync } from 'node:fs';
import type { MethodName } from '../../shared/contract.js';
import type { LedgerErrorData } from '../../shared/errors.js';
import { openLedger } from '../core/ledger.js';
import { createDispatcher, createHandlers } from '../core/service.js';
import { intOption, type ParsedArgs, parseCliArgs, USAGE, UsageError } from './args.js';
import { formatHuman } from './format.js';

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

/** A contract call the command wants made, and how to present its answer. */
interface Plan {
  method: MethodName;
  input: unknown;
  /** Shapes the answer for output (e.g. a page becomes its rows). */
  present?: (value: unknown) => unknown;
  /** An answer that means "the check failed" (exit 1). */
  failed?: (value: unknown) => boolean;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseCliArgs(argv);
    if (args.values.help || args.words.length === 0) {
      io.stdout(USAGE);
      return args.values.help ? EXIT.ok : EXIT.badInput;
    }
    if (!args.db) throw new UsageError('缺少 --db 文件（台账数据库路径）');
  } catch (error) {
    return fail(io, error);
  }
  const isInit = args.words[0] === 'init';
  if (!isInit && !existsSync(args.db)) {
    return fail(io, new UsageError(`台账数据库 ${args.db} 不存在；新建请先运行 yq --db ${args.db} init`));
  }
  let ledger;
  try {
    ledger = openLedger({ path: args.db, ...(io.now ? { now: io.now } : {}) });
  } catch (error) {
    return fail(io, error);
  }
  try {
    if (isInit) {
      if (args.words.length > 1) throw new UsageError(`init 不接受参数“${args.words.slice(1).join(' ')}”`);
      const info = { siteId: ledger.siteId, schemaVersion: ledger.schemaVersion };
      io.stdout(args.json ? JSON.stringify(info) : `台账已就绪：工作站 ${info.siteId}，结构版本 ${info.schemaVersion}`);
      return EXIT.ok;
    }
    const plan = planCommand(args, io);
    const result = await createDispatcher(createHandlers(ledger))(plan.method, plan.input);
    if (!result.ok) return failWith(io, result.error);
    const shown = plan.present ? plan.present(result.value) : result.value;
    io.stdout(args.json ? JSON.stringify(shown, null, 2) : formatHuman(plan.method, shown));
    return plan.failed?.(result.value) ? EXIT.checkFailed : EXIT.ok;
  } catch (error) {
    return fail(io, error);
  } finally {
    ledger.close();
  }
}

function planCommand(args: ParsedArgs, io: CliIo): Plan {
  const [noun, verb, target, ...rest] = args.words;
  const v = args.values;
  const allowOnly = (...allowed: string[]) => {
    const given = Object.keys(v).filter((k) => !['db', 'json', 'help', ...allowed].includes(k));
    if (given.length > 0) throw new UsageError(`“${noun} ${verb}”不接受选项 --${given[0]}`);
    if (rest.length > 0) throw new UsageError(`多余的参数“${rest.join(' ')}”`);
  };
  const needTarget = () => {
    if (!target) throw new UsageError(`“${noun} ${verb}”需要舆情事件编号或 ID`);
    return target;
  };
  const command = `${noun ?? ''} ${verb ?? ''}`.trim();
  switch (command) {
    case 'incident add':
      allowOnly('json-in');
      if (target) throw new UsageError(`多余的参数“${target}”`);
      return { method: 'createIncident', input: readJsonIn(v['json-in'], io) };
    case 'incident get':
      allowOnly();
      return { method: 'getIncident', input: { id: needTarget() } };
    case 'incident update':
      allowOnly('json-in');
      return { method: 'updateIncident', input: { id: needTarget(), patch: readJsonIn(v['json-in'], io) } };
    case 'incident transition':
      allowOnly('to', 'reason');
      if (typeof v.to !== 'string') throw new UsageError('需要 --to 状态（如 处置中）');
      return {
        method: 'transitionIncident',
        input: { id: needTarget(), to: v.to, ...(typeof v.reason === 'string' ? { reason: v.reason } : {}) },
      };
    case 'incident list': {
      allowOnly('category', 'status', 'severity', 'limit', 'offset');
      if (target) throw new UsageError(`多余的参数“${target}”`);
      const limit = intOption(v, 'limit');
      const offset = intOption(v, 'offset');
      return {
        method: 'listIncidents',
        input: {
          ...(v.category ? { categories: v.category } : {}),
          ...(v.status ? { statuses: v.status } : {}),
          ...(v.severity ? { severities: v.severity } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(offset !== undefined ? { offset } : {}),
        },
        present: (page) => (page as { rows: unknown[] }).rows,
      };
    }
    case 'audit verify':
      allowOnly();
      if (target) throw new UsageError(`多余的参数“${target}”`);
      return { method: 'verifyAudit', input: {}, failed: (report) => !(report as { ok: boolean }).ok };
    default:
      throw new UsageError(`未知的命令“${command}”（yq --help 查看用法）`);
  }
}

function readJsonIn(source: ParsedArgs['values']['json-in'], io: CliIo): unknown {
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
  io.stderr(`yq: 内部错误：${(error as Error).message ?? String(error)}`);
  return EXIT.badInput;
}

function failWith(io: CliIo, error: LedgerErrorData): number {
  io.stderr(`yq: ${error.message.replace(/\s+/g, ' ')}`);
  return EXIT.badInput;
}
