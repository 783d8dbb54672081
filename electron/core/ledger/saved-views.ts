import { randomUUID } from 'node:crypto';
import type { SavedView } from '../../../shared/api/views.js';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { type LedgerContext, mutate } from './mutate.js';
import { cached } from './statements.js';
import type { FieldValue } from './tables.js';

interface ViewRow {
  id: string;
  name: string;
  query: string;
  created_at: string;
}

const toView = (r: ViewRow): SavedView => ({
  id: r.id,
  name: r.name,
  query: JSON.parse(r.query) as Record<string, unknown>,
  createdAt: r.created_at,
});

export function listSavedViews(db: Db): SavedView[] {
  return (cached(db, 'SELECT id, name, query, created_at FROM saved_views WHERE deleted = 0 ORDER BY name').all() as ViewRow[]).map(toView);
}

/** Saves a view under a name; saving again under the same name replaces its query. */
export function saveView(ctx: LedgerContext, name: string, query: Record<string, unknown>): SavedView {
  return ctx.db.transaction(() => {
    const existing = cached(ctx.db, 'SELECT id FROM saved_views WHERE name = ? AND deleted = 0').get(name) as { id: string } | undefined;
    const id = existing?.id ?? randomUUID();
    const fields: Record<string, FieldValue> = existing
      ? { query: JSON.stringify(query) }
      : { name, query: JSON.stringify(query), created_at: new Date(ctx.now()).toISOString() };
    mutate(ctx, { action: 'view.save', entity: 'saved_view', entityId: id, summary: `保存筛选方案“${name}”` }, [
      { table: 'saved_views', row: id, fields },
    ]);
    return toView(cached(ctx.db, 'SELECT id, name, query, created_at FROM saved_views WHERE id = ?').get(id) as ViewRow);
  })();
}

export function deleteSavedView(ctx: LedgerContext, id: string): { deleted: boolean } {
  return ctx.db.transaction(() => {
    const row = cached(ctx.db, 'SELECT name FROM saved_views WHERE id = ? AND deleted = 0').get(id) as { name: string } | undefined;
    if (!row) throw new LedgerError('not_found', '找不到该筛选方案');
    mutate(ctx, { action: 'view.delete', entity: 'saved_view', entityId: id, summary: `删除筛选方案“${row.name}”` }, [
      { table: 'saved_views', row: id, fields: { deleted: true } },
    ]);
    return { deleted: true };
  })();
}
