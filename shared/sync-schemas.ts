import { z } from 'zod';
import { filePath } from './file-path.js';
import { text } from './text.js';
import { workstationCodeSchema } from './api/app.js';

// Sync bundles as the UI and the CLI see them: this workstation's identity and contact card, peers, the result
// of an import, conflicts for review and the history of bundles. The bundle format itself is core-internal.

export const SITE_ID = /^[0-9a-f]{16}$/;
export const SIGN_PUBLIC = /^[0-9a-f]{64}$/;
/** A native X25519 age recipient only: post-quantum ones (age1pq1…) cannot be read by age 1.1.1. */
export const AGE_X25519_RECIPIENT = /^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/;
/** 32 hex digits in groups of four, read aloud over the phone to compare. */
export const FINGERPRINT = /^[0-9A-F]{4}( [0-9A-F]{4}){7}$/;

export const CARD_FORMAT = 'yuqing-ledger/contact-card';

/** A workstation's contact card: public keys only, handed over on a USB stick or by mail. */
export const contactCardSchema = z.strictObject({
  format: z.literal(CARD_FORMAT, { error: '不是舆情台账的工作站联系卡' }),
  version: z.literal(1, { error: '联系卡版本不受支持' }),
  name: text().trim().min(1, { error: '联系卡缺少工作站名称' }).max(100),
  site: text().regex(SITE_ID, { error: '联系卡中的工作站编号无效' }),
  signPublic: text().regex(SIGN_PUBLIC, { error: '联系卡中的签名公钥无效' }),
  ageRecipient: text().regex(AGE_X25519_RECIPIENT, { error: '联系卡中的加密公钥无效（须为 age1… X25519 公钥）' }),
  fingerprint: text().regex(FINGERPRINT, { error: '联系卡中的指纹格式无效' }),
  createdAt: z.iso.datetime(),
  /** The code in the workstation's incident numbers (YQ-2026-宣-0001); absent on cards of workstations without one. */
  code: workstationCodeSchema.optional(),
});
export type ContactCard = z.infer<typeof contactCardSchema>;

export const syncKeySchema = z.object({
  fingerprint: text(),
  createdAt: text(),
  retiredAt: text().nullable(),
});

export const syncIdentitySchema = z.object({
  siteId: text(),
  name: text(),
  /** The code in this workstation's incident numbers; '' while none is set. */
  code: text(),
  fingerprint: text(),
  signPublic: text(),
  ageRecipient: text(),
  createdAt: text(),
  /** Where the private keys are kept (a file path or the OS keychain), never the keys. */
  keyStore: text(),
  /** Earlier key pairs, kept to read bundles sent before a rotation. */
  retiredKeys: z.array(syncKeySchema),
});
export type SyncIdentity = z.infer<typeof syncIdentitySchema>;

export const peerSchema = z.object({
  siteId: text(),
  name: text(),
  /** The code on the peer's card ('' if it had none). */
  code: text(),
  fingerprint: text(),
  trusted: z.boolean(),
  addedAt: text(),
  /** Older keys still accepted for bundles signed before the peer rotated. */
  previousFingerprints: z.array(text()),
  lastImportAt: text().nullable(),
});
export type Peer = z.infer<typeof peerSchema>;

export const peerRef = text().trim().min(1, { error: '请指定对方工作站' }).max(100);
const passphrase = text().min(8, { error: '办公室口令至少 8 个字符' }).max(1024);

export const addPeerInputSchema = z.strictObject({
  cardText: text().min(1, { error: '请提供联系卡' }).max(64 * 1024, { error: '联系卡过大' }),
  /** Accepting a card is a trust decision: the fingerprint was compared by phone. */
  trusted: z.boolean().default(true),
});

export const exportBundleInputSchema = z.strictObject({
  path: filePath('save'),
  /** Peers (names or site ids): encrypted to them, and carrying what they are not known to have. */
  peers: z.array(peerRef).max(100).default([]),
  /** An office passphrase instead of peer keys (age allows one or the other, not both in one file). */
  passphrase: passphrase.optional(),
  /** Every operation, not just what the peers lack. */
  full: z.boolean().default(false),
  /** Also carry the contents of the attachments the bundle's records name (screenshots), not only their records. */
  attachments: z.boolean().default(false),
});

export const exportResultSchema = z.object({
  path: text(),
  bundleId: text(),
  opCount: z.number().int(),
  bytes: z.number().int(),
  full: z.boolean(),
  recipients: z.array(text()),
  passphrase: z.boolean(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const importBundleInputSchema = z.strictObject({
  path: filePath('open'),
  passphrase: text().min(1).max(1024).optional(),
  /** The person confirmed an import that deletes more than half of the ledger. */
  confirmMassDelete: z.boolean().default(false),
});

export const senderSchema = z.object({ siteId: text(), name: text(), fingerprint: text() });

export const importResultSchema = z.object({
  bundleId: text(),
  sender: senderSchema,
  createdAt: text(),
  /** Operations new to this ledger (the winning ones changed it; the others lost by last-writer-wins). */
  applied: z.number().int(),
  /** Operations this ledger already had. */
  duplicates: z.number().int(),
  conflicts: z.number().int(),
  /** Operations stamped more than 24 h ahead of this workstation's clock: held aside, not applied. */
  quarantined: z.number().int(),
  /** Earlier quarantined operations applied now that the clock has caught up. */
  released: z.number().int(),
  /** Incidents given a new number because another workstation had used theirs. */
  renumbered: z.number().int(),
  /** Rows the import marks deleted, and the live rows before it (for the confirmation). */
  deletions: z.number().int(),
  liveRows: z.number().int(),
  /** The bundle had been imported before: nothing changed. */
  alreadyImported: z.boolean(),
  /** Set by a preview: the import would need confirmMassDelete. */
  needsConfirmation: z.boolean(),
  messages: z.array(text()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const conflictSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['field', 'number']),
  at: text(),
  table: text(),
  rowId: text(),
  /** What a person recognises: the incident number and title, or the reference entry's name. */
  rowLabel: text(),
  column: text(),
  columnLabel: text(),
  winnerValue: z.unknown(),
  winnerSite: text(),
  loserValue: z.unknown(),
  loserSite: text(),
  status: z.enum(['open', 'accepted', 'kept_other', 'superseded']),
  resolvedAt: text().nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const bundleRecordSchema = z.object({
  bundleId: text(),
  direction: z.enum(['in', 'out']),
  peerSite: text(),
  peerName: text(),
  at: text(),
  createdAt: text(),
  file: text(),
  bytes: z.number().int(),
  opCount: z.number().int(),
  full: z.boolean(),
  passphrase: z.boolean(),
  applied: z.number().int(),
  duplicates: z.number().int(),
  conflicts: z.number().int(),
  quarantined: z.number().int(),
  renumbered: z.number().int(),
});
export type BundleRecord = z.infer<typeof bundleRecordSchema>;

export const quarantinedOpSchema = z.object({
  hlc: text(),
  site: text(),
  table: text(),
  rowId: text(),
  column: text(),
  bundleId: text(),
  receivedAt: text(),
  /** How far ahead of this workstation's clock the stamp lies, in hours. */
  aheadHours: z.number(),
});
export type QuarantinedOp = z.infer<typeof quarantinedOpSchema>;
