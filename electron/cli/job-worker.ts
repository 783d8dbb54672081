import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProgressEvent } from '../../shared/api/events.js';
import { type CoreWorker, startCoreWorker } from '../core/worker/client.js';

// A long job of yq (an import) runs on the core's worker thread, so that this thread stays free to hear Ctrl-C:
// a signal is only ever delivered to the main thread's event loop, which a synchronous import would block until
// it committed. Ctrl-C then asks the worker to stop through the flags it shares with us (core/jobs.ts).

/** The worker's entry: the bundle beside the bundled yq, or the TypeScript source through tsx when run from a checkout. */
function workerEntry(): { entryPath: string; eval?: boolean } | undefined {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    const built = fileURLToPath(new URL('../electron/core-worker.cjs', here));
    return existsSync(built) ? { entryPath: built } : undefined;
  }
  // Node 20 workers do not inherit tsx's hooks: the worker registers them itself, then loads the entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('../core/worker/entry.ts', here).href;
  return { entryPath: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, eval: true };
}

export function startJobWorker(options: { dbPath: string; staff?: string; onProgress?: (event: ProgressEvent) => void }): CoreWorker | undefined {
  const entry = workerEntry();
  if (!entry) return undefined;
  return startCoreWorker({
    ...entry,
    dbPath: options.dbPath,
    oneJob: true,
    ...(options.staff !== undefined ? { staff: options.staff } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
