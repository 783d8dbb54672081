import type { LedgerHandlers } from '../../../shared/contract.js';
import { computeDigest } from '../digest/compute.js';
import { renderDigest } from '../digest/render.js';
import type { Ledger } from '../ledger.js';
import { progressReporter, type ProgressSink } from '../progress.js';

// The week, month and year reports: the figures, and the print page rendered from those same figures.
export function digestHandlers({ ctx, db }: Ledger, progress?: ProgressSink) {
  return {
    getDigest: ({ period }) => computeDigest(db, period, ctx.now(), progressReporter(progress, 'getDigest')),
    renderDigest: ({ period }) => {
      const digest = computeDigest(db, period, ctx.now(), progressReporter(progress, 'renderDigest'));
      return { digest, ...renderDigest(digest) };
    },
  } satisfies Partial<LedgerHandlers>;
}
