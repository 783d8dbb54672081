import type { BackupCheckReport, BackupEntry, BackupMade } from '../../../shared/api/backup.js';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { UsageError } from '../options.js';
import type { Command } from '../command.js';
import { passphraseFrom } from './sync.js';

// 备份与恢复 from the command line: backups (made and checked by the core), restore with a safety copy, and the
// key recovery file. Passphrases only through --passphrase-env, as for bundles.

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function requiredPassphrase(values: Parameters<typeof passphraseFrom>[0]): string {
  const { passphrase } = passphraseFrom(values);
  if (passphrase === undefined) throw new UsageError('需要 --passphrase-env 变量（办公室口令所在的环境变量）');
  return passphrase;
}

export const backupCommands: Command[] = [
  {
    words: 'backup create',
    synopsis: '[--to 文件夹] [--passphrase-env 变量]',
    summary: '立即备份台账（SQLite 在线备份，检查通过后才保存；默认存入台账旁的 backups 文件夹及设置的第二文件夹）',
    options: { to: { type: 'string' }, 'passphrase-env': { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => ({
      method: 'createBackup',
      input: { ...(typeof values.to === 'string' ? { to: values.to } : {}), ...passphraseFrom(values) },
      human: (v) => {
        const b = v as BackupMade;
        return [
          `已备份并检查通过：${b.file}（${mib(b.bytes)}，事件 ${b.incidents} 件，承诺 ${b.commitments} 项${b.encrypted ? '，已用办公室口令加密' : ''}）`,
          ...(b.secondFile ? [`第二备份文件夹：${b.secondFile}`] : []),
          ...(b.secondError ? [`第二备份文件夹不可用：${b.secondError}`] : []),
        ].join('\n');
      },
    }),
  },
  {
    words: 'backup list',
    synopsis: '[--in 文件夹]',
    summary: '列出备份（最新的在前）',
    options: { in: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => ({
      method: 'listBackups',
      input: typeof values.in === 'string' ? { in: values.in } : {},
      human: (v) => {
        const list = v as BackupEntry[];
        if (list.length === 0) return '没有备份';
        return list
          .map((b) => `${formatChinaDateTime(b.at)}  ${mib(b.bytes)}  事件 ${b.incidents ?? '?'} 件  ${b.verified ? '已检查' : '未检查'}${b.encrypted ? '  已加密' : ''}  ${b.file}`)
          .join('\n');
      },
    }),
  },
  {
    words: 'backup verify',
    synopsis: '备份文件 [--passphrase-env 变量]',
    summary: '检查一份备份（完整性、审计链、数量；不完好时退出码 1）',
    options: { 'passphrase-env': { type: 'string' } },
    positionals: { min: 1, max: 1, name: '备份文件' },
    plan: ({ args, values }) => ({
      method: 'verifyBackup',
      input: { file: args[0], ...passphraseFrom(values) },
      failed: (v) => !(v as BackupCheckReport).ok,
      human: (v) => {
        const r = v as BackupCheckReport;
        return r.ok
          ? `备份完好：事件 ${r.incidents} 件，承诺 ${r.commitments} 项，审计记录 ${r.auditEntries} 条（${r.siteName}）`
          : `备份不可用：${r.reason ?? ''}`;
      },
    }),
  },
  {
    words: 'restore',
    synopsis: '备份文件 [--passphrase-env 变量]',
    summary: '从备份恢复台账（当前文件保留为安全副本；恢复后本工作站改用新的同步标识，对方下次同步时补回缺失内容）',
    options: { 'passphrase-env': { type: 'string' } },
    positionals: { min: 1, max: 1, name: '备份文件' },
    plan: ({ args, values }) => ({
      method: 'restoreBackup',
      input: { file: args[0], ...passphraseFrom(values) },
      human: (v) => {
        const r = v as { restoredFrom: string; safetyCopy: string | null; site: string; incidents: number };
        return `已从 ${r.restoredFrom} 恢复（事件 ${r.incidents} 件）；新的同步标识 ${r.site}。${r.safetyCopy ? `原文件保留为 ${r.safetyCopy}` : ''}`;
      },
    }),
  },
  {
    words: 'keys export',
    synopsis: '--out 文件 --passphrase-env 变量',
    summary: '导出本工作站的密钥恢复文件（用办公室口令加密；重装系统后用 keys import 导入）',
    options: { out: { type: 'string' }, 'passphrase-env': { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      if (typeof values.out !== 'string' || values.out === '') throw new UsageError('需要 --out 文件');
      return {
        method: 'exportKeys',
        input: { out: values.out, passphrase: requiredPassphrase(values) },
        human: (v) => `已导出密钥恢复文件 ${(v as { file: string }).file}（请与办公室口令分开保管）`,
      };
    },
  },
  {
    words: 'keys import',
    synopsis: '恢复文件 --passphrase-env 变量',
    summary: '导入密钥恢复文件（恢复本工作站的签名和解密密钥）',
    options: { 'passphrase-env': { type: 'string' } },
    positionals: { min: 1, max: 1, name: '恢复文件' },
    plan: ({ args, values }) => ({
      method: 'importKeys',
      input: { file: args[0], passphrase: requiredPassphrase(values) },
      human: (v) => `已导入密钥，指纹 ${(v as { fingerprint: string }).fingerprint}`,
    }),
  },
];
