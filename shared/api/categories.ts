import { z } from 'zod';
import { categorySchema } from '../schemas.js';

// Offices edit category keywords (used for suggestions) and may add categories; the nine of the seed document
// and 其他 cannot be deleted.

const keywords = z
  .array(z.string().trim().min(1, { error: '关键词不能为空' }).max(20, { error: '关键词不超过20字' }))
  .max(200, { error: '关键词不超过200个' });
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: '颜色格式应为 #RRGGBB' });

export const categoryMethods = {
  updateCategory: {
    input: z.strictObject({
      code: z.string().min(1),
      name: z.string().trim().min(1, { error: '请填写类别名称' }).max(30).optional(),
      short: z.string().trim().min(1, { error: '请填写简称' }).max(10).optional(),
      color: color.optional(),
      keywords: keywords.optional(),
    }),
    output: categorySchema,
  },
  addCategory: {
    input: z.strictObject({
      name: z.string({ error: '请填写类别名称' }).trim().min(1, { error: '请填写类别名称' }).max(30, { error: '类别名称不超过30字' }),
      short: z.string({ error: '请填写简称' }).trim().min(1, { error: '请填写简称' }).max(10, { error: '简称不超过10字' }),
      color,
      keywords: keywords.default([]),
    }),
    output: categorySchema,
  },
  deleteCategory: { input: z.strictObject({ code: z.string().min(1) }), output: z.object({ deleted: z.boolean() }) },
} as const;
