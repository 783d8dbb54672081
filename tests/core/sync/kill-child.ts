// Child process for the SIGKILL test: opens a ledger file (keys beside it), says "ready", imports one bundle
// file, says "done". The parent kills it at a random moment in between.
import { openLedger } from '../../../electron/core/open-ledger.js';
import { importBundleFile } from '../../../electron/core/sync/import.js';

const [dbPath, bundlePath] = process.argv.slice(2);
const ledger = openLedger({ path: dbPath!, actor: 'kill-test' });
process.stdout.write('ready\n');
const result = await importBundleFile(ledger, bundlePath!, { onProgress: (phase) => process.stdout.write(`${phase}\n`) });
process.stdout.write(`committed ${result.applied}\n`);
ledger.close();
