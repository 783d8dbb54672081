import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLedger } from '../../electron/core/open-ledger.js';
import { cardOf } from '../../electron/core/sync/card.js';
import { exportBundleFile } from '../../electron/core/sync/export.js';
import { loadIdentity } from '../../electron/core/sync/identity.js';
import { importBundleFile } from '../../electron/core/sync/import.js';
import { fileKeyStore } from '../../electron/core/sync/keystore.js';
import { addPeer } from '../../electron/core/sync/peers.js';
import { bundleSelf } from './bundle-self.js';
import { bytes, count, ms } from './measure.js';
import type { BenchRow } from './table.js';

// Peak memory of a bundle as big as an office has: a new workstation's first full bundle of the benchmark ledger,
// written by one process and imported by another, each a fresh process whose peak resident set (VmHWM) is read
// when it is done — so the figure is the bundle's, not what earlier rows left on the heap. The processes run this
// file bundled by esbuild under plain node, as the shipped `yq` runs (tsx alone would add some 40 MiB that no
// installed program carries). A third process that only opens the ledger gives the floor (Node, the modules,
// SQLite's page cache) the two are read against.
// Usage: tsx scripts/bench/sync-memory.ts LEDGER SCRATCH_DIR → JSON rows on the last line of stdout.
//        (internally: … PHASE SENDER NEWCOMER BUNDLE, PHASE = floor | export | import)

const BUDGET_MIB = 256;
const SELF = fileURLToPath(import.meta.url);

const peakKiB = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? process.resourceUsage().maxRSS);
const open = (path: string, keys: string) => openLedger({ path, keyStore: fileKeyStore(keys), actor: '基准测试' });

async function phase(name: string, senderPath: string, newcomerPath: string, bundlePath: string): Promise<object> {
  const start = performance.now();
  if (name === 'floor') {
    const ledger = open(senderPath, `${senderPath}.keys`);
    ledger.db.prepare('SELECT count(*) FROM op_log').get();
    ledger.close();
    return { peakKiB: peakKiB(), ms: performance.now() - start };
  }
  if (name === 'export') {
    const sender = open(senderPath, `${senderPath}.keys`);
    const newcomer = sender.db.prepare('SELECT site FROM peers ORDER BY rowid DESC LIMIT 1').pluck().get() as string; // added last
    const result = await exportBundleFile(sender, bundlePath, { peers: [newcomer], full: true });
    sender.close();
    return { peakKiB: peakKiB(), ms: performance.now() - start, ops: result.opCount, bytes: result.bytes };
  }
  const newcomer = open(newcomerPath, `${newcomerPath}.keys`);
  const result = await importBundleFile(newcomer, bundlePath, { confirmMassDelete: true, maxBundleBytes: Number.MAX_SAFE_INTEGER });
  newcomer.close();
  return { peakKiB: peakKiB(), ms: performance.now() - start, applied: result.applied };
}

let script = '';

function child(args: readonly string[]): { peakKiB: number; ms: number; ops?: number; bytes?: number; applied?: number } {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !last.startsWith('{')) throw new Error(`${args[2]} failed: exit ${run.status ?? run.signal}`);
  return JSON.parse(last) as ReturnType<typeof child>;
}

const [ledgerPath, scratch, name, ...paths] = process.argv.slice(2);
if (name !== undefined) {
  console.log(JSON.stringify(await phase(name, paths[0]!, paths[1]!, paths[2]!)));
} else {
  const senderPath = join(scratch!, 'memory-sender.db');
  const newcomerPath = join(scratch!, 'memory-newcomer.db');
  const bundlePath = join(scratch!, 'memory-full.yqb');
  for (const path of [senderPath, newcomerPath, `${senderPath}.keys`, `${newcomerPath}.keys`, bundlePath]) rmSync(path, { force: true });
  copyFileSync(ledgerPath!, senderPath);
  {
    const sender = open(senderPath, `${senderPath}.keys`);
    const newcomer = open(newcomerPath, `${newcomerPath}.keys`);
    const now = new Date().toISOString();
    addPeer(sender.db, cardOf(await loadIdentity(newcomer)), true, sender.siteId, now);
    addPeer(newcomer.db, cardOf(await loadIdentity(sender)), true, newcomer.siteId, now);
    sender.close();
    newcomer.close();
  }
  script = bundleSelf(SELF);
  const args = [ledgerPath!, scratch!];
  const floor = child([...args, 'floor', senderPath, newcomerPath, bundlePath]);
  const written = child([...args, 'export', senderPath, newcomerPath, bundlePath]);
  const read = child([...args, 'import', senderPath, newcomerPath, bundlePath]);
  const mib = (kib: number) => kib / 1024;
  const verdict = (kib: number) => `${mib(kib) <= BUDGET_MIB ? 'ok' : 'OVER'} ${(mib(kib) / BUDGET_MIB).toFixed(2)}× budget`;
  const rows: BenchRow[] = [
    {
      measure: `sync memory: write the first full bundle to a file (${count(written.ops ?? 0)} ops, ${bytes(statSync(bundlePath).size)}), peak RSS`,
      value: `${mib(written.peakKiB).toFixed(0)} MiB in ${ms(written.ms)}`,
      budget: `≤ ${BUDGET_MIB} MiB`,
      verdict: verdict(written.peakKiB),
    },
    {
      measure: '  read, verify and apply it on a new workstation, peak RSS',
      value: `${mib(read.peakKiB).toFixed(0)} MiB in ${ms(read.ms)}`,
      budget: `≤ ${BUDGET_MIB} MiB`,
      verdict: `${verdict(read.peakKiB)}; ${count(read.applied ?? 0)} ops applied`,
    },
    {
      measure: '  floor: a process that only opens the ledger, peak RSS',
      value: `${mib(floor.peakKiB).toFixed(0)} MiB`,
      budget: '—',
      verdict: 'baseline',
    },
  ];
  console.log(JSON.stringify(rows));
}
