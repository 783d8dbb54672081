import { readFileSync } from 'node:fs';
import type { AppInfo } from '../../../shared/schemas.js';
import type { BundleRecord, Conflict, ExportResult, ImportResult, Peer, SyncIdentity } from '../../../shared/sync-schemas.js';
import { intOption, UsageError } from '../options.js';
import type { Command, OptionValues } from '../command.js';

// Sync from the command line: identity and contact card, peers, bundles, conflicts. A passphrase is never an
// argument (it would sit in the shell history and the process list): --passphrase-env names a variable.

export function passphraseFrom(values: OptionValues): { passphrase?: string } {
  const name = values['passphrase-env'];
  if (name === undefined) return {};
  if (typeof name !== 'string' || name === '') throw new UsageError('--passphrase-env 需要一个环境变量名');
  const value = process.env[name];
  if (value === undefined || value === '') throw new UsageError(`环境变量 ${name} 未设置（--passphrase-env 指定的办公室口令）`);
  return { passphrase: value };
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`无法读取${what} ${path}`);
  }
}

const peerLine = (p: Peer) => `${p.name}  ${p.siteId}  ${p.trusted ? '信任' : '未信任'}  指纹 ${p.fingerprint}`;

export const syncCommands: Command[] = [
  {
    words: 'identity',
    synopsis: '[--name 名称] [--code 代码]',
    summary: '本工作站的同步身份（编号、名称、编号代码、公钥指纹；首次使用时生成密钥）；--name 改名；--code 设定事件编号中的代码',
    options: { name: { type: 'string' }, code: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) =>
      typeof values.name === 'string' || typeof values.code === 'string'
        ? {
            before: typeof values.name === 'string' && typeof values.code === 'string' ? [{ method: 'renameWorkstation', input: { name: values.name } }] : [],
            ...(typeof values.code === 'string'
              ? { method: 'setWorkstationCode' as const, input: { code: values.code } }
              : { method: 'renameWorkstation' as const, input: { name: values.name } }),
            present: (v) => {
              const info = v as AppInfo;
              return { siteId: info.siteId, name: info.siteName, code: info.siteCode };
            },
            // Peers keep the name and code from the card they added; only a new card tells them.
            human: (v) => {
              const w = v as { siteId: string; name: string; code: string };
              return typeof values.code === 'string'
                ? `本工作站“${w.name}”（${w.siteId}）的编号代码为“${w.code}”，此后登记的事件编号如 YQ-年份-${w.code}-0001。请重新导出联系卡（yq card export）交给对方添加。`
                : `本工作站已命名为“${w.name}”（${w.siteId}）。对方工作站仍显示添加联系卡时的名称：请重新导出联系卡（yq card export）交给对方添加。`;
            },
          }
        : {
            method: 'getSyncIdentity',
            input: {},
            human: (v) => {
              const id = v as SyncIdentity;
              return `${id.name}（${id.siteId}）\n编号代码：${id.code || '未设（yq identity --code 宣）'}\n指纹：${id.fingerprint}\n私钥位置：${id.keyStore}`;
            },
          },
  },
  {
    words: 'card export',
    synopsis: '输出文件',
    summary: '导出本工作站的联系卡（交给对方添加；请电话核对指纹）',
    options: {},
    positionals: { min: 1, max: 1, name: '输出文件' },
    plan: ({ args }) => ({
      method: 'exportContactCard',
      input: { path: args[0] },
      human: (v) => {
        const r = v as { path: string; fingerprint: string };
        return `联系卡已写入 ${r.path}\n指纹：${r.fingerprint}`;
      },
    }),
  },
  {
    words: 'peer add',
    synopsis: '联系卡文件 [--untrusted]',
    summary: '添加对方工作站（核对过指纹即信任；--untrusted 仅登记）',
    options: { untrusted: { type: 'boolean' } },
    positionals: { min: 1, max: 1, name: '联系卡文件' },
    plan: ({ args, values }) => ({
      method: 'addPeer',
      input: { cardText: readText(args[0]!, '联系卡文件'), trusted: values.untrusted !== true },
      human: (v) => `已添加：${peerLine(v as Peer)}`,
    }),
  },
  {
    words: 'peer list',
    synopsis: '',
    summary: '列出对方工作站',
    options: {},
    positionals: { min: 0, max: 0 },
    plan: () => ({
      method: 'listPeers',
      input: {},
      human: (v) => ((v as Peer[]).length === 0 ? '（尚未添加对方工作站）' : (v as Peer[]).map(peerLine).join('\n')),
    }),
  },
  {
    words: 'peer trust',
    synopsis: '名称或编号 [--untrusted]',
    summary: '信任（或 --untrusted 取消信任）对方工作站',
    options: { untrusted: { type: 'boolean' } },
    positionals: { min: 1, max: 1, name: '对方工作站名称或编号' },
    plan: ({ args, values }) => ({
      method: 'setPeerTrust',
      input: { peer: args[0], trusted: values.untrusted !== true },
      human: (v) => peerLine(v as Peer),
    }),
  },
  {
    words: 'bundle export',
    synopsis: '--out 文件 [--peer 名称]... [--passphrase-env 变量] [--full] [--attachments]',
    summary: '导出同步包：给对方尚未有的操作（--full 全部），加密给对方或办公室口令',
    options: {
      out: { type: 'string' },
      peer: { type: 'string', multiple: true },
      'passphrase-env': { type: 'string' },
      full: { type: 'boolean' },
      attachments: { type: 'boolean' },
    },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      if (typeof values.out !== 'string') throw new UsageError('需要 --out 文件（同步包的保存位置）');
      const peers = Array.isArray(values.peer) ? values.peer : [];
      return {
        method: 'exportBundle',
        input: { path: values.out, peers, full: values.full === true, attachments: values.attachments === true, ...passphraseFrom(values) },
        human: (v) => {
          const r = v as ExportResult;
          const to = r.passphrase ? '办公室口令' : r.recipients.join('、');
          return `已导出 ${r.opCount} 条操作（${r.full ? '全部' : '增量'}，${r.bytes} 字节）到 ${r.path}，加密给：${to}`;
        },
      };
    },
  },
  {
    words: 'bundle import',
    synopsis: '文件 [--passphrase-env 变量] [--confirm-delete]',
    summary: '导入同步包（JSON 输出 applied/duplicates/conflicts/quarantined）',
    options: { 'passphrase-env': { type: 'string' }, 'confirm-delete': { type: 'boolean' } },
    positionals: { min: 1, max: 1, name: '同步包文件' },
    plan: ({ args, values }) => ({
      method: 'importBundle',
      input: { path: args[0], confirmMassDelete: values['confirm-delete'] === true, ...passphraseFrom(values) },
      present: (v) => {
        const r = v as ImportResult;
        return { applied: r.applied, duplicates: r.duplicates, conflicts: r.conflicts, quarantined: r.quarantined };
      },
      human: (v) => {
        const r = v as Pick<ImportResult, 'applied' | 'duplicates' | 'conflicts' | 'quarantined'>;
        return `已导入：新操作 ${r.applied} 条，已有 ${r.duplicates} 条，冲突 ${r.conflicts} 条，隔离 ${r.quarantined} 条`;
      },
    }),
  },
  {
    words: 'bundle history',
    synopsis: '[--limit N]',
    summary: '同步包收发记录',
    options: { limit: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => {
      const limit = intOption(values, 'limit');
      return {
        method: 'bundleHistory',
        input: limit !== undefined ? { limit } : {},
        human: (v) =>
          (v as BundleRecord[])
            .map((b) =>
              b.direction === 'in'
                ? `${b.at}  收到 ${b.peerName}  ${b.opCount} 条（新 ${b.applied}，冲突 ${b.conflicts}，隔离 ${b.quarantined}）  ${b.file}`
                : `${b.at}  发出 → ${b.peerName}  ${b.opCount} 条  ${b.file}`,
            )
            .join('\n') || '（没有记录）',
      };
    },
  },
  {
    words: 'conflict list',
    synopsis: '[--all]',
    summary: '待复核的同步冲突（--all 含已处理）',
    options: { all: { type: 'boolean' } },
    positionals: { min: 0, max: 0 },
    plan: ({ values }) => ({
      method: 'listConflicts',
      input: { openOnly: values.all !== true },
      human: (v) =>
        (v as Conflict[])
          .map((c) => `#${c.id}  ${c.rowLabel}  ${c.columnLabel}：采用 ${JSON.stringify(c.winnerValue)}，另一值 ${JSON.stringify(c.loserValue)}  [${c.status}]`)
          .join('\n') || '（没有待复核的冲突）',
    }),
  },
  {
    words: 'conflict keep-other',
    synopsis: '冲突编号',
    summary: '改用冲突中另一工作站的值（作为新的修改同步出去）',
    options: {},
    positionals: { min: 1, max: 1, name: '冲突编号' },
    plan: ({ args }) => {
      if (!/^\d+$/.test(args[0]!)) throw new UsageError(`冲突编号应为正整数，收到“${args[0]}”`);
      return { method: 'keepOtherValue', input: { id: Number(args[0]) }, human: (v) => `已改用另一值：${(v as Conflict).rowLabel}` };
    },
  },
];

