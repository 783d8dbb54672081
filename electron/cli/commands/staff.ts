import type { StaffMember } from '../../../shared/api/staff.js';
import type { Command } from '../command.js';

// `yq staff add|list|deactivate|choose`: the people of this workstation. Any write command takes `--as 姓名` for the
// person acting (checked against this list); `staff choose` remembers a person for the app and later commands.

const line = (m: StaffMember) => `${m.name}${m.post ? `  ${m.post}` : ''}${m.active ? '' : '  （已停用）'}`;

export const staffCommands: Command[] = [
  {
    words: 'staff add',
    synopsis: '姓名 [--post 岗位]',
    summary: '添加本工作站的人员（审计记录、登记人、跟进人都以此署名）',
    options: { post: { type: 'string' } },
    positionals: { min: 1, max: 1, name: '姓名' },
    plan: ({ args, values }) => ({
      method: 'addStaff',
      input: { name: args[0], ...(typeof values.post === 'string' ? { post: values.post } : {}) },
      human: (v) => `已添加：${line(v as StaffMember)}`,
    }),
  },
  {
    words: 'staff list',
    synopsis: '',
    summary: '列出本工作站的人员（含已停用）与当前使用者',
    options: {},
    positionals: { min: 0, max: 0 },
    plan: () => ({
      method: 'listStaff',
      input: {},
      human: (v) => {
        const { staff, current } = v as { staff: StaffMember[]; current: string };
        return [...staff.map(line), `当前使用者：${current || '未选择'}`].join('\n');
      },
    }),
  },
  {
    words: 'staff deactivate',
    synopsis: '姓名',
    summary: '停用人员（其已做的记录仍署其名）',
    options: {},
    positionals: { min: 1, max: 1, name: '姓名' },
    plan: ({ args }) => ({ method: 'deactivateStaff', input: { name: args[0] }, human: (v) => `已停用：${line(v as StaffMember)}` }),
  },
  {
    words: 'staff choose',
    synopsis: '姓名',
    summary: '选择本机当前使用者（记住，直至更换）',
    options: {},
    positionals: { min: 1, max: 1, name: '姓名' },
    plan: ({ args }) => ({ method: 'chooseStaff', input: { name: args[0] }, human: (v) => `当前使用者：${(v as { current: string }).current}` }),
  },
];
