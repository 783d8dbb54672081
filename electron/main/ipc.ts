import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contract, channelOf, METHOD_NAMES, type MethodName } from '../../shared/contract.js';
import { invalidInput, LedgerError, type Result, toErrorData } from '../../shared/errors.js';
import type { CallLedger } from '../core/service.js';

// The only place that touches ipcMain (DESIGN §2). Every contract method gets one handler that checks who is
// asking, parses the `unknown` input against the contract, and relays the parsed value to the core. Whatever
// happens, the renderer receives a Result: a code and a Chinese message, never a stack trace.

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: '拒绝访问：请求并非来自本程序的窗口。' },
};

/** The URL of the frame that sent an IPC message, or undefined if it is gone (navigated away, destroyed). */
function senderUrlOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined; // reading a disposed frame throws: treat it as a stranger
  }
}

export function createContractHandler(
  method: MethodName,
  call: CallLedger,
  isTrustedSender: (frameUrl: string) => boolean,
): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => Promise<Result<unknown>> {
  return async (event, input) => {
    try {
      const url = senderUrlOf(event);
      if (url === undefined || !isTrustedSender(url)) return FORBIDDEN;
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toData() };
      return await call(method, parsed.data);
    } catch (error) {
      if (!(error instanceof LedgerError)) console.error(`[ipc] ${method} failed`, error);
      return { ok: false, error: toErrorData(error) };
    }
  };
}

/** Registers one `ipcMain.handle` per contract method on `channelOf(method)`. */
export function registerContract(
  ipcMain: Pick<IpcMain, 'handle'>,
  call: CallLedger,
  isTrustedSender: (frameUrl: string) => boolean,
): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), createContractHandler(method, call, isTrustedSender));
  }
}
