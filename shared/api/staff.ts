import { z } from 'zod';
import { nameText, text } from '../text.js';
import { noInput } from './app.js';

// Who did it (issue 11): the staff of this workstation and the person at the keyboard. No passwords: the choice is
// remembered until changed, and every audit entry names the person chosen.

export const staffNameSchema = nameText('姓名', 20);

export const staffMemberSchema = z.object({
  name: text(),
  post: text(),
  active: z.boolean(),
  addedAt: text(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListSchema = z.object({
  staff: z.array(staffMemberSchema),
  /** The person chosen at this workstation ('' until someone chooses). */
  current: text(),
});

export const staffMethods = {
  listStaff: { input: noInput, output: staffListSchema },
  addStaff: {
    input: z.strictObject({ name: staffNameSchema, post: text().trim().max(30, { error: '岗位不超过30个字' }).default('') }),
    output: staffMemberSchema,
  },
  deactivateStaff: { input: z.strictObject({ name: staffNameSchema }), output: staffMemberSchema },
  /** The person at the keyboard chooses their name; remembered until changed. */
  chooseStaff: { input: z.strictObject({ name: staffNameSchema }), output: staffListSchema },
} as const;
