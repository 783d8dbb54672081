import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportField, ImportMapping } from '../../../shared/api/excel.js';
import { LedgerError } from '../../../shared/errors.js';
import { normaliseWord } from '../../../shared/input/coded-values.js';
import type { Db } from '../db/open.js';
import { fileProblem } from '../file-problems.js';
import { getCategories } from '../ledger/reference.js';
import { cached } from '../ledger/statements.js';
import type { CancelCheck } from '../jobs.js';
import type { Report } from '../progress.js';
import { findHeader, type FoundHeader, type HeaderColumn } from './header.js';
import { type PlannedRow, planRow } from './plan-rows.js';
import { type Cell, readWorkbook, type Workbook } from './read-workbook.js';

// Reading a file up to the records it would become: file → workbook → sheet and header → column mapping → one
// plan per data row, with the names the ledger does not know gathered once each.

export interface Unmatched {
  kind: 'units' | 'townships';
  value: string;
  rows: number;
  suggestions: string[];
}

export interface Prepared {
  fileName: string;
  sha256: string;
  book: Workbook;
  header: FoundHeader;
  fieldOf: (column: HeaderColumn) => ImportField;
  plans: PlannedRow[];
  unmatched: Unmatched[];
}

/** A row that carries no record: blank, only 序号, a 合计 footer, a 填表人/审核人 line under the table. */
function isNotData(cells: readonly (Cell | null)[], dataColumns: ReadonlySet<number>): boolean {
  const filled = cells.map((c, i) => [i, c?.text.trim() ?? ''] as const).filter(([, t]) => t !== '');
  if (filled.length === 0) return true;
  if (filled.some(([, t]) => /^(合\s*计|总\s*计|小\s*计)/.test(t))) return true;
  if (filled.every(([i]) => !dataColumns.has(i))) return true;
  return filled.every(([, t]) => /^(填表|审核|制表|负责人|联系人|联系电话|填报人|注[:：]|说明[:：])/.test(t));
}

function namedRows(db: Db, table: 'units' | 'townships'): { id: string; name: string; active: boolean }[] {
  return (cached(db, `SELECT id, name, active FROM ${table} WHERE deleted = 0`).all() as { id: string; name: string; active: number }[]).map(
    (r) => ({ id: r.id, name: r.name, active: r.active === 1 }),
  );
}

/** Ledger names that look like the word in the file (人社局 → 县人社局), closest first. */
function suggestionsFor(word: string, names: readonly string[]): string[] {
  const w = normaliseWord(word).replace(/^(县|市|区)/, '');
  return names
    .filter((n) => {
      const m = normaliseWord(n);
      return w.length >= 2 && (m.includes(w) || w.includes(m.replace(/^(县|市|区)/, '')));
    })
    .sort((a, b) => a.length - b.length)
    .slice(0, 5);
}

export function readImportFile(path: string): { fileName: string; bytes: Buffer } {
  const fileName = basename(path);
  try {
    return { fileName, bytes: readFileSync(path) };
  } catch (error) {
    throw new LedgerError('invalid_input', `无法读取 ${fileName}：${fileProblem(error)}`);
  }
}

export function prepareImport(
  db: Db,
  input: { path: string; sheet?: string | undefined; mapping?: ImportMapping | undefined },
  now: number,
  report?: Report,
  cancelled?: CancelCheck,
): Prepared {
  const { fileName, bytes } = readImportFile(input.path);
  report?.('读取', 0, 1);
  const book = readWorkbook(bytes, fileName);
  const header = findHeader(book, fileName, input.sheet);
  const mapping = input.mapping ?? { columns: {}, units: {}, townships: {} };
  const fieldOf = (column: HeaderColumn): ImportField =>
    mapping.columns[column.header] ?? mapping.columns[column.label] ?? column.suggested ?? 'note';
  const units = namedRows(db, 'units');
  const townships = namedRows(db, 'townships');
  const unmatched = new Map<string, Unmatched>();
  const lookup = (kind: 'units' | 'townships', rows: typeof units) => {
    const byName = new Map(rows.filter((r) => r.active).map((r) => [normaliseWord(r.name), r.id]));
    const given = mapping[kind] as Record<string, string | { add: unknown }>;
    return (word: string): string | undefined => {
      const mapped = given[word];
      if (typeof mapped === 'object') return word; // added at the start of the write, then resolved by this name
      const id = byName.get(normaliseWord(mapped ?? word));
      if (id === undefined) {
        const key = `${kind}\u0000${word}`;
        const entry = unmatched.get(key) ?? { kind, value: word, rows: 0, suggestions: suggestionsFor(word, rows.filter((r) => r.active).map((r) => r.name)) };
        entry.rows += 1;
        unmatched.set(key, entry);
      }
      return id;
    };
  };
  const names = { unit: lookup('units', units), township: lookup('townships', townships) };
  const categories = getCategories(db);
  const dataColumns = new Set(header.columns.filter((c) => !['ignore', 'number'].includes(fieldOf(c))).map((c) => c.index));
  const plans: PlannedRow[] = [];
  const rows = header.sheet.rows;
  for (let r = header.dataStart; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (isNotData(cells, dataColumns)) continue;
    plans.push(planRow(cells, r + 1, { columns: header.columns, fieldOf, categories, names, now }));
    if (plans.length % 500 === 0) {
      cancelled?.();
      report?.('检查', r, rows.length);
    }
  }
  report?.('检查', rows.length, rows.length);
  return {
    fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    book,
    header,
    fieldOf,
    plans,
    unmatched: [...unmatched.values()].sort((a, b) => b.rows - a.rows),
  };
}
