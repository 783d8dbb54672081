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
  return { siteId: info.siteId, name: info.siteName, code: info.siteCode, schemaVersion: info.schemaVersion };
};

export const workstationCommands: Command[] = [
  {
    words: 'init',
    synopsis: '[--name 名称] [--code 代码]',
    summary:
      '创建台账（已存在则不变），输出工作站编号、名称、代码与结构版本；--name 为本工作站命名（已有台账则改名）；' +
      '--code 设定本工作站在事件编号中的代码（如 宣 → YQ-2026-宣-0001，各工作站互不相同）',
    options: { name: { type: 'string' }, code: { type: 'string' } },
    positionals: { min: 0, max: 0 },
    newLedger: (values: OptionValues) => {
      const fresh: { siteName?: string; siteCode?: string } = {};
      if (values.name !== undefined) {
        const parsed = contract.renameWorkstation.input.safeParse({ name: values.name });
        if (!parsed.success) throw invalidInput(parsed.error);
        fresh.siteName = parsed.data.name;
      }
      if (values.code !== undefined) {
        const parsed = contract.setWorkstationCode.input.safeParse({ code: values.code });
        if (!parsed.success) throw invalidInput(parsed.error);
        fresh.siteCode = parsed.data.code;
      }
      return fresh;
    },
    // On a new ledger the name and code are already set and these calls change nothing; on an existing one they do.
    plan: ({ values }) => ({
      before: typeof values.name === 'string' ? [{ method: 'renameWorkstation', input: { name: values.name } }] : [],
      ...(typeof values.code === 'string' ? { method: 'setWorkstationCode', input: { code: values.code } } : { method: 'getAppInfo', input: {} }),
      present: workstation,
      human: (v) => {
        const w = v as ReturnType<typeof workstation>;
        return `台账已就绪：工作站“${w.name}”（${w.siteId}）${w.code ? `，编号代码“${w.code}”` : '，尚未设编号代码'}，结构版本 ${w.schemaVersion}`;
      },
    }),
  },
];
