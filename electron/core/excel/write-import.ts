import { randomUUID } from 'node:crypto';
import type { ImportMapping, ImportReport, RowProblem } from '../../../shared/api/excel.js';
import type { IncidentStatus } from '../../../shared/domain.js';
import { LedgerError } from '../../../shared/errors.js';
import { STATUS_TRANSITIONS } from '../../../shared/status.js';
import { audited } from '../ledger/audit.js';
import { addCommitmentRow, updateCommitmentRow } from '../ledger/commitments.js';
import { createIncidentRow, transitionIncident } from '../ledger/incidents.js';
import { attempt, type LedgerContext, writeBatch } from '../ledger/mutate.js';
import { findNamedRow } from '../ledger/named-rows.js';
import { addResponseRow } from '../ledger/responses.js';
import { cached } from '../ledger/statements.js';
import { addTownship } from '../ledger/townships.js';
import { addUnit } from '../ledger/units.js';
import type { Report } from '../progress.js';
import { PATHS_BY_RECORD, type PlannedRow } from './plan-rows.js';
import type { Prepared } from './prepare.js';

// Writing an import: every row through the ledger's own create functions (so each record gets its operations and
// its audit entry as if typed in), all in ONE write batch (ledger/mutate.ts writeBatch: one transaction, the
// per-mutation bookkeeping done once for the batch). Each row is one savepoint (`attempt`); a row the core refuses
// rolls back to it; then either the whole import rolls back (all or nothing) or the row is listed and skipped. A
// dry run rolls back at the end, having checked everything.

class RollBack extends Error {}

export interface WriteOptions {
  skipInvalid: boolean;
  dryRun: boolean;
  mapping: ImportMapping | undefined;
  report?: Report | undefined;
  /** Throws when the person cancelled: checked before each row, inside the transaction, so all rolls back. */
  cancelled?: (() => void) | undefined;
}

export interface WriteOutcome extends ImportReport {
  /** The rows that would be (or were) imported, with the numbers the ledger gave them. */
  written: { row: number; incidentId: string }[];
  /** Row numbers recognised as imported before (or repeated within the file). */
  duplicateRows: number[];
}

/** The shortest walk through the workflow from one status to another. */
function pathTo(from: IncidentStatus, to: IncidentStatus): IncidentStatus[] | undefined {
  const queue: IncidentStatus[][] = [[from]];
  const seen = new Set<IncidentStatus>([from]);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const last = path[path.length - 1]!;
    if (last === to) return path.slice(1);
    for (const next of STATUS_TRANSITIONS[last]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...path, next]);
      }
    }
  }
  return undefined;
}

/** The column a refusal of the core concerns, from the field path it names. */
function problemOf(plan: PlannedRow, record: keyof typeof PATHS_BY_RECORD, error: unknown, labelOf: (field: string) => string): RowProblem {
  if (error instanceof LedgerError) {
    const field = error.fields?.[0];
    const column = field ? PATHS_BY_RECORD[record][field.path.split('.')[0] ?? ''] : undefined;
    return { row: plan.row, column: labelOf(column ?? (record === 'incident' ? 'title' : record === 'response' ? 'responseContent' : 'commitmentContent')), message: field?.message ?? error.message.replace(/^输入有误：/, '') };
  }
  throw error;
}

/** Rows in the order the ledger numbers them: an exported 台账's YQ numbers first, in order; then by 发现时间. */
function numberOrder(plans: readonly PlannedRow[]): PlannedRow[] {
  const key = (p: PlannedRow) => (/^YQ-\d{4}-\d+$/.test(p.number) ? `0${p.number.slice(3, 7)}${p.number.slice(8).padStart(8, '0')}` : `1${p.incident.foundAt}`);
  const keyed = plans.map((plan) => ({ plan, key: key(plan) })); // each key once, not once per comparison
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.plan.row - b.plan.row));
  return keyed.map((k) => k.plan);
}

export function writeImport(ctx: LedgerContext, prepared: Prepared, options: WriteOptions, labelOf: (field: string) => string): WriteOutcome {
  const errors: RowProblem[] = prepared.plans.flatMap((p) => p.errors);
  const warnings: RowProblem[] = prepared.plans.flatMap((p) => p.warnings);
  const written: WriteOutcome['written'] = [];
  const duplicateRows: number[] = [];
  const seenInFile = new Set<string>();
  const isImported = cached(ctx.db, 'SELECT 1 FROM spreadsheet_import_rows WHERE fingerprint = ?').pluck();
  const sameContent = cached(ctx.db, 'SELECT 1 FROM incidents WHERE deleted = 0 AND found_at = ? AND title = ? LIMIT 1').pluck();
  let skipped = 0;
  const importId = randomUUID();
  const run = (batched: LedgerContext) => {
    addMappedNames(batched, options.mapping);
    const plans = numberOrder(prepared.plans);
    for (const [i, plan] of plans.entries()) {
      options.cancelled?.();
      options.report?.('写入', i, plans.length);
      if (seenInFile.has(plan.fingerprint) || isImported.get(plan.fingerprint) !== undefined ||
        (plan.errors.length === 0 && sameContent.get(plan.incident.foundAt, plan.incident.title) !== undefined)) {
        duplicateRows.push(plan.row);
        continue;
      }
      seenInFile.add(plan.fingerprint);
      if (plan.errors.length > 0) {
        skipped += 1;
        continue;
      }
      const outcome = writeRow(batched, plan, labelOf, warnings);
      if ('problem' in outcome) {
        errors.push(outcome.problem);
        skipped += 1;
        continue;
      }
      written.push({ row: plan.row, incidentId: outcome.incidentId });
    }
    options.report?.('写入', plans.length, plans.length);
    if (errors.length > 0 && !options.skipInvalid) throw new RollBack();
    const meta = { action: 'import.spreadsheet', entity: 'import', entityId: importId, summary: `导入表格 ${prepared.fileName}（${prepared.header.sheet.name}）：新增 ${written.length} 条，重复 ${duplicateRows.length} 条，跳过 ${skipped} 条` };
    audited(batched, meta, () => recordImport(batched, importId, prepared, written, duplicateRows.length, skipped));
    if (options.dryRun) throw new RollBack();
  };
  try {
    writeBatch(ctx, run);
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  const byRow = (a: RowProblem, b: RowProblem) => a.row - b.row;
  const committed = errors.length === 0 || options.skipInvalid;
  return {
    rows: prepared.plans.length,
    imported: committed ? written.length : 0,
    duplicates: duplicateRows.length,
    skipped: options.skipInvalid ? skipped : 0,
    errors: errors.sort(byRow),
    warnings: warnings.sort(byRow),
    written,
    duplicateRows,
  };
}

function writeRow(
  ctx: LedgerContext,
  plan: PlannedRow,
  labelOf: (field: string) => string,
  warnings: RowProblem[],
): { incidentId: string } | { problem: RowProblem } {
  let record: keyof typeof PATHS_BY_RECORD = 'incident';
  try {
    return attempt(ctx, () => {
      const incidentId = createIncidentRow(ctx, plan.incident);
      record = 'response';
      for (const response of plan.responses) addResponseRow(ctx, { ...response, incident: incidentId });
      record = 'commitment';
      for (const { add, patch } of plan.commitments) {
        const commitmentId = addCommitmentRow(ctx, { ...add, incident: incidentId, response: null });
        if (patch) updateCommitmentRow(ctx, commitmentId, patch);
      }
      if (plan.status) moveTo(ctx, incidentId, plan, warnings, labelOf);
      return { incidentId };
    });
  } catch (error) {
    return { problem: problemOf(plan, record, error, labelOf) };
  }
}

/** The status the row gives, reached step by step through the workflow; where a step is refused, a warning. */
function moveTo(ctx: LedgerContext, incidentId: string, plan: PlannedRow, warnings: RowProblem[], labelOf: (field: string) => string): void {
  const status = plan.status!;
  const current = (cached(ctx.db, 'SELECT status FROM incidents WHERE id = ?').get(incidentId) as { status: IncidentStatus }).status;
  for (const step of pathTo(current, status.to) ?? []) {
    try {
      attempt(ctx, () => transitionIncident(ctx, incidentId, step, status.reason || (step === 'no_response' ? '原台账记为无需回应' : '')));
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      warnings.push({ row: plan.row, column: labelOf('status'), message: `未能改为目标状态：${error.message}` });
      return;
    }
  }
}

/** Units and townships the person chose to add for names in the file (`{"add": …}` in the mapping). */
function addMappedNames(ctx: LedgerContext, mapping: ImportMapping | undefined): void {
  for (const [name, target] of Object.entries(mapping?.units ?? {})) {
    if (typeof target === 'object' && !findNamedRow(ctx.db, 'units', name)) addUnit(ctx, { name, kind: target.add });
  }
  for (const [name, target] of Object.entries(mapping?.townships ?? {})) {
    if (typeof target === 'object' && !findNamedRow(ctx.db, 'townships', name)) addTownship(ctx, name);
  }
}

function recordImport(ctx: LedgerContext, id: string, prepared: Prepared, written: WriteOutcome['written'], duplicates: number, skipped: number): void {
  cached(
    ctx.db,
    `INSERT INTO spreadsheet_imports (id, file_name, sha256, sheet, at, actor, rows, imported, duplicates, skipped)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, prepared.fileName, prepared.sha256, prepared.header.sheet.name, new Date(ctx.now()).toISOString(), ctx.actor,
    prepared.plans.length, written.length, duplicates, skipped);
  const insert = cached(ctx.db, 'INSERT OR IGNORE INTO spreadsheet_import_rows (fingerprint, import_id, row_number, incident_id) VALUES (?, ?, ?, ?)');
  const byRow = new Map(prepared.plans.map((p) => [p.row, p.fingerprint]));
  for (const w of written) insert.run(byRow.get(w.row), id, w.row, w.incidentId);
}
