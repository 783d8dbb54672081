import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { attachmentPath, getAttachment } from './attachments.js';

// The system viewer is given a read-only copy named as the person named the file, never the stored file itself:
// the stored file is named by its hash with no extension (Windows would ask "open with" every time), and an editor
// that saved in place would break the hash check that guards it.

const EXTENSION_OF_MIME: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'video/mp4': '.mp4',
};

/** A file name every desktop accepts: no folders, no characters Windows forbids, the extension kept. */
export function openCopyName(name: string, mime: string): string {
  let safe = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not carry
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[. ]+|[. ]+$/g, '') // no hidden files, no names Windows trims
    .trim();
  if (safe === '' || safe.startsWith('.')) safe = `附件${safe}`;
  if (extname(safe) === '') safe += EXTENSION_OF_MIME[mime] ?? '';
  const ext = extname(safe);
  // Keep whole names under common path limits, shortening the stem, never the extension.
  return safe.length > 120 ? `${safe.slice(0, 120 - ext.length)}${ext}` : safe;
}

/** Checks the stored bytes against their hash and writes them to a read-only copy; returns the copy's path. */
export function openCopyOfAttachment(db: Db, attachmentsDir: string, copiesDir: string, id: string): string {
  const attachment = getAttachment(db, attachmentsDir, id);
  if (!attachment.present) throw new LedgerError('not_found', `附件“${attachment.name}”的文件不在本工作站（可能尚未同步）`);
  const bytes = readFileSync(attachmentPath(attachmentsDir, attachment.sha256));
  if (createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) {
    throw new LedgerError('storage', `附件“${attachment.name}”的文件已损坏（校验值不符）`);
  }
  // One folder per attachment, so two attachments both called 截图.png do not overwrite each other.
  const folder = join(copiesDir, attachment.id.replace(/[^0-9A-Za-z-]/g, '_'));
  mkdirSync(folder, { recursive: true });
  const copy = join(folder, openCopyName(attachment.name, attachment.mime));
  if (existsSync(copy)) chmodSync(copy, 0o600); // an earlier copy, read-only: replaced by the checked bytes
  writeFileSync(copy, bytes);
  chmodSync(copy, 0o444);
  return copy;
}
