import { z } from 'zod';
import { noInput } from './app.js';

// Who did it (issue 11): the staff of this workstation and the person at the keyboard. No passwords: the choice is
// remembered until changed, and every audit entry names the person chosen.

export const staffNameSchema = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(1, { error: '请填写姓名' })
  .max(20, { error: '姓名不超过20个字' })
  .regex(/^[^\p{Cc}]*$/u, { error: '姓名不能包含换行等控制字符' });

export const staffMemberSchema = z.object({
  name: z.string(),
  post: z.string(),
  active: z.boolean(),
  addedAt: z.string(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListSchema = z.object({
  staff: z.array(staffMemberSchema),
  /** The person chosen at this workstation ('' until someone chooses). */
  current: z.string(),
});

export const staffMethods = {
  listStaff: { input: noInput, output: staffListSchema },
  addStaff: {
    input: z.strictObject({ name: staffNameSchema, post: z.string().trim().max(30, { error: '岗位不超过30个字' }).default('') }),
    output: staffMemberSchema,
  },
  deactivateStaff: { input: z.strictObject({ name: staffNameSchema }), output: staffMemberSchema },
  /** The person at the keyboard chooses their name; remembered until changed. */
  chooseStaff: { input: z.strictObject({ name: staffNameSchema }), output: staffListSchema },
} as const;
