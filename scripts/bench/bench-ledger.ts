import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksumOf, SCHEMA_VERSION } from '../../electron/core/db/open.js';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.js';
import { fillDemoLedger, type FillReport } from '../demo/fill.js';
import { GENERATOR_VERSION } from '../demo/generate.js';
import { openLedger } from '../../electron/core/open-ledger.js';

// The benchmark ledger is built once through the real mutation path and cached under tmp/bench-cache/, keyed by
// everything that changes its contents: size, seed, generator version and the exact migrations. Building is
// slow (100k incidents ≈ a minute or two); opening a cached one is what the measurements need.

/** The generated ledger's "now": fixed, so a seed gives the same ledger whenever it is built. */
export const BENCH_NOW = Date.parse('2026-11-23T02:00:00Z'); // a Monday morning, China time (digest day)

export interface BenchLedger {
  path: string;
  size: number;
  seed: number;
  /** How the ledger was built, this run or when it was cached. */
  build: FillReport & {
    ms: number;
    builtAt: string;
    /** Milliseconds per mutation in each tenth of the build (the ledger growing from 0 to \`size\`). */
    tenths?: number[];
  };
  cached: boolean;
}

function cacheKey(size: number, seed: number): string {
  const schema = checksumOf(MIGRATIONS.map((m) => m.sql).join('\n')).slice(0, 8);
  return `ledger-n${size}-s${seed}-g${GENERATOR_VERSION}-v${SCHEMA_VERSION}-${schema}`;
}

export function benchLedger(options: { cacheDir: string; size: number; seed: number; rebuild: boolean }): BenchLedger {
  const { cacheDir, size, seed } = options;
  mkdirSync(cacheDir, { recursive: true });
  const key = cacheKey(size, seed);
  const path = join(cacheDir, `${key}.db`);
  const infoPath = join(cacheDir, `${key}.json`);
  if (!options.rebuild && existsSync(path) && existsSync(infoPath)) {
    const build = JSON.parse(readFileSync(infoPath, 'utf8')) as BenchLedger['build'];
    return { path, size, seed, build, cached: true };
  }

  // Build beside the final name and rename when complete, so an interrupted build is never taken for a cache.
  const partial = `${path}.partial`;
  for (const file of [path, infoPath, partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
  process.stderr.write(`building the ${size}-incident benchmark ledger through the mutation path (cached afterwards)…\n`);
  const ledger = openLedger({ path: partial, actor: '基准测试', siteName: '基准测试工作站' });
  const start = process.hrtime.bigint();
  let report: FillReport;
  // Time per mutation as the ledger grows: the write path must not slow down with the ledger's size.
  const marks: { done: number; at: bigint }[] = [{ done: 0, at: start }];
  try {
    report = fillDemoLedger(ledger.ctx, {
      count: size,
      seed,
      now: BENCH_NOW,
      onProgress: (done: number, total: number) => {
        marks.push({ done, at: process.hrtime.bigint() });
        if (process.stderr.isTTY) process.stderr.write(`\r  ${Math.floor((100 * done) / total)}%`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
  } finally {
    ledger.close(); // checkpoints the WAL into the file and removes it
  }
  const build = { ...report, ms: Number(process.hrtime.bigint() - start) / 1e6, builtAt: new Date().toISOString(), tenths: tenthsOf(marks) };
  renameSync(partial, path);
  writeFileSync(infoPath, `${JSON.stringify(build, null, 2)}\n`);
  return { path, size, seed, build, cached: false };
}

/** Milliseconds per mutation in each tenth of the build, from the progress marks (one per transaction). */
function tenthsOf(marks: readonly { done: number; at: bigint }[]): number[] {
  const total = marks[marks.length - 1]!.done;
  const ms = Array.from({ length: 10 }, () => 0);
  const n = Array.from({ length: 10 }, () => 0);
  for (let i = 1; i < marks.length; i++) {
    const tenth = Math.min(9, Math.floor((10 * marks[i - 1]!.done) / total));
    ms[tenth]! += Number(marks[i]!.at - marks[i - 1]!.at) / 1e6;
    n[tenth]! += marks[i]!.done - marks[i - 1]!.done;
  }
  return ms.map((t, i) => (n[i] === 0 ? 0 : t / n[i]!));
}
