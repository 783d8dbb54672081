import { z } from 'zod';
import { nameText, text } from '../text.js';
import { incidentQuerySchema } from '../schemas.js';
import { noInput } from './app.js';

// Saved views of the ledger (筛选方案): a name and the query as the user built it.

export const savedViewSchema = z.object({
  id: text(),
  name: text(),
  /** The query as given (codes or labels), re-parsed when used so it survives renamed units. */
  query: z.record(text(), z.unknown()),
  createdAt: text(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const viewMethods = {
  listSavedViews: { input: noInput, output: z.array(savedViewSchema) },
  saveView: {
    input: z.strictObject({
      name: nameText('方案名称', 40),
      query: incidentQuerySchema.omit({ offset: true, limit: true }),
    }),
    output: savedViewSchema,
  },
  deleteSavedView: { input: z.strictObject({ id: text().min(1) }), output: z.object({ deleted: z.boolean() }) },
} as const;
