import { z } from 'zod';
import { nameText, text } from '../text.js';
import { categorySchema } from '../schemas.js';

// Offices edit category keywords (used for suggestions) and may add categories; the nine of the seed document
// and 其他 cannot be deleted.

const keywords = z
  .array(text().trim().min(1, { error: '关键词不能为空' }).max(20, { error: '关键词不超过20字' }))
  .max(200, { error: '关键词不超过200个' });
const color = text().regex(/^#[0-9a-fA-F]{6}$/, { error: '颜色格式应为 #RRGGBB' });

export const categoryMethods = {
  updateCategory: {
    input: z.strictObject({
      code: text().min(1),
      name: nameText('类别名称', 30).optional(),
      short: nameText('简称', 10).optional(),
      color: color.optional(),
      keywords: keywords.optional(),
    }),
    output: categorySchema,
  },
  addCategory: {
    input: z.strictObject({
      name: nameText('类别名称', 30),
      short: nameText('简称', 10),
      color,
      keywords: keywords.default([]),
    }),
    output: categorySchema,
  },
  deleteCategory: { input: z.strictObject({ code: text().min(1) }), output: z.object({ deleted: z.boolean() }) },
} as const;
