import { z } from 'zod';
import { filePath } from '../sync-schemas.js';
import { noInput } from './app.js';

// 备份与恢复: backups of the ledger (made by the core with SQLite's online backup API, checked before they are
// kept), restore with a safety copy, the key recovery file, and what to do when the keychain cannot open the
// keys. Each workstation backs up its own copy: none of this is synced.

const newPassphrase = z.string().min(8, { error: '办公室口令至少 8 个字符' }).max(1024);
const givenPassphrase = z.string().min(1, { error: '请输入办公室口令' }).max(1024);

export const rotationPolicySchema = z.strictObject({
  daily: z.number({ error: '请填写保留天数' }).int({ error: '请填写整数' }).min(1, { error: '每日备份至少保留 1 份' }).max(366, { error: '每日备份最多保留 366 份' }),
  weekly: z.number({ error: '请填写保留周数' }).int({ error: '请填写整数' }).min(0, { error: '不能为负数' }).max(520, { error: '每周备份最多保留 520 份' }),
  monthly: z.number({ error: '请填写保留月数' }).int({ error: '请填写整数' }).min(0, { error: '不能为负数' }).max(1200, { error: '每月备份最多保留 1200 份' }),
});

export const backupEntrySchema = z.object({
  file: z.string(),
  at: z.string(),
  bytes: z.number().int(),
  encrypted: z.boolean(),
  verified: z.boolean(),
  incidents: z.number().int().nullable(),
  commitments: z.number().int().nullable(),
  siteName: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupCheckSchema = z.object({
  ok: z.boolean(),
  reason: z.string().optional(),
  file: z.string(),
  incidents: z.number().int(),
  commitments: z.number().int(),
  auditEntries: z.number().int(),
  schemaVersion: z.number().int(),
  siteId: z.string(),
  siteName: z.string(),
});
export type BackupCheckReport = z.infer<typeof backupCheckSchema>;

export const backupMadeSchema = z.object({
  file: z.string(),
  at: z.string(),
  incidents: z.number().int(),
  commitments: z.number().int(),
  auditEntries: z.number().int(),
  bytes: z.number().int(),
  ledgerBytes: z.number().int(),
  verified: z.literal(true),
  encrypted: z.boolean(),
  attachmentsCopied: z.number().int(),
  /** The copy in the office's second folder, or why it could not be made. */
  secondFile: z.string().nullable(),
  secondError: z.string().nullable(),
  pruned: z.number().int(),
});
export type BackupMade = z.infer<typeof backupMadeSchema>;

export const backupOverviewSchema = z.object({
  dir: z.string(),
  secondDir: z.string().nullable(),
  policy: rotationPolicySchema,
  lastGoodAt: z.string().nullable(),
  lastFailure: z.object({ at: z.string(), reason: z.string() }).nullable(),
  secondDirOk: z.boolean().nullable(),
  /** The 工作台 warning: no good backup for 3 days, or the second folder could not be reached. */
  warning: z.object({ stale: z.boolean(), secondDirUnreachable: z.boolean() }),
  backups: z.array(backupEntrySchema),
  /** The safety copy the last restore kept, which "撤销恢复" puts back. */
  lastRestore: z.object({ restoredFrom: z.string(), at: z.string(), safetyCopy: z.string().nullable() }).nullable(),
});
export type BackupOverview = z.infer<typeof backupOverviewSchema>;

export const restoreResultSchema = z.object({
  restoredFrom: z.string(),
  safetyCopy: z.string().nullable(),
  formerSite: z.string(),
  site: z.string(),
  incidents: z.number().int(),
  commitments: z.number().int(),
  attachmentsCopied: z.number().int(),
});

export const keysFileSchema = z.object({ file: z.string(), site: z.string(), keys: z.number().int(), fingerprint: z.string() });

export const backupMethods = {
  getBackupOverview: { input: noInput, output: backupOverviewSchema },
  setBackupSettings: {
    input: z.strictObject({ secondDir: z.string().trim().max(4096).nullable(), policy: rotationPolicySchema }),
    output: backupOverviewSchema,
  },
  /** Backs up now (into `to` instead of the ledger's folder when given; sealed with the passphrase when given). */
  createBackup: {
    input: z.strictObject({ to: filePath.optional(), passphrase: newPassphrase.optional() }).default({}),
    output: backupMadeSchema,
  },
  /** Backs up if the schedule says so: the shell asks when idle and when quitting. */
  runDueBackup: { input: z.strictObject({ moment: z.enum(['idle', 'quit']) }), output: z.object({ made: backupMadeSchema.nullable() }) },
  listBackups: { input: z.strictObject({ in: filePath.optional() }).default({}), output: z.array(backupEntrySchema) },
  verifyBackup: { input: z.strictObject({ file: filePath, passphrase: givenPassphrase.optional() }), output: backupCheckSchema },
  /** Replaces the ledger with a checked backup, keeping the current file as a safety copy. */
  restoreBackup: { input: z.strictObject({ file: filePath, passphrase: givenPassphrase.optional() }), output: restoreResultSchema },
  /** Puts back the safety copy the last restore kept. */
  undoRestore: { input: noInput, output: z.object({ safetyCopy: z.string(), restoredKeptAs: z.string() }) },
  /** The workstation's keys, sealed with the office passphrase, for a reinstalled machine. */
  exportKeys: { input: z.strictObject({ out: filePath, passphrase: newPassphrase }), output: keysFileSchema },
  importKeys: { input: z.strictObject({ file: filePath, passphrase: givenPassphrase }), output: keysFileSchema },
  /** New keys when the old ones cannot be opened (peers add the new card; the old one is marked replaced). */
  replaceLostKeys: { input: noInput, output: keysFileSchema.omit({ file: true }) },
} as const;
