import type { LedgerHandlers } from '../../../shared/contract.js';
import { listClock } from '../ledger/clock.js';
import { addResponse, listResponses } from '../ledger/responses.js';
import type { Ledger } from '../open-ledger.js';

export function responseHandlers({ ctx, db }: Ledger) {
  return {
    addResponse: (input) => addResponse(ctx, input),
    listResponses: ({ incident }) => listResponses(db, incident),
    listClock: (query) => listClock(db, query, ctx.now()),
  } satisfies Partial<LedgerHandlers>;
}
