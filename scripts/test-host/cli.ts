import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestHost } from './server.js';

// `npm run host -- [--db FILE]`: serve the built renderer against a real ledger on 127.0.0.1, to try the UI in
// any browser without Electron. Stops on Ctrl+C.
const dbIndex = process.argv.indexOf('--db');
const path = dbIndex > 0 ? process.argv[dbIndex + 1] : undefined;
if (!path) {
  process.stderr.write('用法：npm run host -- --db 台账文件\n');
  process.exit(2);
}
// With the built core worker (npm run build), calls are answered off the host's thread as in the app: long jobs
// show their progress and 取消 stops them.
const workerEntry = resolve('dist/electron/core-worker.cjs');
const host = await startTestHost({ rendererDir: 'dist/renderer', ledger: { path }, ...(existsSync(workerEntry) ? { coreWorker: { entryPath: workerEntry } } : {}) });
process.stdout.write(`台账界面：${host.url}\n`);
process.on('SIGINT', () => void host.close().then(() => process.exit(0)));
