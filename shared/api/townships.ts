import { z } from 'zod';
import { nameText, text } from '../text.js';
import { townshipSchema } from '../schemas.js';

// 乡镇（街道） as the office keeps them. Names are unique among live rows (people type them: `yq incident add`
// takes "township":"羊山镇"). A township that incidents name is deactivated instead of deleted: old incidents
// still show it, the 登记 form no longer offers it.

const name = nameText('乡镇（街道）名称', 30);

/** The township's id or its current name. */
const township = text({ error: '请指定乡镇（街道）' }).trim().min(1, { error: '请指定乡镇（街道）' }).max(100);

export const townshipMethods = {
  addTownship: { input: z.strictObject({ name }), output: townshipSchema },
  /** Rename and/or (de)activate; fields left out stay as they are. */
  updateTownship: {
    input: z.strictObject({ id: township, name: name.optional(), active: z.boolean({ error: '启用状态应为是或否' }).optional() }),
    output: townshipSchema,
  },
  /** Only a township no incident names; one in use is refused with a hint to deactivate it. */
  deleteTownship: { input: z.strictObject({ id: township }), output: z.object({ deleted: z.boolean() }) },
} as const;
