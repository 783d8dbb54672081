import type { ProgressEvent } from '../../../shared/api/events.js';
import type { LedgerErrorData, Result } from '../../../shared/errors.js';

// The conversation between the core worker and the thread that started it (Electron's main process). Everything
// here crosses postMessage, so it is plain data: structured-clone safe, no functions, no Error objects.

/** What the worker is started with (`workerData`). */
export interface CoreWorkerData {
  /** The ledger file; the app passes one under userData. */
  dbPath: string;
  /** The better-sqlite3 addon built for the running ABI (Electron's own build). */
  nativeBinding?: string;
  /** Who works at this workstation, for the audit log. */
  actor?: string;
  /**
   * Set when main keeps the private keys (sealed with the OS keychain through safeStorage): the secret it
   * unsealed, if any. The worker then never touches a key file; new keys go back to main in a `keys` message.
   */
  managedKeys?: { secret?: string; /** Why the sealed keys could not be opened (sync pauses; the ledger works). */ unreadable?: string };
  /** Someone listens to progress: the core reports it (otherwise it builds no events at all). */
  progress?: boolean;
  /** One flag per cancellable job (core/jobs.ts), set by the parent while the worker is busy running the job. */
  cancelFlags?: SharedArrayBuffer;
  /** A member of staff acting for this opening only (yq --as). */
  staff?: string;
  /** A short-lived worker for one command (yq): no deadline notifier, no recovery of a damaged file. */
  oneJob?: boolean;
}

/** A contract call; `input` is still `unknown` — the dispatcher parses it. */
export interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  input: unknown;
}

/** Finish the calls in flight, close the database, and let the thread end. */
export interface CloseMessage {
  type: 'close';
}

export type ToWorker = CallMessage | CloseMessage;

/** Sent once, after the ledger opened (or failed to open: then every call answers `error`). */
export interface ReadyMessage {
  type: 'ready';
  error?: LedgerErrorData;
}

export interface ReplyMessage {
  type: 'reply';
  id: number;
  result: Result<unknown>;
}

/** A desktop notification the core wants shown (newly overdue commitments and response clocks). */
export interface NotifyMessage {
  type: 'notify';
  title: string;
  body: string;
}

/** New private keys (first use, rotation) for main to seal and store. */
export interface KeysMessage {
  type: 'keys';
  secret: string;
}

/** Where a long job is (already throttled in the core); main relays it to the window. */
export interface ProgressMessage {
  type: 'progress';
  event: ProgressEvent;
}

export type FromWorker = ReadyMessage | ReplyMessage | NotifyMessage | KeysMessage | ProgressMessage;
