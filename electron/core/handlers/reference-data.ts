import type { LedgerHandlers } from '../../../shared/contract.js';
import { addCategory, deleteCategory, updateCategory } from '../ledger/categories.js';
import { setResponseRule } from '../ledger/response-rules.js';
import { addTownship, deleteTownship, updateTownship } from '../ledger/townships.js';
import { addUnit, deleteUnit, updateUnit } from '../ledger/units.js';
import type { Ledger } from '../open-ledger.js';

/** The office's reference data: categories, townships, units and the response rules. */
export function referenceDataHandlers({ ctx }: Ledger) {
  return {
    updateCategory: (input) => updateCategory(ctx, input),
    addCategory: (input) => addCategory(ctx, input),
    deleteCategory: ({ code }) => deleteCategory(ctx, code),
    addTownship: ({ name }) => addTownship(ctx, name),
    updateTownship: (input) => updateTownship(ctx, input),
    deleteTownship: ({ id }) => deleteTownship(ctx, id),
    addUnit: (input) => addUnit(ctx, input),
    updateUnit: (input) => updateUnit(ctx, input),
    deleteUnit: ({ id }) => deleteUnit(ctx, id),
    setResponseRule: (input) => setResponseRule(ctx, input),
  } satisfies Partial<LedgerHandlers>;
}
