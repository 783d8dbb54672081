import Database from 'better-sqlite3';

/** The office's second backup folder read from a ledger that may be damaged (best effort: none if unreadable). */
export function readBackupSettingsFromFile(path: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const row = db.prepare("SELECT value FROM meta WHERE key = 'backup.second_dir'").get() as { value: string } | undefined;
    return row ? [row.value] : [];
  } catch {
    return [];
  } finally {
    db?.close();
  }
}
