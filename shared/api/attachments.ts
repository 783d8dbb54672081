import { z } from 'zod';
import { text } from '../text.js';
import { incidentId, isoInstant } from '../schemas.js';

// Attachments (screenshots, files) stored content-addressed by sha256 in the user-data folder.

/** 20 MB: a phone screenshot or a scanned page fits; a video does not belong in the ledger. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const attachmentSchema = z.object({
  id: text(),
  incidentId: text(),
  sha256: text(),
  name: text(),
  mime: text(),
  size: z.number().int(),
  createdAt: isoInstant,
  /** Whether the file itself is on this workstation (a synced record may arrive before its file). */
  present: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentMethods = {
  addAttachment: {
    input: z.strictObject({
      incident: incidentId,
      name: text().trim().min(1, { error: '缺少文件名' }).max(200, { error: '文件名过长' }),
      mime: text().trim().max(100).default('application/octet-stream'),
      /** The file's bytes, base64. */
      dataBase64: text()
        .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, { error: '附件不超过20MB' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '附件数据无效' }),
    }),
    output: attachmentSchema,
  },
  listAttachments: { input: z.strictObject({ incident: incidentId }), output: z.array(attachmentSchema) },
  /** The bytes for a thumbnail or preview (images are shown as data: URLs). */
  getAttachmentData: {
    input: z.strictObject({ id: text().min(1) }),
    output: z.object({ mime: text(), name: text(), dataBase64: text() }),
  },
  /** Opens the file with the system viewer (the Electron main process does the opening). */
  openAttachment: { input: z.strictObject({ id: text().min(1) }), output: z.object({ path: text() }) },
} as const;
