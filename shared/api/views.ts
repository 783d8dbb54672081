import { z } from 'zod';
import { incidentQuerySchema } from '../schemas.js';
import { noInput } from './app.js';

// Saved views of the ledger (筛选方案): a name and the query as the user built it.

export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The query as given (codes or labels), re-parsed when used so it survives renamed units. */
  query: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const viewMethods = {
  listSavedViews: { input: noInput, output: z.array(savedViewSchema) },
  saveView: {
    input: z.strictObject({
      name: z.string({ error: '请填写方案名称' }).trim().min(1, { error: '请填写方案名称' }).max(40, { error: '方案名称不超过40字' }),
      query: incidentQuerySchema.omit({ offset: true, limit: true }),
    }),
    output: savedViewSchema,
  },
  deleteSavedView: { input: z.strictObject({ id: z.string().min(1) }), output: z.object({ deleted: z.boolean() }) },
} as const;
