import { parseArgs } from 'node:util';

export interface BenchArgs {
  size: number;
  seed: number;
  sample: number;
  runs: number;
  rebuild: boolean;
  /** Row groups to run (all when empty), e.g. ['insert', 'size']. */
  rows: string[];
}

/** The row groups, in the order they run; `--rows` picks some (run.ts maps each name to its rows). */
export const ROW_GROUP_NAMES = ['open', 'insert', 'size', 'search', 'page', 'view', 'digest', 'sync', 'excel', 'backup', 'similarity'] as const;

const USAGE = `usage: npm run bench [-- --size 100000] [--seed 1] [--sample 10000] [--runs 20] [--rebuild] [--rows insert,size]
  --size     incidents in the benchmark ledger (built once, cached under tmp/bench-cache/)
  --seed     generator seed
  --sample   incidents written side by side with raw inserts (default: min(size, 10000))
  --runs     repetitions for percentile measures
  --rebuild  ignore the cached ledger and build it again
  --rows     only these row groups (comma-separated): ${ROW_GROUP_NAMES.join(', ')}; the cached ledger is built
             only when a chosen group reads it`;

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number\n${USAGE}`);
  return value;
}

function rowGroups(text: string | undefined): string[] {
  if (text === undefined) return [];
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(ROW_GROUP_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--rows: unknown row group ${unknown.join(', ')}\n${USAGE}`);
  return names;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      size: { type: 'string' },
      seed: { type: 'string' },
      sample: { type: 'string' },
      runs: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      rows: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const size = positiveInt('size', values.size, 100_000);
  return {
    size,
    seed: positiveInt('seed', values.seed, 1),
    sample: positiveInt('sample', values.sample, Math.min(size, 10_000)),
    runs: positiveInt('runs', values.runs, 20),
    rebuild: values.rebuild,
    rows: rowGroups(values.rows),
  };
}
