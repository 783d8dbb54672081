import { parentPort, workerData } from 'node:worker_threads';
import type { ProgressEvent } from '../../../shared/api/events.js';
import { LedgerError, type LedgerErrorData, toErrorData } from '../../../shared/errors.js';
import { type DamageReport, recoverDamagedLedger } from '../backup/damaged.js';
import { cancelFlags } from '../jobs.js';
import { type Ledger, openLedger } from '../open-ledger.js';
import { createDeadlineNotifier, type DeadlineNotifier } from '../notify/deadline-notifier.js';
import type { KeyStore } from '../sync/keystore.js';
import { type CallLedger, createDispatcher, createHandlers } from '../service.js';
import type { CoreWorkerData, FromWorker, ToWorker } from './messages.js';

// The core's thread: the database and every contract call live here, so a long query or import never blocks
// Electron's main process (and with it the window). Plain Node — this file must never import electron.

const port = parentPort;
if (!port) throw new Error('core worker entry must run in a worker thread');

const data = workerData as CoreWorkerData; // shape guaranteed by startCoreWorker, the only spawner

// Keys kept by main: read the secret it unsealed, hand new ones back for sealing (never written to disk here).
let keyStore: KeyStore | undefined;
if (data.managedKeys) {
  let secret = data.managedKeys.secret;
  keyStore = {
    describe: '系统钥匙串（由主进程保管）',
    ...(data.managedKeys.unreadable ? { problem: data.managedKeys.unreadable } : {}),
    read: () => Promise.resolve(secret),
    write(next) {
      secret = next;
      if (keyStore) delete keyStore.problem; // keys imported or made anew: they open from now on
      port.postMessage({ type: 'keys', secret: next } satisfies FromWorker);
      return Promise.resolve();
    },
  };
}

let ledger: Ledger | undefined;
// Calls that arrive while the ledger is still being opened wait for it.
let call: CallLedger = (method, input) => started.then(() => call(method, input));
let openError: LedgerErrorData | undefined;
const serve = () => {
  ledger = openLedger({
    path: data.dbPath,
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
    ...(data.actor ? { actor: data.actor } : {}),
    ...(data.staff !== undefined ? { staff: data.staff } : {}),
    ...(keyStore ? { keyStore } : {}),
  });
  const progress = data.progress ? (event: ProgressEvent) => port.postMessage({ type: 'progress', event } satisfies FromWorker) : undefined;
  // A restore replaced the file under the open ledger (which the handler closed): open the new one and serve it.
  const cancel = data.cancelFlags ? { cancel: cancelFlags(data.cancelFlags) } : {};
  call = createDispatcher(createHandlers(ledger, { ...(progress ? { progress } : {}), ...cancel, ledgerReplaced: reopen }));
};
async function start(): Promise<void> {
  try {
    // A ledger file that fails quick_check is replaced by the newest good backup, kept as the safety copy.
    const damage: DamageReport = data.oneJob ? { damaged: false } : await recoverDamagedLedger(data.dbPath, { now: Date.now, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
    if (damage.restoredFrom) {
      post({
        type: 'notify',
        title: '台账文件已损坏，已从备份恢复',
        body: `已从 ${damage.restoredFrom} 恢复；损坏的文件保留在 ${damage.safetyCopy ?? ''}（设置 → 备份与恢复 可撤销）。请与各对方工作站同步一次，补回备份之后的内容。`,
      } satisfies FromWorker);
    }
    serve();
  } catch (error) {
    // Stay alive and answer every call with the reason: the window can then tell the person what is wrong
    // (newer schema, unreadable file) instead of facing a dead process.
    openError = toErrorData(error);
    // A LedgerError already says what is wrong in words; anything else gets its stack logged, here only.
    if (error instanceof LedgerError) console.error(`[core-worker] ${openError.message}`);
    else console.error('[core-worker] 无法打开台账数据库', error);
    const failure = openError;
    call = () => Promise.resolve({ ok: false, error: failure });
  }
  startNotifier();
  post(openError ? { type: 'ready', error: openError } : { type: 'ready' });
}

const post = (message: FromWorker) => port.postMessage(message);

// Deadline checks at start and every 30 minutes; main turns each into a desktop notification.
let notifier: DeadlineNotifier | undefined;
function startNotifier(): void {
  if (!ledger || data.oneJob) return;
  notifier = createDeadlineNotifier({ ctx: ledger.ctx, notify: (title, body) => post({ type: 'notify', title, body }) });
  notifier.start();
}

function reopen(): void {
  notifier?.stop();
  serve();
  startNotifier();
}

const inFlight = new Set<Promise<void>>();

port.on('message', (message: ToWorker) => {
  if (message.type === 'call') {
    const job = call(message.method, message.input)
      .catch((error: unknown) => ({ ok: false as const, error: toErrorData(error) }))
      .then((result) => post({ type: 'reply', id: message.id, result }))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    return;
  }
  if (message.type === 'close') {
    // Answer what was already asked, then close the database (checkpointing WAL) and let the thread end.
    notifier?.stop();
    void started.then(() => Promise.allSettled([...inFlight])).then(() => {
      ledger?.close();
      ledger = undefined;
      port.close();
    });
  }
});

const started = start();
