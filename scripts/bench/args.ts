import { parseArgs } from 'node:util';

export interface BenchArgs {
  size: number;
  seed: number;
  sample: number;
  runs: number;
  rebuild: boolean;
  /** Only the row groups whose names begin with one of these (e.g. similarity,digest); all when absent. */
  rows?: string[];
}

const USAGE = `usage: npm run bench [-- --size 100000] [--seed 1] [--sample 10000] [--runs 20] [--rebuild]
  --size     incidents in the benchmark ledger (built once, cached under tmp/bench-cache/)
  --seed     generator seed
  --sample   incidents written side by side with raw inserts (default: min(size, 10000))
  --runs     repetitions for percentile measures
  --rebuild  ignore the cached ledger and build it again
  --rows     only these row groups, comma-separated (open,insert,size,search,ledgerPage,ledgerView,digest,sync,similarity)`;

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number\n${USAGE}`);
  return value;
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
    ...(values.rows ? { rows: values.rows.split(',').map((r) => r.trim().toLowerCase()).filter(Boolean) } : {}),
  };
}
