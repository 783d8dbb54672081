import { randomUUID } from 'node:crypto';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../shared/domain.js';
import { LedgerError } from '../../../shared/errors.js';
import type { Unit } from '../../../shared/schemas.js';
import { type LedgerContext, mutate } from './mutate.js';
import { editSummary, liveNamedRow, nextSortOrder, refuseDuplicateName } from './named-rows.js';
import { getUnits } from './reference.js';
import { cached } from './statements.js';
import type { FieldValue } from './tables.js';

// The office's 单位 (牵头/配合/责任单位): added, renamed, re-kinded, deactivated and reactivated; deleted only
// while no incident, response or commitment names one. A deactivated unit stays resolvable for the records that
// name it (and for filters), but is refused for new assignments (reference.ts).

function unitOf(ctx: LedgerContext, ref: string): Unit {
  const { id } = liveNamedRow(ctx.db, 'units', ref);
  const unit = getUnits(ctx.db).find((u) => u.id === id);
  if (!unit) throw new LedgerError('not_found', `找不到单位“${ref}”`);
  return unit;
}

export function addUnit(ctx: LedgerContext, input: { name: string; kind: UnitKind }): Unit {
  return ctx.db.transaction(() => {
    refuseDuplicateName(ctx.db, 'units', input.name);
    const id = randomUUID();
    mutate(ctx, { action: 'unit.add', entity: 'unit', entityId: id, summary: `新增单位“${input.name}”（${UNIT_KIND_LABELS[input.kind]}）` }, [
      { table: 'units', row: id, fields: { name: input.name, kind: input.kind, active: true, sort_order: nextSortOrder(ctx.db, 'units') } },
    ]);
    return unitOf(ctx, id);
  })();
}

export function updateUnit(
  ctx: LedgerContext,
  input: { id: string; name?: string | undefined; kind?: UnitKind | undefined; active?: boolean | undefined },
): Unit {
  return ctx.db.transaction(() => {
    const before = unitOf(ctx, input.id);
    const name = input.name !== undefined && input.name !== before.name ? input.name : undefined;
    const kind = input.kind !== undefined && input.kind !== before.kind ? input.kind : undefined;
    const active = input.active !== undefined && input.active !== before.active ? input.active : undefined;
    if (name !== undefined) refuseDuplicateName(ctx.db, 'units', name, before.id);
    const fields: Record<string, FieldValue> = {};
    if (name !== undefined) fields.name = name;
    if (kind !== undefined) fields.kind = kind;
    if (active !== undefined) fields.active = active;
    if (Object.keys(fields).length > 0) {
      const kindPart = kind === undefined ? [] : [`单位“${name ?? before.name}”类型改为${UNIT_KIND_LABELS[kind]}`];
      const summary = [editSummary('units', before, { name, active }), ...kindPart].filter((s) => s !== '').join('，');
      mutate(ctx, { action: 'unit.update', entity: 'unit', entityId: before.id, summary }, [{ table: 'units', row: before.id, fields }]);
    }
    return unitOf(ctx, before.id);
  })();
}

/**
 * What names the unit: incidents (牵头 or 配合), responses, commitments — deleted rows included, since a
 * tombstone can be reverted by sync. A rare office action, so plain scans; the LIKE only skips the JSON parse of
 * incidents whose 配合单位 cannot contain the id (`_` matches any character there, json_each decides).
 */
function recordsNaming(ctx: LedgerContext, id: string): { incidents: number; responses: number; commitments: number } {
  const count = (sql: string) => (cached(ctx.db, sql).get({ id, like: `%"${id}"%` }) as { n: number }).n;
  return {
    incidents: count(
      `SELECT count(*) AS n FROM incidents WHERE lead_unit_id = @id
         OR (co_unit_ids LIKE @like AND EXISTS (SELECT 1 FROM json_each(co_unit_ids) WHERE value = @id))`,
    ),
    responses: count('SELECT count(*) AS n FROM responses WHERE unit_id = @id'),
    commitments: count('SELECT count(*) AS n FROM commitments WHERE unit_id = @id'),
  };
}

export function deleteUnit(ctx: LedgerContext, ref: string): { deleted: boolean } {
  return ctx.db.transaction(() => {
    const unit = unitOf(ctx, ref);
    const used = recordsNaming(ctx, unit.id);
    const uses = [
      used.incidents > 0 ? `${used.incidents} 条舆情事件` : '',
      used.responses > 0 ? `${used.responses} 条回应` : '',
      used.commitments > 0 ? `${used.commitments} 项承诺` : '',
    ].filter((s) => s !== '');
    if (uses.length > 0) throw new LedgerError('conflict', `“${unit.name}”已用于 ${uses.join('、')}，不能删除；不再使用请停用`);
    mutate(ctx, { action: 'unit.delete', entity: 'unit', entityId: unit.id, summary: `删除单位“${unit.name}”` }, [
      { table: 'units', row: unit.id, fields: { deleted: true } },
    ]);
    return { deleted: true };
  })();
}
