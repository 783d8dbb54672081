import type { LedgerHandlers } from '../../../shared/contract.js';
import { computeDigest } from '../digest/compute.js';
import { renderDigest } from '../digest/render.js';
import type { Ledger } from '../ledger.js';

// The week, month and year reports: the figures, and the print page rendered from those same figures.
export function digestHandlers({ ctx, db }: Ledger) {
  return {
    getDigest: ({ period }) => computeDigest(db, period, ctx.now()),
    renderDigest: ({ period }) => {
      const digest = computeDigest(db, period, ctx.now());
      return { digest, ...renderDigest(digest) };
    },
  } satisfies Partial<LedgerHandlers>;
}
