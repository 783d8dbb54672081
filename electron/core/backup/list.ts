import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isPartialName, parseBackupName, SIDECAR } from './names.js';
import { backupsToPrune, type RotationPolicy } from './rotate.js';

// The backups in a folder, newest first, with what their check recorded. Only files under a backup name are
// listed (a `.part` being written, or left by a killed process, never is); one without its record is listed as
// not verified, and restore checks every file again anyway.

export interface BackupEntry {
  file: string;
  at: string;
  bytes: number;
  encrypted: boolean;
  verified: boolean;
  incidents: number | null;
  commitments: number | null;
  siteName: string | null;
}

interface Sidecar {
  incidents?: number;
  commitments?: number;
  siteName?: string;
  verified?: boolean;
}

function readSidecar(path: string): Sidecar | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Sidecar;
  } catch {
    return undefined;
  }
}

export function listBackups(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    const side = readSidecar(`${file}${SIDECAR}`);
    entries.push({
      file,
      at: parsed.at,
      bytes: statSync(file).size,
      encrypted: parsed.encrypted,
      verified: side?.verified === true,
      incidents: side?.incidents ?? null,
      commitments: side?.commitments ?? null,
      siteName: side?.siteName ?? null,
    });
  }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Deletes what rotation lets go, and what killed backups left behind (`.part` files, orphan records). */
const STALE_PART_MS = 3600_000;

export function pruneBackups(dir: string, policy: RotationPolicy): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const backup of backupsToPrune(listBackups(dir), policy)) {
    rmSync(backup.file, { force: true });
    rmSync(`${backup.file}${SIDECAR}`, { force: true });
    removed.push(backup.file);
  }
  for (const name of readdirSync(dir)) {
    const orphan = name.endsWith(SIDECAR) && parseBackupName(name.slice(0, -SIDECAR.length)) && !existsSync(join(dir, name.slice(0, -SIDECAR.length)));
    // A `.part` only once it is old enough not to be another process's backup in progress.
    const stalePart = isPartialName(name) && Date.now() - statSync(join(dir, name)).mtimeMs > STALE_PART_MS;
    if (stalePart || orphan) rmSync(join(dir, name), { force: true });
  }
  return removed;
}
