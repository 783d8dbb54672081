import { Worker } from 'node:worker_threads';
import type { ProgressEvent } from '../../../shared/api/events.js';
import { type CancellableJob, isCancellableJob, jobMethods } from '../../../shared/api/jobs.js';
import { invalidInput, type LedgerErrorData, type Result } from '../../../shared/errors.js';
import { cancelFlags } from '../jobs.js';
import type { CallLedger } from '../service.js';
import type { CoreWorkerData, FromWorker, ToWorker } from './messages.js';

// The main process's handle on the core worker: every contract call becomes one message, answered by id.
// Plain Node (worker_threads), no electron import, so it is tested for real under Node.

export interface CoreWorkerOptions extends CoreWorkerData {
  /** The worker's entry script: the built `dist/electron/core-worker.cjs` (or, with `eval`, code that loads it). */
  entryPath: string;
  /** `entryPath` is code to run, not a file (yq from source loads the TypeScript entry through tsx this way). */
  eval?: boolean;
  /** Extra Node flags for the worker thread (tests use none; kept for diagnostics). */
  execArgv?: string[];
  /** How long `close()` waits for the worker to finish and close the database before terminating it. */
  closeTimeoutMs?: number;
  /** Shows a desktop notification the core asked for. */
  onNotify?: (title: string, body: string) => void;
  /** Seals and stores new private keys (with managedKeys). */
  onKeys?: (secret: string) => void;
  /** Progress of long jobs; without it the worker is told not to report any (no cost). */
  onProgress?: (event: ProgressEvent) => void;
}

export interface CoreWorker {
  call: CallLedger;
  /** Settles once the ledger is open: `ok: false` carries why it could not be (calls then answer the same). */
  ready: Promise<Result<null>>;
  /** Lets calls in flight finish, closes the database, and ends the thread. Safe to call twice. */
  close(): Promise<void>;
}

const STOPPED: LedgerErrorData = {
  code: 'storage',
  message: '台账核心已停止运行，本次操作结果未知。请重新启动程序后核对数据。',
};

export function startCoreWorker(options: CoreWorkerOptions): CoreWorker {
  const { entryPath, eval: isCode, execArgv, closeTimeoutMs = 10_000, onNotify, onKeys, onProgress, ...rest } = options;
  // The worker is busy for the whole of a long job and reads no message meanwhile: a cancel reaches it through
  // this shared memory instead (core/jobs.ts), and cancelJob is answered here.
  const cancel = cancelFlags();
  const running = new Map<CancellableJob, number>();
  const data: CoreWorkerData = { ...rest, ...(onProgress ? { progress: true } : {}), cancelFlags: cancel.buffer };
  const worker = new Worker(entryPath, {
    workerData: data,
    ...(isCode ? { eval: true } : {}),
    ...(execArgv ? { execArgv } : {}),
  });

  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let alive = true;
  let closing: Promise<void> | undefined;

  let settleReady: (result: Result<null>) => void = () => {};
  const ready = new Promise<Result<null>>((resolve) => {
    settleReady = resolve;
  });

  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      alive = false;
      // Whatever was still waiting will never be answered: say so in words, never leave the window hanging.
      for (const resolvePending of pending.values()) resolvePending({ ok: false, error: STOPPED });
      pending.clear();
      settleReady({ ok: false, error: STOPPED });
      resolve();
    });
  });

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'notify') {
      onNotify?.(message.title, message.body);
      return;
    }
    if (message.type === 'keys') {
      onKeys?.(message.secret);
      return;
    }
    if (message.type === 'progress') {
      onProgress?.(message.event);
      return;
    }
    if (message.type === 'ready') {
      settleReady(message.error ? { ok: false, error: message.error } : { ok: true, value: null });
      return;
    }
    const resolvePending = pending.get(message.id);
    pending.delete(message.id);
    resolvePending?.(message.result);
  });

  // An uncaught exception inside the worker; 'exit' follows and answers the pending calls.
  worker.on('error', (error) => console.error('[core-worker] 台账核心异常退出', error));

  const post = (message: ToWorker) => worker.postMessage(message);

  const cancelJob = (input: unknown): Result<{ requested: boolean }> => {
    const parsed = jobMethods.cancelJob.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toData() };
    const { job } = parsed.data;
    if ((running.get(job) ?? 0) === 0) return { ok: true, value: { requested: false } };
    cancel.request(job);
    return { ok: true, value: { requested: true } };
  };

  const call: CallLedger = (method, input) => {
    if (method === 'cancelJob') return Promise.resolve(cancelJob(input));
    if (!alive || closing) return Promise.resolve({ ok: false, error: STOPPED });
    const id = nextId++;
    const job = isCancellableJob(method) ? method : undefined;
    if (job) {
      // A new run starts unasked, unless one is still running (a cancel meant for it must not be lost).
      if ((running.get(job) ?? 0) === 0) cancel.clear(job);
      running.set(job, (running.get(job) ?? 0) + 1);
    }
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, resolve);
      try {
        post({ type: 'call', id, method, input });
      } catch {
        // The input could not be cloned (a function, a DOM object): it never left this thread.
        pending.delete(id);
        resolve({ ok: false, error: { code: 'invalid_input', message: '输入有误：包含无法传递的数据' } });
      }
    }).finally(() => {
      if (job) running.set(job, (running.get(job) ?? 1) - 1);
    });
  };

  const close = () => {
    closing ??= (async () => {
      if (!alive) return;
      post({ type: 'close' });
      const timer = setTimeout(() => void worker.terminate(), closeTimeoutMs);
      await exited;
      clearTimeout(timer);
    })();
    return closing;
  };

  return { call, ready, close };
}
