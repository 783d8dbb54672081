import { z } from 'zod';
import { nameText, text } from '../text.js';
import { codedRef, unitSchema } from '../schemas.js';

// 单位 (牵头/配合/责任单位) as the office keeps them: name and kind (县政府部门/乡镇/街道/农场/园区/直属单位).
// Names are unique among live rows. A unit that incidents, responses or commitments name is deactivated instead
// of deleted: their records still show it, forms no longer offer it for new assignments.

const name = nameText('单位名称', 50);

const kind = codedRef('unitKind');

/** The unit's id or its current name. */
const unit = text({ error: '请指定单位' }).trim().min(1, { error: '请指定单位' }).max(100);

export const unitMethods = {
  addUnit: { input: z.strictObject({ name, kind: kind.default('department') }), output: unitSchema },
  /** Rename, change the kind and/or (de)activate; fields left out stay as they are. */
  updateUnit: {
    input: z.strictObject({ id: unit, name: name.optional(), kind: kind.optional(), active: z.boolean({ error: '启用状态应为是或否' }).optional() }),
    output: unitSchema,
  },
  /** Only a unit nothing names; one in use is refused with a hint to deactivate it. */
  deleteUnit: { input: z.strictObject({ id: unit }), output: z.object({ deleted: z.boolean() }) },
} as const;
