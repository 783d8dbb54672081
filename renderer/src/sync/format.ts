import { refusalLine } from '../forms/refusals.js';
import { formatChinaDate, formatChinaDateTime } from '../../../shared/china-time.js';
import { t } from '../i18n/zh-CN.js';

const s = t.sync;

/** `A1B2 C3D4 …` as its groups of four, each read aloud on its own. */
export const fingerprintGroups = (fingerprint: string): string[] => fingerprint.split(/\s+/).filter((g) => g !== '');

/** A stored time as the UI writes dates (`2026年11月29日 05:27`); none → `尚无`. */
export const when = (iso: string | null | undefined): string => (iso ? formatChinaDateTime(iso) : s.peers.never);

/** The suggested file name for a bundle exported now. */
export const bundleFileName = (now = new Date()): string => s.export.fileName(formatChinaDate(now.toISOString()));

/** The suggested file name for this workstation's card. */
export const cardFileName = (name: string): string => `${name}-联系卡.json`;

/** The last part of a path, for tables where the folder is noise (the full path is in the title). */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** A conflicting field's value as a person reads it: strings as they are, lists joined, empty said aloud. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return s.conflicts.empty_value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? s.conflicts.yes : s.conflicts.no;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? s.conflicts.empty_value : value.map(formatValue).join('、');
  return JSON.stringify(value);
}

/** The first field message from a failed call, else its message: the contract's Chinese wording either way. */
export const messageOf = refusalLine;
