import { basename } from 'node:path';

// How a backup is named on disk. The name carries the moment it was taken (UTC, sortable) so the newest is the
// last in order and rotation needs no other record; `.age` marks one sealed with the office passphrase. A
// backup being written has a hidden `.part` name, never this one: a file under a backup name is always whole.

const PATTERN = /^yq-backup-(\d{8}T\d{6}\d{3}Z)\.db(\.age)?$/;

export const SIDECAR = '.json';

export function backupName(at: number, encrypted: boolean): string {
  const stamp = new Date(at).toISOString().replace(/[-:.]/g, '');
  return `yq-backup-${stamp}.db${encrypted ? '.age' : ''}`;
}

/** The moment a backup was taken and whether it is sealed, or undefined for any other file. */
export function parseBackupName(file: string): { at: string; encrypted: boolean } | undefined {
  const m = PATTERN.exec(basename(file));
  if (!m) return undefined;
  const s = m[1]!;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : { at: iso, encrypted: m[2] !== undefined };
}

export const isPartialName = (file: string) => basename(file).startsWith('.yq-backup-') && file.endsWith('.part');
