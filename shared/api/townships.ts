import { z } from 'zod';
import { townshipSchema } from '../schemas.js';

// 乡镇（街道） as the office keeps them. Names are unique among live rows (people type them: `yq incident add`
// takes "township":"羊山镇"). A township that incidents name is deactivated instead of deleted: old incidents
// still show it, the 登记 form no longer offers it.

const name = z
  .string({ error: '请填写乡镇（街道）名称' })
  .trim()
  .min(1, { error: '请填写乡镇（街道）名称' })
  .max(30, { error: '乡镇（街道）名称不超过30字' })
  .refine((value) => !/\p{Cc}/u.test(value), { error: '名称不能包含换行等控制字符' });

/** The township's id or its current name. */
const township = z.string({ error: '请指定乡镇（街道）' }).trim().min(1, { error: '请指定乡镇（街道）' }).max(100);

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
