import { randomUUID } from 'node:crypto';
import type { SavedView } from '../../../shared/api/views.js';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { audited } from './audit.js';
import { type LedgerContext, mutate } from './mutate.js';
import { cached } from './statements.js';
import type { FieldValue } from './tables.js';

// 筛选方案 (issue 11.5): a person's own views stay on this workstation (personal_views, not synced) and are listed
// only for them; views shared with the office are synced saved_views that everyone sees.

interface ViewRow {
  id: string;
  name: string;
  query: string;
  created_at: string;
  owner: string;
}

const toView = (r: ViewRow, shared: boolean): SavedView => ({
  id: r.id,
  name: r.name,
  query: JSON.parse(r.query) as Record<string, unknown>,
  createdAt: r.created_at,
  shared,
  owner: shared ? '' : r.owner,
});

const OFFICE = "SELECT id, name, query, created_at, '' AS owner FROM saved_views WHERE deleted = 0";
const MINE = 'SELECT id, name, query, created_at, owner FROM personal_views WHERE owner = ?';

/** The person's own views first, then the office's; each by name. `owner` is the person at the keyboard. */
export function listSavedViews(db: Db, owner: string): SavedView[] {
  const mine = (cached(db, `${MINE} ORDER BY name`).all(owner) as ViewRow[]).map((r) => toView(r, false));
  const office = (cached(db, `${OFFICE} ORDER BY name`).all() as ViewRow[]).map((r) => toView(r, true));
  return [...mine, ...office];
}

const personOf = (ctx: LedgerContext) => ctx.staff ?? '';

/** Saves a view under a name; saving again under the same name (in the same place) replaces its query. */
export function saveView(ctx: LedgerContext, name: string, query: Record<string, unknown>, shared = false): SavedView {
  return shared ? saveOfficeView(ctx, name, query) : savePersonalView(ctx, name, query);
}

function savePersonalView(ctx: LedgerContext, name: string, query: Record<string, unknown>): SavedView {
  const owner = personOf(ctx);
  const existing = cached(ctx.db, `${MINE} AND name = ?`).get(owner, name) as ViewRow | undefined;
  const id = existing?.id ?? randomUUID();
  audited(ctx, { action: 'view.save', entity: 'personal_view', entityId: id, summary: `保存个人筛选方案“${name}”` }, () => {
    cached(
      ctx.db,
      `INSERT INTO personal_views (id, owner, name, query, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET query = excluded.query`,
    ).run(id, owner, name, JSON.stringify(query), new Date(ctx.now()).toISOString());
  });
  return toView(cached(ctx.db, 'SELECT id, name, query, created_at, owner FROM personal_views WHERE id = ?').get(id) as ViewRow, false);
}

function saveOfficeView(ctx: LedgerContext, name: string, query: Record<string, unknown>): SavedView {
  return ctx.db.transaction(() => {
    const existing = cached(ctx.db, 'SELECT id FROM saved_views WHERE name = ? AND deleted = 0').get(name) as { id: string } | undefined;
    const id = existing?.id ?? randomUUID();
    const fields: Record<string, FieldValue> = existing
      ? { query: JSON.stringify(query) }
      : { name, query: JSON.stringify(query), created_at: new Date(ctx.now()).toISOString() };
    mutate(ctx, { action: 'view.save', entity: 'saved_view', entityId: id, summary: `保存筛选方案“${name}”（共享给本办）` }, [
      { table: 'saved_views', row: id, fields },
    ]);
    return toView(cached(ctx.db, `${OFFICE} AND id = ?`).get(id) as ViewRow, true);
  })();
}

/** Deletes one of the person's own views or one of the office's; another person's views are not theirs to delete. */
export function deleteSavedView(ctx: LedgerContext, id: string): { deleted: boolean } {
  return ctx.db.transaction(() => {
    const mine = cached(ctx.db, `${MINE} AND id = ?`).get(personOf(ctx), id) as ViewRow | undefined;
    if (mine) {
      audited(ctx, { action: 'view.delete', entity: 'personal_view', entityId: id, summary: `删除个人筛选方案“${mine.name}”` }, () => {
        cached(ctx.db, 'DELETE FROM personal_views WHERE id = ?').run(id);
      });
      return { deleted: true };
    }
    const row = cached(ctx.db, 'SELECT name FROM saved_views WHERE id = ? AND deleted = 0').get(id) as { name: string } | undefined;
    if (!row) throw new LedgerError('not_found', '找不到该筛选方案');
    mutate(ctx, { action: 'view.delete', entity: 'saved_view', entityId: id, summary: `删除筛选方案“${row.name}”` }, [
      { table: 'saved_views', row: id, fields: { deleted: true } },
    ]);
    return { deleted: true };
  })();
}
