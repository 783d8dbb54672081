import type { LedgerHandlers } from '../../../shared/contract.js';
import { deleteSavedView, listSavedViews, saveView } from '../ledger/saved-views.js';
import type { Ledger } from '../open-ledger.js';

/** 筛选方案: a person's own saved views and the office's shared ones. */
export function savedViewHandlers({ ctx, db }: Ledger) {
  return {
    // The person at the keyboard is read at each call: 切换 changes whose views are listed.
    listSavedViews: () => listSavedViews(db, ctx.staff ?? ''),
    saveView: ({ name, query, shared }) => saveView(ctx, name, query, shared),
    deleteSavedView: ({ id }) => deleteSavedView(ctx, id),
  } satisfies Partial<LedgerHandlers>;
}
