import { z } from 'zod';
import { text } from '../text.js';
import {
  addPeerInputSchema,
  bundleRecordSchema,
  conflictSchema,
  contactCardSchema,
  exportBundleInputSchema,
  exportResultSchema,
  importBundleInputSchema,
  importResultSchema,
  peerRef,
  peerSchema,
  quarantinedOpSchema,
  syncIdentitySchema,
} from '../sync-schemas.js';
import { filePath } from '../file-path.js';
import { noInput } from './app.js';

const conflictId = z.strictObject({ id: z.number().int().positive() });

/** Sync bundles: this workstation's card, peers, export and import, conflicts, history. */
export const syncMethods = {
  getSyncIdentity: { input: noInput, output: syncIdentitySchema },
  /** The card as text (to show, copy or save) and as data. */
  getContactCard: { input: noInput, output: z.object({ text: text(), card: contactCardSchema }) },
  /** Saves the card to a file the person chose (main's save dialog gives the path). */
  exportContactCard: { input: z.strictObject({ path: filePath('save') }), output: z.object({ path: text(), fingerprint: text() }) },
  /** A new key pair; the old one is kept to read bundles sent to it. Peers need the new card. */
  rotateSyncKeys: { input: noInput, output: syncIdentitySchema },
  listPeers: { input: noInput, output: z.array(peerSchema) },
  addPeer: { input: addPeerInputSchema, output: peerSchema },
  setPeerTrust: { input: z.strictObject({ peer: peerRef, trusted: z.boolean() }), output: peerSchema },
  exportBundle: { input: exportBundleInputSchema, output: exportResultSchema },
  /** Reads and checks a bundle and reports what importing it would do, changing nothing. */
  previewBundle: { input: importBundleInputSchema.omit({ confirmMassDelete: true }), output: importResultSchema },
  importBundle: { input: importBundleInputSchema, output: importResultSchema },
  listConflicts: {
    input: z.strictObject({ openOnly: z.boolean().default(true), limit: z.number().int().min(1).max(1000).default(200) }).default({
      openOnly: true,
      limit: 200,
    }),
    output: z.array(conflictSchema),
  },
  acceptConflict: { input: conflictId, output: conflictSchema },
  keepOtherValue: { input: conflictId, output: conflictSchema },
  bundleHistory: {
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) }).default({ limit: 100 }),
    output: z.array(bundleRecordSchema),
  },
  listQuarantine: { input: noInput, output: z.array(quarantinedOpSchema) },
} as const;
