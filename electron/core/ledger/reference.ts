import { LedgerError } from '../../../shared/errors.js';
import { resolveCategoryWord } from '../../../shared/input/coded-values.js';
import type { Category, Reference, ResponseRule, Township, Unit } from '../../../shared/schemas.js';
import type { Db } from '../db/open.js';
import { cached } from './mutate.js';
import { findNamedRow, NAMED_WHAT, type NamedRow, type NamedTable } from './named-rows.js';

// Reads reference data and resolves what people type (a code, a full name, a short label) to stored ids.

export function getCategories(db: Db): Category[] {
  const rows = cached(
    db,
    'SELECT id, name, short, color, keywords, builtin FROM categories WHERE deleted = 0 ORDER BY sort_order, id',
  ).all() as { id: string; name: string; short: string; color: string; keywords: string; builtin: number }[];
  return rows.map((r) => ({
    code: r.id,
    name: r.name,
    short: r.short,
    color: r.color,
    keywords: JSON.parse(r.keywords) as string[],
    builtin: r.builtin === 1,
  }));
}

export function getUnits(db: Db): Unit[] {
  const rows = cached(db, 'SELECT id, name, kind, active FROM units WHERE deleted = 0 ORDER BY sort_order, name').all() as {
    id: string;
    name: string;
    kind: Unit['kind'];
    active: number;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, active: r.active === 1 }));
}

export function getTownships(db: Db): Township[] {
  const rows = cached(db, 'SELECT id, name, active FROM townships WHERE deleted = 0 ORDER BY sort_order, name').all() as {
    id: string;
    name: string;
    active: number;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, active: r.active === 1 }));
}

export function getResponseRules(db: Db): ResponseRule[] {
  const rows = cached(
    db,
    'SELECT id, info_hours, press_hours, response_hours FROM response_rules WHERE deleted = 0',
  ).all() as { id: ResponseRule['severity']; info_hours: number | null; press_hours: number | null; response_hours: number | null }[];
  return rows.map((r) => ({
    severity: r.id,
    infoHours: r.info_hours,
    pressHours: r.press_hours,
    responseHours: r.response_hours,
  }));
}

export function getReference(db: Db): Reference {
  return {
    categories: getCategories(db),
    units: getUnits(db),
    townships: getTownships(db),
    responseRules: getResponseRules(db),
  };
}

/** A category by code, full name, short label or an office's word for it (工资拖欠 / 欠薪 / wages / 拖欠工资). */
export function resolveCategory(db: Db, ref: string, field = 'categories'): string {
  const exact = cached(db, 'SELECT id FROM categories WHERE deleted = 0 AND id = ?').get(ref) as { id: string } | undefined;
  const code = exact?.id ?? resolveCategoryWord(getCategories(db), ref);
  if (code === undefined) throw unknownRef(field, '敏感类别', ref);
  return code;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * A unit or township by id or name for an assignment. Inactive ones are refused, except those in `kept`: a record
 * keeps the units and township it already has when another of its fields is edited (the office deactivated the
 * unit, not the record).
 */
function resolveNamed(db: Db, table: NamedTable, ref: string, field: string, kept: ReadonlySet<string>): string {
  const row = findNamed(db, table, ref, field);
  if (!row.active && !kept.has(row.id)) {
    const message = `${NAMED_WHAT[table]}“${ref}”已停用`;
    throw new LedgerError('invalid_input', message, [{ path: field, message }]);
  }
  return row.id;
}

/** A unit or township by id or name, active or not: for filtering, since old records still name deactivated ones. */
function findNamed(db: Db, table: NamedTable, ref: string, field: string): NamedRow {
  const row = findNamedRow(db, table, ref);
  if (!row) throw unknownRef(field, NAMED_WHAT[table], ref);
  return row;
}

/** A unit for an assignment: inactive ones are refused unless `kept` holds them (see resolveNamed). */
export function resolveUnit(db: Db, ref: string, field: string, kept: ReadonlySet<string> = NONE): string {
  return resolveNamed(db, 'units', ref, field, kept);
}

/** A unit by id or name, active or not: for filtering, since records still name units deactivated since. */
export function findUnit(db: Db, ref: string, field: string): string {
  return findNamed(db, 'units', ref, field).id;
}

/** A township for an assignment: inactive ones are refused unless `kept` holds them (see resolveNamed). */
export function resolveTownship(db: Db, ref: string, field = 'township', kept: ReadonlySet<string> = NONE): string {
  return resolveNamed(db, 'townships', ref, field, kept);
}

/** A township by id or name, active or not: for filtering old incidents. */
export function findTownship(db: Db, ref: string, field = 'township'): string {
  return findNamed(db, 'townships', ref, field).id;
}

function unknownRef(field: string, what: string, ref: string): LedgerError {
  const message = `没有名为“${ref}”的${what}`;
  return new LedgerError('invalid_input', `输入有误：${message}`, [{ path: field, message }]);
}
