// Timing helpers. Budgets are judged on percentiles of repeated runs, and every absolute number is paired with
// a baseline measured in the same run, so a slow machine shows up as slow baseline too.

export function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Nearest-rank percentile of `values` (need not be sorted), p in (0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Summary {
  p50: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  };
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs and summarises the times in milliseconds. */
export function sample(runs: number, fn: () => void, warmup = 1): Summary {
  for (let i = 0; i < warmup; i++) fn();
  return summarize(Array.from({ length: runs }, () => timeMs(fn)));
}

export const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`);

export function bytes(value: number): string {
  if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(2)} GiB`;
  if (value >= 1024 ** 2) return `${(value / 1024 ** 2).toFixed(1)} MiB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
  return `${Math.round(value)} B`;
}

export const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** `ok 0.12× budget` / `OVER 1.30× budget`: the measured value against a ceiling. */
export function againstCeiling(value: number, budget: number): string {
  const ratio = value / budget;
  return `${ratio <= 1 ? 'ok' : 'OVER'} ${ratio.toFixed(2)}× budget`;
}
