import { randomUUID } from 'node:crypto';
import { LedgerError } from '../../../shared/errors.js';
import type { Township } from '../../../shared/schemas.js';
import { type LedgerContext, mutate } from './mutate.js';
import { editSummary, liveNamedRow, nextSortOrder, refuseDuplicateName } from './named-rows.js';
import { cached } from './statements.js';
import type { FieldValue } from './tables.js';

// The office's 乡镇（街道）: added, renamed, deactivated and reactivated; deleted only while no incident names one.
// A deactivated township stays resolvable, so old incidents keep showing it and can still be filtered by it.

function townshipOf(ctx: LedgerContext, ref: string): Township {
  return liveNamedRow(ctx.db, 'townships', ref);
}

export function addTownship(ctx: LedgerContext, name: string): Township {
  return ctx.db.transaction(() => {
    refuseDuplicateName(ctx.db, 'townships', name);
    const id = randomUUID();
    mutate(ctx, { action: 'township.add', entity: 'township', entityId: id, summary: `新增乡镇（街道）“${name}”` }, [
      { table: 'townships', row: id, fields: { name, active: true, sort_order: nextSortOrder(ctx.db, 'townships') } },
    ]);
    return townshipOf(ctx, id);
  })();
}

export function updateTownship(ctx: LedgerContext, input: { id: string; name?: string | undefined; active?: boolean | undefined }): Township {
  return ctx.db.transaction(() => {
    const before = townshipOf(ctx, input.id);
    const name = input.name !== undefined && input.name !== before.name ? input.name : undefined;
    const active = input.active !== undefined && input.active !== before.active ? input.active : undefined;
    if (name !== undefined) refuseDuplicateName(ctx.db, 'townships', name, before.id);
    const fields: Record<string, FieldValue> = {};
    if (name !== undefined) fields.name = name;
    if (active !== undefined) fields.active = active;
    if (Object.keys(fields).length > 0) {
      const summary = editSummary('townships', before, { name, active });
      mutate(ctx, { action: 'township.update', entity: 'township', entityId: before.id, summary }, [{ table: 'townships', row: before.id, fields }]);
    }
    return townshipOf(ctx, before.id);
  })();
}

/** How many incidents name the township, deleted ones included (a tombstone can be reverted by sync). */
function incidentsNaming(ctx: LedgerContext, id: string): number {
  return (cached(ctx.db, 'SELECT count(*) AS n FROM incidents WHERE township_id = ?').get(id) as { n: number }).n;
}

export function deleteTownship(ctx: LedgerContext, ref: string): { deleted: boolean } {
  return ctx.db.transaction(() => {
    const township = townshipOf(ctx, ref);
    const used = incidentsNaming(ctx, township.id);
    if (used > 0) {
      throw new LedgerError('conflict', `“${township.name}”已用于 ${used} 条舆情事件，不能删除；不再使用请停用`);
    }
    mutate(ctx, { action: 'township.delete', entity: 'township', entityId: township.id, summary: `删除乡镇（街道）“${township.name}”` }, [
      { table: 'townships', row: township.id, fields: { deleted: true } },
    ]);
    return { deleted: true };
  })();
}
