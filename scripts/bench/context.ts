import type { BenchLedger } from './bench-ledger.js';
import type { BenchRow } from './table.js';

/** What every row group gets: the cached ledger and a scratch directory removed after the run. */
export interface BenchContext {
  ledger: BenchLedger;
  scratchDir: string;
  seed: number;
  /** Incidents written side by side with raw inserts (the insert rows). */
  sampleSize: number;
  /** Repetitions for percentile measures. */
  runs: number;
}

/** One file per group of rows; later issues add theirs (search, ledger page, digest, bundles) to run.ts. */
export type RowGroup = (ctx: BenchContext) => BenchRow[];
