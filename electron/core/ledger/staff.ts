import type { StaffMember } from '../../../shared/api/staff.js';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { audited } from './audit.js';
import type { LedgerContext } from './mutate.js';
import { cached } from './statements.js';

// The staff of this workstation and who is at the keyboard (issue 11). The chosen name becomes the context's actor:
// every audit entry — and through it every operation the entry covers — names that person; 登记人 and 跟进人
// default to them. Local to this workstation, like its name.

interface StaffRow {
  name: string;
  post: string;
  active: number;
  added_at: string;
}

const toMember = (r: StaffRow): StaffMember => ({ name: r.name, post: r.post, active: r.active === 1, addedAt: r.added_at });

export function listStaff(db: Db): { staff: StaffMember[]; current: string } {
  const rows = cached(db, 'SELECT name, post, active, added_at FROM staff ORDER BY active DESC, added_at, name').all() as StaffRow[];
  return { staff: rows.map(toMember), current: currentStaff(db) };
}

export function currentStaff(db: Db): string {
  return (cached(db, "SELECT value FROM meta WHERE key = 'current_staff'").pluck().get() as string | undefined) ?? '';
}

function member(db: Db, name: string): StaffRow | undefined {
  return cached(db, 'SELECT name, post, active, added_at FROM staff WHERE name = ?').get(name) as StaffRow | undefined;
}

export function addStaff(ctx: LedgerContext, name: string, post: string): StaffMember {
  if (member(ctx.db, name)) throw new LedgerError('conflict', `本工作站已有人员“${name}”`, [{ path: 'name', message: '已有同名人员' }]);
  const at = new Date(ctx.now()).toISOString();
  audited(ctx, { action: 'staff.add', entity: 'staff', entityId: name, summary: `添加人员 ${name}${post ? `（${post}）` : ''}` }, () => {
    cached(ctx.db, 'INSERT INTO staff (name, post, active, added_at) VALUES (?, ?, 1, ?)').run(name, post, at);
  });
  return toMember(member(ctx.db, name)!);
}

export function deactivateStaff(ctx: LedgerContext, name: string): StaffMember {
  const row = member(ctx.db, name);
  if (!row) throw new LedgerError('not_found', `本工作站没有人员“${name}”`);
  if (row.active === 1) {
    audited(ctx, { action: 'staff.deactivate', entity: 'staff', entityId: name, summary: `停用人员 ${name}` }, () => {
      cached(ctx.db, 'UPDATE staff SET active = 0 WHERE name = ?').run(name);
      if (currentStaff(ctx.db) === name) cached(ctx.db, "DELETE FROM meta WHERE key = 'current_staff'").run();
    });
  }
  return toMember(member(ctx.db, name)!);
}

/** The person named must be an active member of this workstation's staff. */
export function checkStaff(db: Db, name: string): void {
  const row = member(db, name);
  if (!row) throw new LedgerError('invalid_input', `本工作站没有人员“${name}”：请先添加（yq staff add ${name}，或 设置 → 人员）`);
  if (row.active !== 1) throw new LedgerError('invalid_input', `人员“${name}”已停用`);
}

/** Makes `name` the person at the keyboard, remembered for the next opening. */
export function chooseStaff(ctx: LedgerContext, name: string): void {
  checkStaff(ctx.db, name);
  cached(ctx.db, "INSERT INTO meta (key, value) VALUES ('current_staff', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(name);
  actAs(ctx, name);
}

/** From now on this context's writes are this person's. */
export function actAs(ctx: LedgerContext, name: string): void {
  ctx.actor = name;
  ctx.staff = name;
}
