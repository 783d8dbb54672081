import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type Attachment, MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments.js';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { getIncident } from './incidents.js';
import { type LedgerContext, mutate } from './mutate.js';
import { cached } from './statements.js';

// Attachments: the record syncs like any row; the bytes live in the user-data folder under their sha256, so the
// same screenshot added twice is stored once and a file can be checked against its record.

interface AttachmentRow {
  id: string;
  incident_id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  created_at: string;
}

/** Where the bytes with this hash live; anything but a sha256 hex digest is refused (it would name a path). */
export function attachmentPath(dir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new LedgerError('storage', '附件记录的校验值无效');
  return join(dir, sha256.slice(0, 2), sha256);
}

const toAttachment = (dir: string) => (r: AttachmentRow): Attachment => ({
  id: r.id,
  incidentId: r.incident_id,
  sha256: r.sha256,
  name: r.name,
  mime: r.mime,
  size: r.size,
  createdAt: r.created_at,
  present: /^[0-9a-f]{64}$/.test(r.sha256) && existsSync(attachmentPath(dir, r.sha256)),
});

/** Writes the bytes under their hash (temp name, then rename: a crash never leaves a half file under the hash). */
export function storeBlob(dir: string, bytes: Buffer): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = attachmentPath(dir, sha256);
  if (!existsSync(target)) {
    mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  }
  return sha256;
}

/**
 * Writes bytes already checked against `sha256` (a bundle's attachment, staged in pieces) under that hash, piece by
 * piece, never holding the whole file (temp name, then rename, as storeBlob).
 */
export function storeBlobParts(dir: string, sha256: string, parts: Iterable<Uint8Array>): void {
  const target = attachmentPath(dir, sha256);
  if (existsSync(target)) return;
  mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    for (const part of parts) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
}

export function addAttachment(
  ctx: LedgerContext,
  dir: string,
  input: { incident: string; name: string; mime: string; dataBase64: string },
): Attachment {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new LedgerError('invalid_input', '附件是空文件', [{ path: 'dataBase64', message: '附件是空文件' }]);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new LedgerError('invalid_input', '附件不超过20MB', [{ path: 'dataBase64', message: '附件不超过20MB' }]);
  }
  return ctx.db.transaction(() => {
    const incident = getIncident(ctx.db, input.incident);
    const sha256 = storeBlob(dir, bytes);
    const id = randomUUID();
    mutate(ctx, { action: 'attachment.add', entity: 'incident', entityId: incident.id, summary: `${incident.number} 添加附件“${input.name}”` }, [
      {
        table: 'attachments',
        row: id,
        fields: {
          incident_id: incident.id,
          sha256,
          name: input.name,
          mime: input.mime,
          size: bytes.length,
          created_at: new Date(ctx.now()).toISOString(),
        },
      },
    ]);
    return getAttachment(ctx.db, dir, id);
  })();
}

export function getAttachment(db: Db, dir: string, id: string): Attachment {
  const row = cached(db, 'SELECT * FROM attachments WHERE id = ? AND deleted = 0').get(id) as AttachmentRow | undefined;
  if (!row) throw new LedgerError('not_found', '找不到该附件');
  return toAttachment(dir)(row);
}

export function listAttachments(db: Db, dir: string, incidentRef: string): Attachment[] {
  const incident = getIncident(db, incidentRef);
  const rows = cached(db, 'SELECT * FROM attachments WHERE incident_id = ? AND deleted = 0 ORDER BY created_at, rowid').all(incident.id) as AttachmentRow[];
  return rows.map(toAttachment(dir));
}

/** The file's path, checked against its hash so a damaged or swapped file is never shown as the record. */
export function attachmentFile(db: Db, dir: string, id: string): { path: string; attachment: Attachment } {
  const attachment = getAttachment(db, dir, id);
  if (!attachment.present) throw new LedgerError('not_found', `附件“${attachment.name}”的文件不在本工作站（可能尚未同步）`);
  const path = attachmentPath(dir, attachment.sha256);
  const actual = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (actual !== attachment.sha256) throw new LedgerError('storage', `附件“${attachment.name}”的文件已损坏（校验值不符）`);
  return { path, attachment };
}

export function attachmentData(db: Db, dir: string, id: string): { mime: string; name: string; dataBase64: string } {
  const { path, attachment } = attachmentFile(db, dir, id);
  return { mime: attachment.mime, name: attachment.name, dataBase64: readFileSync(path).toString('base64') };
}
