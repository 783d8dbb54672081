import { z } from 'zod';
import { nameText, text } from '../text.js';
import { incidentQuerySchema } from '../schemas.js';
import { noInput } from './app.js';

// Saved views of the ledger (筛选方案): a name and the query as the user built it. A view is its maker's and stays
// on the workstation (issue 11.5) unless it is shared with the office, which syncs it to every workstation.

export const savedViewSchema = z.object({
  id: text(),
  name: text(),
  /** The query as given (codes or labels), re-parsed when used so it survives renamed units. */
  query: z.record(text(), z.unknown()),
  createdAt: text(),
  /** Shared with the office (synced), or personal: kept on this workstation for `owner` only. */
  shared: z.boolean(),
  /** Who made a personal view ('' when nobody was chosen at the keyboard); '' for the office's. */
  owner: text(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const viewMethods = {
  listSavedViews: { input: noInput, output: z.array(savedViewSchema) },
  saveView: {
    input: z.strictObject({
      name: nameText('方案名称', 40),
      query: incidentQuerySchema.omit({ offset: true, limit: true }),
      /** 共享给本办: every workstation of the office sees it; otherwise it is the person's own. */
      shared: z.boolean().default(false),
    }),
    output: savedViewSchema,
  },
  deleteSavedView: { input: z.strictObject({ id: text().min(1) }), output: z.object({ deleted: z.boolean() }) },
} as const;
