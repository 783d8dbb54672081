import type { LedgerHandlers } from '../../../shared/contract.js';
import { dashboard } from '../ledger/dashboard.js';
import type { Ledger } from '../open-ledger.js';

/** 工作台: today's work first. */
export function dashboardHandlers({ ctx, db }: Ledger) {
  return {
    getDashboard: () => dashboard(db, ctx.now()),
  } satisfies Partial<LedgerHandlers>;
}
