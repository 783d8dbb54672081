import { randomBytes } from 'node:crypto';
import { LedgerError } from '../../../shared/errors.js';
import type { Category } from '../../../shared/schemas.js';
import { type LedgerContext, mutate } from './mutate.js';
import { getCategories } from './reference.js';
import { cached } from './statements.js';
import type { FieldValue } from './tables.js';

// Offices tune category keywords (they drive suggestions) and may add categories of their own. The nine of the
// seed document and 其他 stay: incidents, reports and the State Council's list refer to them.

function categoryOf(ctx: LedgerContext, code: string): Category {
  const found = getCategories(ctx.db).find((c) => c.code === code);
  if (!found) throw new LedgerError('not_found', `找不到敏感类别“${code}”`);
  return found;
}

function refuseDuplicateName(ctx: LedgerContext, name: string | undefined, short: string | undefined, except?: string): void {
  for (const [value, column, label] of [[name, 'name', '名称'], [short, 'short', '简称']] as const) {
    if (value === undefined) continue;
    const clash = cached(ctx.db, 'SELECT id FROM categories WHERE deleted = 0 AND (name = @value OR short = @value) AND id <> @except').get({
      value,
      except: except ?? '',
    }) as { id: string } | undefined;
    if (clash) {
      const message = `已有${label}为“${value}”的敏感类别`;
      throw new LedgerError('conflict', message, [{ path: column, message }]);
    }
  }
}

export function updateCategory(
  ctx: LedgerContext,
  input: { code: string; name?: string | undefined; short?: string | undefined; color?: string | undefined; keywords?: string[] | undefined },
): Category {
  return ctx.db.transaction(() => {
    const before = categoryOf(ctx, input.code);
    refuseDuplicateName(ctx, input.name, input.short, input.code);
    const fields: Record<string, FieldValue> = {};
    if (input.name !== undefined && input.name !== before.name) fields.name = input.name;
    if (input.short !== undefined && input.short !== before.short) fields.short = input.short;
    if (input.color !== undefined && input.color !== before.color) fields.color = input.color;
    if (input.keywords !== undefined) {
      const keywords = [...new Set(input.keywords)];
      if (JSON.stringify(keywords) !== JSON.stringify(before.keywords)) fields.keywords = keywords;
    }
    if (Object.keys(fields).length > 0) {
      mutate(ctx, { action: 'category.update', entity: 'category', entityId: input.code, summary: `修改敏感类别“${before.name}”` }, [
        { table: 'categories', row: input.code, fields },
      ]);
    }
    return categoryOf(ctx, input.code);
  })();
}

export function addCategory(ctx: LedgerContext, input: { name: string; short: string; color: string; keywords: string[] }): Category {
  return ctx.db.transaction(() => {
    refuseDuplicateName(ctx, input.name, input.short);
    const code = `custom_${randomBytes(4).toString('hex')}`;
    const order = (cached(ctx.db, 'SELECT coalesce(max(sort_order), 0) + 1 AS n FROM categories').get() as { n: number }).n;
    mutate(ctx, { action: 'category.add', entity: 'category', entityId: code, summary: `新增敏感类别“${input.name}”` }, [
      {
        table: 'categories',
        row: code,
        fields: { name: input.name, short: input.short, color: input.color, keywords: [...new Set(input.keywords)], builtin: false, sort_order: order },
      },
    ]);
    return categoryOf(ctx, code);
  })();
}

export function deleteCategory(ctx: LedgerContext, code: string): { deleted: boolean } {
  return ctx.db.transaction(() => {
    const category = categoryOf(ctx, code);
    if (category.builtin) throw new LedgerError('invalid_input', `“${category.name}”是国务院确定的敏感类别，不能删除`);
    const used = (cached(ctx.db, 'SELECT count(*) AS n FROM incident_categories WHERE category_id = ?').get(code) as { n: number }).n;
    if (used > 0) throw new LedgerError('conflict', `“${category.name}”已用于 ${used} 条舆情事件，不能删除`);
    mutate(ctx, { action: 'category.delete', entity: 'category', entityId: code, summary: `删除敏感类别“${category.name}”` }, [
      { table: 'categories', row: code, fields: { deleted: true } },
    ]);
    return { deleted: true };
  })();
}
