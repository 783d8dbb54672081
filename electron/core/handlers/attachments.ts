import type { LedgerHandlers } from '../../../shared/contract.js';
import { addAttachment, attachmentData, listAttachments } from '../ledger/attachments.js';
import { openCopyOfAttachment } from '../ledger/attachment-open-copy.js';
import type { Ledger } from '../open-ledger.js';

/** An incident's attachments: kept by content hash, opened from a read-only copy. */
export function attachmentHandlers({ ctx, db, attachmentsDir, openCopiesDir }: Ledger) {
  return {
    addAttachment: (input) => addAttachment(ctx, attachmentsDir, input),
    listAttachments: ({ incident }) => listAttachments(db, attachmentsDir, incident),
    getAttachmentData: ({ id }) => attachmentData(db, attachmentsDir, id),
    openAttachment: ({ id }) => ({ path: openCopyOfAttachment(db, attachmentsDir, openCopiesDir, id) }),
  } satisfies Partial<LedgerHandlers>;
}
