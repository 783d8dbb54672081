import type { LedgerHandlers } from '../../../shared/contract.js';
import { addAttachment, attachmentData, listAttachments } from '../ledger/attachments.js';
import { openCopyOfAttachment } from '../ledger/attachment-open-copy.js';
import { addCategory, deleteCategory, updateCategory } from '../ledger/categories.js';
import { dashboard } from '../ledger/dashboard.js';
import { deleteSavedView, listSavedViews, saveView } from '../ledger/saved-views.js';
import { incidentTimeline } from '../ledger/timeline.js';
import type { Ledger } from '../ledger.js';

/** Saved views, category keywords, attachments, the incident timeline and the dashboard. */
export function ledgerToolHandlers({ ctx, db, attachmentsDir, openCopiesDir }: Ledger) {
  return {
    listSavedViews: () => listSavedViews(db),
    saveView: ({ name, query }) => saveView(ctx, name, query),
    deleteSavedView: ({ id }) => deleteSavedView(ctx, id),
    updateCategory: (input) => updateCategory(ctx, input),
    addCategory: (input) => addCategory(ctx, input),
    deleteCategory: ({ code }) => deleteCategory(ctx, code),
    addAttachment: (input) => addAttachment(ctx, attachmentsDir, input),
    listAttachments: ({ incident }) => listAttachments(db, attachmentsDir, incident),
    getAttachmentData: ({ id }) => attachmentData(db, attachmentsDir, id),
    openAttachment: ({ id }) => ({ path: openCopyOfAttachment(db, attachmentsDir, openCopiesDir, id) }),
    getIncidentTimeline: ({ id }) => incidentTimeline(db, id),
    getDashboard: () => dashboard(db, ctx.now()),
  } satisfies Partial<LedgerHandlers>;
}
