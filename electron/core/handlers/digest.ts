import type { LedgerHandlers } from '../../../shared/contract.js';
import { computeDigest } from '../digest/compute.js';
import { renderDigest } from '../digest/render.js';
import { getPaperSettings, paperMasthead, setPaperSettings } from '../ledger/paper-settings.js';
import type { Ledger } from '../open-ledger.js';
import { progressReporter, type ProgressSink } from '../progress.js';

// The week, month and year reports: the figures, and the print page rendered from those same figures.
// The masthead (编印单位, 报/送) is this workstation's, read as the paper is made (a rename shows at once).
export function digestHandlers(ledger: Ledger, progress?: ProgressSink) {
  const { ctx, db } = ledger;
  const masthead = () => paperMasthead(db, ledger.siteName);
  return {
    getDigest: ({ period }) => computeDigest(db, period, ctx.now(), progressReporter(progress, 'getDigest'), masthead()),
    renderDigest: ({ period }) => {
      const digest = computeDigest(db, period, ctx.now(), progressReporter(progress, 'renderDigest'), masthead());
      return { digest, ...renderDigest(digest) };
    },
    getPaperSettings: () => getPaperSettings(db),
    setPaperSettings: (settings) => setPaperSettings(ctx, settings),
  } satisfies Partial<LedgerHandlers>;
}
