import { z } from 'zod';
import { text } from '../text.js';
import { filePath, typedFolder } from '../file-path.js';
import { noInput } from './app.js';

// 备份与恢复: backups of the ledger (made by the core with SQLite's online backup API, checked before they are
// kept), restore with a safety copy, the key recovery file, and what to do when the keychain cannot open the
// keys. Each workstation backs up its own copy: none of this is synced.

const newPassphrase = text().min(8, { error: '办公室口令至少 8 个字符' }).max(1024);
const givenPassphrase = text().min(1, { error: '请输入办公室口令' }).max(1024);

export const rotationPolicySchema = z.strictObject({
  daily: z.number({ error: '请填写保留天数' }).int({ error: '请填写整数' }).min(1, { error: '每日备份至少保留 1 份' }).max(366, { error: '每日备份最多保留 366 份' }),
  weekly: z.number({ error: '请填写保留周数' }).int({ error: '请填写整数' }).min(0, { error: '不能为负数' }).max(520, { error: '每周备份最多保留 520 份' }),
  monthly: z.number({ error: '请填写保留月数' }).int({ error: '请填写整数' }).min(0, { error: '不能为负数' }).max(1200, { error: '每月备份最多保留 1200 份' }),
});

export const backupEntrySchema = z.object({
  file: text(),
  at: text(),
  bytes: z.number().int(),
  encrypted: z.boolean(),
  verified: z.boolean(),
  incidents: z.number().int().nullable(),
  commitments: z.number().int().nullable(),
  siteName: text().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupCheckSchema = z.object({
  ok: z.boolean(),
  reason: text().optional(),
  file: text(),
  incidents: z.number().int(),
  commitments: z.number().int(),
  auditEntries: z.number().int(),
  schemaVersion: z.number().int(),
  siteId: text(),
  siteName: text(),
});
export type BackupCheckReport = z.infer<typeof backupCheckSchema>;

export const backupMadeSchema = z.object({
  file: text(),
  at: text(),
  incidents: z.number().int(),
  commitments: z.number().int(),
  auditEntries: z.number().int(),
  bytes: z.number().int(),
  ledgerBytes: z.number().int(),
  verified: z.literal(true),
  encrypted: z.boolean(),
  attachmentsCopied: z.number().int(),
  /** The copy in the office's second folder, or why it could not be made. */
  secondFile: text().nullable(),
  secondError: text().nullable(),
  pruned: z.number().int(),
});
export type BackupMade = z.infer<typeof backupMadeSchema>;

export const backupOverviewSchema = z.object({
  dir: text(),
  secondDir: text().nullable(),
  policy: rotationPolicySchema,
  lastGoodAt: text().nullable(),
  lastFailure: z.object({ at: text(), reason: text() }).nullable(),
  secondDirOk: z.boolean().nullable(),
  /** The 工作台 warning: no good backup for 3 days, or the second folder could not be reached. */
  warning: z.object({ stale: z.boolean(), secondDirUnreachable: z.boolean() }),
  backups: z.array(backupEntrySchema),
  /** The safety copy the last restore kept, which "撤销恢复" puts back. */
  lastRestore: z.object({ restoredFrom: text(), at: text(), safetyCopy: text().nullable() }).nullable(),
});
export type BackupOverview = z.infer<typeof backupOverviewSchema>;

export const restoreResultSchema = z.object({
  restoredFrom: text(),
  safetyCopy: text().nullable(),
  formerSite: text(),
  site: text(),
  incidents: z.number().int(),
  commitments: z.number().int(),
  attachmentsCopied: z.number().int(),
});

export const keysFileSchema = z.object({ file: text(), site: text(), keys: z.number().int(), fingerprint: text() });

export const backupMethods = {
  getBackupOverview: { input: noInput, output: backupOverviewSchema },
  setBackupSettings: {
    input: z.strictObject({ secondDir: typedFolder().nullable(), policy: rotationPolicySchema }),
    output: backupOverviewSchema,
  },
  /** Backs up now (into `to` instead of the ledger's folder when given; sealed with the passphrase when given). */
  createBackup: {
    input: z.strictObject({ to: filePath('save').optional(), passphrase: newPassphrase.optional() }).default({}),
    output: backupMadeSchema,
  },
  /** Backs up if the schedule says so: the shell asks when idle and when quitting. */
  runDueBackup: { input: z.strictObject({ moment: z.enum(['idle', 'quit']) }), output: z.object({ made: backupMadeSchema.nullable() }) },
  /** The backups in the ledger's folder, or in `in` (yq's --in; the page never names a folder: the overview lists). */
  listBackups: { input: z.strictObject({ in: filePath('open').optional() }).default({}), output: z.array(backupEntrySchema) },
  /** Checks a backup: one the ledger lists, or one picked in a dialog (a page may name no other, see file-path.ts). */
  verifyBackup: { input: z.strictObject({ file: filePath('backup'), passphrase: givenPassphrase.optional() }), output: backupCheckSchema },
  /** Replaces the ledger with a checked backup, keeping the current file as a safety copy. */
  restoreBackup: { input: z.strictObject({ file: filePath('backup'), passphrase: givenPassphrase.optional() }), output: restoreResultSchema },
  /** Puts back the safety copy the last restore kept. */
  undoRestore: { input: noInput, output: z.object({ safetyCopy: text(), restoredKeptAs: text() }) },
  /** The workstation's keys, sealed with the office passphrase, for a reinstalled machine. */
  exportKeys: { input: z.strictObject({ out: filePath('save'), passphrase: newPassphrase }), output: keysFileSchema },
  importKeys: { input: z.strictObject({ file: filePath('open'), passphrase: givenPassphrase }), output: keysFileSchema },
  /** New keys when the old ones cannot be opened (peers add the new card; the old one is marked replaced). */
  replaceLostKeys: { input: noInput, output: keysFileSchema.omit({ file: true }) },
} as const;
