import { LedgerError } from '../../../shared/errors.js';
import { normaliseName } from '../../../shared/text.js';
import type { Db } from '../db/open.js';
import { cached } from './statements.js';

// What townships and units have in common as the office edits them: rows found by id or current name, names
// unique among live rows (people type them on the command line and in JSON), new rows placed last.

/** The two reference tables of named rows; the only names spliced into this file's SQL. */
export type NamedTable = 'townships' | 'units';

/** How a table's rows are named in messages: 乡镇（街道）, 单位. */
export const NAMED_WHAT: Record<NamedTable, string> = { townships: '乡镇（街道）', units: '单位' };

export interface NamedRow {
  id: string;
  name: string;
  active: boolean;
}

/** A live row by id or name, active or not, if there is one (an id wins over another row's name). */
export function findNamedRow(db: Db, table: NamedTable, ref: string): NamedRow | undefined {
  // Two indexed look-ups rather than one `id = ? OR name = ?` (sorted to put the id first): this runs for every
  // unit and township a write names, thousands of times in an import.
  const row = (cached(db, `SELECT id, name, active FROM ${table} WHERE deleted = 0 AND id = ?`).get(ref) ??
    cached(db, `SELECT id, name, active FROM ${table} WHERE deleted = 0 AND name = ? LIMIT 1`).get(ref)) as
    | { id: string; name: string; active: number }
    | undefined;
  const found = row ?? sameLookingRows(db, table, ref)[0];
  return found && { id: found.id, name: found.name, active: found.active === 1 };
}

/**
 * Live rows whose name looks like `name` (equal once invisible characters and surrounding spaces are removed and
 * both are NFC): names written before names were normalised may still hold them. Reference tables are small.
 */
function sameLookingRows(db: Db, table: NamedTable, name: string, except = '') {
  const wanted = normaliseName(name);
  const rows = cached(db, `SELECT id, name, active FROM ${table} WHERE deleted = 0 AND id <> ?`).all(except) as {
    id: string;
    name: string;
    active: number;
  }[];
  return rows.filter((row) => normaliseName(row.name) === wanted);
}

/** A live row by id or name, active or not (the office edits inactive ones too). */
export function liveNamedRow(db: Db, table: NamedTable, ref: string): NamedRow {
  const row = findNamedRow(db, table, ref);
  if (!row) throw new LedgerError('not_found', `找不到${NAMED_WHAT[table]}“${ref}”`);
  return row;
}

/** Refuses a name another live row already has (inactive rows keep theirs: they are still shown on old records). */
export function refuseDuplicateName(db: Db, table: NamedTable, name: string, except = ''): void {
  const clash = sameLookingRows(db, table, name, except)[0];
  if (!clash) return;
  const message = `已有名为“${normaliseName(name)}”的${NAMED_WHAT[table]}${clash.active === 1 ? '' : '（已停用，可重新启用）'}`;
  throw new LedgerError('conflict', message, [{ path: 'name', message }]);
}

/** After every row, live or not, so a new row is listed last. */
export function nextSortOrder(db: Db, table: NamedTable): number {
  return (cached(db, `SELECT coalesce(max(sort_order), -1) + 1 AS n FROM ${table}`).get() as { n: number }).n;
}

/** One line for the audit log: what an edit of a named row changed. */
export function editSummary(table: NamedTable, before: NamedRow, change: { name?: string | undefined; active?: boolean | undefined }): string {
  const what = NAMED_WHAT[table];
  const parts: string[] = [];
  if (change.name !== undefined) parts.push(`${what}“${before.name}”更名为“${change.name}”`);
  if (change.active !== undefined) parts.push(`${change.active ? '启用' : '停用'}${what}“${change.name ?? before.name}”`);
  return parts.join('，');
}
