import { parseArgs } from 'node:util';

export interface BenchArgs {
  size: number;
  seed: number;
  sample: number;
  runs: number;
  rebuild: boolean;
  /** Row groups to run (run.ts names them); all when absent. */
  only: string[] | undefined;
}

const USAGE = `usage: npm run bench [-- --size 100000] [--seed 1] [--sample 10000] [--runs 20] [--rebuild]
  --size     incidents in the benchmark ledger (built once, cached under tmp/bench-cache/)
  --seed     generator seed
  --sample   incidents written side by side with raw inserts (default: min(size, 10000))
  --runs     repetitions for percentile measures
  --rebuild  ignore the cached ledger and build it again
  --only     comma-separated row groups (open,insert,size,search,page,view,digest,sync,excel,backup); the cached ledger is
             built only when a chosen group reads it`;

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
      only: { type: 'string' },
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
    only: values.only?.split(',').map((name) => name.trim()).filter((name) => name !== ''),
  };
}
