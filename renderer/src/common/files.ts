import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments.js';
import { t } from '../i18n/zh-CN.js';

export interface PickedFile {
  name: string;
  mime: string;
  size: number;
  dataBase64: string;
}

/** The file's bytes as base64, for the contract (IPC carries plain data, not File objects). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      // A data: URL is `data:<mime>;base64,<bytes>`; only the bytes travel.
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Reads the chosen files; too large or unreadable ones come back as messages instead. */
export async function readFiles(files: readonly File[]): Promise<{ picked: PickedFile[]; problems: string[] }> {
  const picked: PickedFile[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      problems.push(t.attachments.tooLarge(file.name));
      continue;
    }
    try {
      picked.push({ name: file.name, mime: file.type || 'application/octet-stream', size: file.size, dataBase64: await readBase64(file) });
    } catch {
      problems.push(t.attachments.readFailed(file.name));
    }
  }
  return { picked, problems };
}

/** `12 KB`, `3.4 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const isImage = (mime: string) => /^image\/(png|jpe?g|gif|webp|bmp)$/i.test(mime);
