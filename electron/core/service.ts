import { contract, isMethodName, type LedgerHandlers, type MethodName, type MethodOutput } from '../../shared/contract.js';
import { withWrittenTimeClock } from '../../shared/input/written-time.js';
import { invalidInput, LedgerError, type Result, toErrorData } from '../../shared/errors.js';
import { appHandlers } from './handlers/app.js';
import { backupHandlers } from './handlers/backup.js';
import { commitmentHandlers } from './handlers/commitments.js';
import { desktopHandlers } from './handlers/desktop.js';
import { digestHandlers } from './handlers/digest.js';
import { incidentHandlers } from './handlers/incidents.js';
import { printHandlers } from './handlers/print.js';
import { attachmentHandlers } from './handlers/attachments.js';
import { dashboardHandlers } from './handlers/dashboard.js';
import { savedViewHandlers } from './handlers/saved-views.js';
import { referenceDataHandlers } from './handlers/reference-data.js';
import { responseHandlers } from './handlers/responses.js';
import { syncHandlers } from './handlers/sync.js';
import { excelHandlers } from './handlers/excel.js';
import { similarityHandlers } from './handlers/similarity.js';
import { jobHandlers } from './handlers/jobs.js';
import type { CancelFlags } from './jobs.js';
import type { Ledger } from './open-ledger.js';
import type { ProgressSink } from './progress.js';

export interface HandlerOptions {
  /** Receives the progress of long jobs (import, export, the year report); without it, none is reported. */
  progress?: ProgressSink;
  /** Called when a restore replaced the ledger file under the open ledger (the worker reopens it). */
  ledgerReplaced?: () => void;
  /** Set by the thread that asks for jobs to stop (the core worker's parent); a job checks them between steps. */
  cancel?: CancelFlags;
}

/** The core's implementation of every contract method, one handler file per feature. */
export function createHandlers(ledger: Ledger, { progress, ledgerReplaced, cancel }: HandlerOptions = {}): LedgerHandlers {
  const handlers = {
    ...appHandlers(ledger),
    ...incidentHandlers(ledger),
    ...commitmentHandlers(ledger),
    ...desktopHandlers(),
    ...digestHandlers(ledger, progress),
    ...responseHandlers(ledger),
    ...savedViewHandlers(ledger),
    ...attachmentHandlers(ledger),
    ...dashboardHandlers(ledger),
    ...referenceDataHandlers(ledger),
    ...syncHandlers(ledger, progress),
    ...excelHandlers(ledger, progress, cancel),
    ...backupHandlers(ledger, ledgerReplaced ? { ledgerReplaced } : {}),
    ...similarityHandlers(ledger),
    ...jobHandlers(),
  };
  // Printing renders the named document with the same handlers the preview used.
  return { ...handlers, ...printHandlers(handlers) };
}

export interface DispatcherOptions {
  /** The ledger's clock: what 今天 9:30 and 12月3日 in the input are read against (default: the system clock). */
  now?: () => number;
  /** Where an unexpected failure's details go (never to the caller); the app's log by default. */
  logInternal?: (method: string, error: unknown) => void;
}

const logToConsole = (method: string, error: unknown) => console.error(`[ledger] ${method} failed`, error);

export type CallLedger = (method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The one entry for every door that speaks the contract (IPC relay, test host, worker): parses `unknown` input
 * with the method's schema, runs the handler, and answers a Result — never a stack trace.
 */
export function createDispatcher(handlers: LedgerHandlers, { now, logInternal = logToConsole }: DispatcherOptions = {}): CallLedger {
  return async (method, input) => {
    if (!isMethodName(method)) {
      const named = typeof method === 'string' && /^[A-Za-z_]\w{0,59}$/.test(method) ? `：${method}` : '';
      return { ok: false, error: { code: 'unknown_method', message: `未知的操作${named}` } };
    }
    try {
      return { ok: true, value: await invoke(handlers, method, input, now ?? Date.now) };
    } catch (error) {
      if (!(error instanceof LedgerError)) logInternal(method, error);
      return { ok: false, error: toErrorData(error) };
    }
  };
}

async function invoke<M extends MethodName>(
  handlers: LedgerHandlers,
  method: M,
  input: unknown,
  now: () => number,
): Promise<MethodOutput<M>> {
  const parsed = withWrittenTimeClock(now, () => contract[method].input.safeParse(input ?? {}));
  if (!parsed.success) throw invalidInput(parsed.error);
  const handler = handlers[method] as (input: unknown) => MethodOutput<M> | Promise<MethodOutput<M>>;
  return handler(parsed.data);
}
