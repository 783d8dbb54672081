// Child process for the backup SIGKILL test: opens a ledger file, says "ready", then makes backups into a folder
// one after another, saying "made" after each, until the parent kills it (or, with "once", after one).
import { createBackup } from '../../../electron/core/backup/create.js';
import { openLedger } from '../../../electron/core/open-ledger.js';

const [dbPath, dir, mode] = process.argv.slice(2);
const ledger = openLedger({ path: dbPath!, actor: 'kill-test' });
let clock = Date.now();
process.stdout.write('ready\n');
do {
  clock += 1000; // distinct names, however fast the backups
  await createBackup({ ...ledger, ctx: { ...ledger.ctx, now: () => clock } }, { dir: dir!, primary: true });
  process.stdout.write('made\n');
} while (mode !== 'once');
ledger.close();
