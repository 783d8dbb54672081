import { parseArgs } from 'node:util';
import { fillDemoLedger } from './fill.js';
import { STATUS_LABELS, STATUSES } from '../../shared/domain.js';
import { openLedger } from '../../electron/core/open-ledger.js';
import { parseChinaDateTime } from '../../shared/input/written-time.js';

// `npm run demo -- --db FILE [--count N] [--seed S]`: a ledger full of realistic, invented incidents for people
// trying the app. It only ever fills a ledger that has no incidents yet, so it cannot mix invented cases into
// a real office's ledger.

const USAGE = `usage: npm run demo -- --db FILE [--count 2000] [--seed 1] [--now "2026-11-28 09:00"]
  --now  the moment the ledger ends at (China time); the same seed and --now always give the same ledger`;

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        db: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = Number(values.count ?? 2000);
  const seed = Number(values.seed ?? 1);
  const nowIso = values.now === undefined ? new Date().toISOString() : parseChinaDateTime(values.now);
  if (!values.db || !Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed) || seed < 0 || !nowIso) {
    console.error(USAGE);
    return 2;
  }

  const ledger = openLedger({ path: values.db, siteName: '演示工作站' });
  try {
    const existing = (ledger.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
    if (existing > 0) {
      console.error(`${values.db} 已有 ${existing} 起舆情事件：演示数据只写入新的（空的）台账，请换一个文件名。`);
      return 1;
    }
    const start = Date.now();
    const report = fillDemoLedger(ledger.ctx, {
      count,
      seed,
      now: Date.parse(nowIso),
      onProgress: (done, total) => {
        if (process.stderr.isTTY) process.stderr.write(`\r写入中… ${Math.floor((100 * done) / total)}%`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const byStatus = STATUSES.map((s) => `${STATUS_LABELS[s]} ${report.statuses[s]}`).join('，');
    console.log(`已生成 ${report.incidents} 起演示舆情事件（种子 ${seed}），用时 ${((Date.now() - start) / 1000).toFixed(1)} 秒：${values.db}`);
    console.log(`状态：${byStatus}`);
    console.log(`同步操作 ${report.ops} 条，审计记录 ${report.auditEntries} 条`);
    return 0;
  } finally {
    ledger.close();
  }
}

process.exitCode = main();
