// Child process for the concurrent-backup test: registers incidents in the ledger file as fast as it can,
// saying "ready" once it has started, until the parent kills it.
import { openLedger } from '../../../electron/core/open-ledger.js';
import { addIncident } from './helpers.js';

const ledger = openLedger({ path: process.argv[2]!, actor: 'writer' });
let n = 0;
addIncident(ledger, `并发写入 ${n++}`);
process.stdout.write('ready\n');
for (;;) {
  addIncident(ledger, `并发写入 ${n++}`);
  if (n % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
}
