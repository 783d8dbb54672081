import { contract } from '../../../shared/contract.js';
import { invalidInput } from '../../../shared/errors.js';
import type { AppInfo } from '../../../shared/schemas.js';
import type { Command, OptionValues } from '../command.js';

// `init`: creates the ledger (or finds it), optionally naming this workstation. Naming goes through the
// contract's renameWorkstation, so it is validated and audited exactly as in 设置; on a new ledger the name is
// checked before the file exists, so a bad name leaves nothing behind.

/** What init prints: the workstation, not the app build. */
const workstation = (v: unknown) => {
  const info = v as AppInfo;
  return { siteId: info.siteId, name: info.siteName, schemaVersion: info.schemaVersion };
};

export const workstationCommands: Command[] = [
  {
    words: 'init',
    synopsis: '[--name 名称]',
    summary: '创建台账（已存在则不变），输出工作站编号、名称与结构版本；--name 为本工作站命名（已有台账则改名）',
    options: { name: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    newLedger: (values: OptionValues) => {
      if (values.name === undefined) return {};
      const parsed = contract.renameWorkstation.input.safeParse({ name: values.name });
      if (!parsed.success) throw invalidInput(parsed.error);
      return { siteName: parsed.data.name };
    },
    // On a new ledger the name is already set and the rename changes nothing; on an existing one it renames.
    plan: ({ values }) => ({
      ...(typeof values.name === 'string' ? { method: 'renameWorkstation', input: { name: values.name } } : { method: 'getAppInfo', input: {} }),
      present: workstation,
      human: (v) => {
        const w = v as ReturnType<typeof workstation>;
        return `台账已就绪：工作站“${w.name}”（${w.siteId}），结构版本 ${w.schemaVersion}`;
      },
    }),
  },
];
