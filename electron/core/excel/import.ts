import type { z } from 'zod';
import { IMPORT_FIELDS, type ImportField, type importInputSchema, type ImportPreview, type ImportReport, type SavedMapping } from '../../../shared/api/excel.js';
import { SEVERITY_INFO, PLATFORM_LABELS } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import type { LedgerContext } from '../ledger/mutate.js';
import { cached } from '../ledger/statements.js';
import type { CancelCheck } from '../jobs.js';
import type { Report } from '../progress.js';
import { prepareImport } from './prepare.js';
import { writeImport } from './write-import.js';

// The two doors of an import: preview (everything checked — the core's own rules included, by a write that is
// rolled back — nothing kept) and import (the same, kept). Both read the file afresh: the file is the truth.

type ImportRequest = z.output<typeof importInputSchema>;

const PREVIEW_ROWS = 20;

function run(ctx: LedgerContext, input: ImportRequest, dryRun: boolean, report?: Report, cancelled?: CancelCheck) {
  const prepared = prepareImport(ctx.db, input, ctx.now(), report, cancelled);
  const labels = new Map<string, string>();
  for (const column of prepared.header.columns) {
    const field = prepared.fieldOf(column);
    if (!labels.has(field)) labels.set(field, column.label);
  }
  const labelOf = (field: string) => labels.get(field) ?? IMPORT_FIELDS[field as ImportField] ?? field;
  const outcome = writeImport(ctx, prepared, { skipInvalid: input.skipInvalid, dryRun, mapping: input.mapping, report, cancelled }, labelOf);
  return { prepared, outcome };
}

/** `cancelled` is checked between rows, inside the write's transaction: a cancel rolls everything back. */
export function importSpreadsheet(ctx: LedgerContext, input: ImportRequest, report?: Report, cancelled?: CancelCheck): ImportReport {
  const { outcome } = run(ctx, input, input.dryRun, report, cancelled);
  const { written: _written, duplicateRows: _duplicateRows, ...result } = outcome;
  return result;
}

export function previewImport(ctx: LedgerContext, input: ImportRequest, report?: Report, cancelled?: CancelCheck): ImportPreview {
  const { prepared, outcome } = run(ctx, input, true, report, cancelled);
  const { written: _written, duplicateRows, ...result } = outcome;
  const invalid = new Set(outcome.errors.map((e) => e.row));
  const duplicate = new Set(duplicateRows);
  const unitNames = new Map((cached(ctx.db, 'SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  return {
    ...result,
    fileName: prepared.fileName,
    sheets: prepared.book.sheets.map((s) => s.name),
    sheet: prepared.header.sheet.name,
    headerRows: prepared.header.headerRows.map((r) => r + 1),
    columns: prepared.header.columns.map((c) => ({
      index: c.index,
      letter: c.letter,
      header: c.header,
      field: prepared.fieldOf(c),
      suggested: input.mapping?.columns[c.header] === undefined && c.suggested !== undefined,
    })),
    unmatched: prepared.unmatched,
    preview: prepared.plans.slice(0, PREVIEW_ROWS).map((p) => ({
      row: p.row,
      title: p.incident.title,
      foundAt: p.incident.foundAt === '' ? null : p.incident.foundAt,
      platform: PLATFORM_LABELS[p.incident.platform] ?? String(p.incident.platform),
      categories: p.incident.categories,
      severity: SEVERITY_INFO[p.incident.severity]?.label ?? String(p.incident.severity),
      leadUnit: p.incident.leadUnit === null ? null : (unitNames.get(p.incident.leadUnit) ?? p.incident.leadUnit),
      responses: p.responses.length,
      commitments: p.commitments.length,
      duplicate: duplicate.has(p.row),
      valid: !invalid.has(p.row),
    })),
  };
}

export function listImportMappings(db: Db): SavedMapping[] {
  return (cached(db, 'SELECT name, mapping, saved_at FROM spreadsheet_mappings ORDER BY saved_at DESC').all() as { name: string; mapping: string; saved_at: string }[]).map(
    (r) => ({ name: r.name, mapping: JSON.parse(r.mapping) as SavedMapping['mapping'], savedAt: r.saved_at }),
  );
}

/** Remembers a mapping under a name for this workstation's next file (saving the name again replaces it). */
export function saveImportMapping(ctx: LedgerContext, name: string, mapping: SavedMapping['mapping']): SavedMapping {
  const savedAt = new Date(ctx.now()).toISOString();
  cached(
    ctx.db,
    `INSERT INTO spreadsheet_mappings (name, mapping, saved_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at`,
  ).run(name, JSON.stringify(mapping), savedAt);
  return { name, mapping, savedAt };
}
