import { UNIT_KIND_LABELS } from '../../../shared/domain.js';
import type { Reference, Township, Unit } from '../../../shared/schemas.js';
import type { Command, OptionSpec, OptionValues } from '../command.js';

// `yq township …` and `yq unit …`: the office's 乡镇（街道） and 单位, listed (inactive ones too), added, renamed,
// deactivated, reactivated and deleted (only what nothing names). Same words for both; every call goes through
// the contract, so the names, uniqueness and "in use" checks are the core's.

interface NamedSpec<T extends { id: string; name: string; active: boolean }> {
  noun: string;
  what: string;
  rows: (reference: Reference) => T[];
  line: (row: T) => string;
  methods: { add: 'addTownship' | 'addUnit'; update: 'updateTownship' | 'updateUnit'; remove: 'deleteTownship' | 'deleteUnit' };
  addOptions: Record<string, OptionSpec>;
  addSynopsis: string;
  addInput: (name: string, values: OptionValues) => Record<string, unknown>;
}

const inactive = (row: { active: boolean }) => (row.active ? '' : '  （已停用）');
const unitLine = (u: Unit) => `${u.name}  ${UNIT_KIND_LABELS[u.kind]}${inactive(u)}`;

function namedCommands<T extends { id: string; name: string; active: boolean }>(spec: NamedSpec<T>): Command[] {
  const { noun, what, methods } = spec;
  const one = (value: unknown) => spec.line(value as T);
  const target = { min: 1, max: 1, name: `${what}名称或 ID` };
  const toggle = (verb: 'activate' | 'deactivate', active: boolean, summary: string): Command => ({
    words: `${noun} ${verb}`,
    synopsis: '名称或ID',
    summary,
    options: {},
    positionals: target,
    plan: ({ args }) => ({ method: methods.update, input: { id: args[0], active }, human: one }),
  });
  return [
    {
      words: `${noun} list`,
      synopsis: '',
      summary: `列出${what}（含已停用的）`,
      options: {},
      positionals: { min: 0, max: 0 },
      plan: () => ({
        method: 'getReference',
        input: {},
        present: (reference) => spec.rows(reference as Reference),
        human: (rows) => (rows as T[]).map(spec.line).join('\n') || `（没有${what}）`,
      }),
    },
    {
      words: `${noun} add`,
      synopsis: spec.addSynopsis,
      summary: `新增${what}（名称不能与现有的重复）`,
      options: spec.addOptions,
      positionals: { min: 1, max: 1, name: `${what}名称` },
      plan: ({ args, values }) => ({ method: methods.add, input: spec.addInput(args[0] ?? '', values), human: one }),
    },
    {
      words: `${noun} rename`,
      synopsis: '名称或ID 新名称',
      summary: `${what}改名（已登记的舆情事件随之显示新名称）`,
      options: {},
      positionals: { min: 2, max: 2, name: `${what}名称和新名称` },
      plan: ({ args }) => ({ method: methods.update, input: { id: args[0], name: args[1] }, human: one }),
    },
    toggle('deactivate', false, `停用${what}：已登记的记录照常显示，新登记时不再可选`),
    toggle('activate', true, `重新启用已停用的${what}`),
    {
      words: `${noun} delete`,
      synopsis: '名称或ID',
      summary: `删除${what}（只能删除未被使用的；已使用的请停用）`,
      options: {},
      positionals: target,
      plan: ({ args }) => ({ method: methods.remove, input: { id: args[0] }, human: () => `已删除${what}“${args[0]}”` }),
    },
  ];
}

const kindChoices = Object.values(UNIT_KIND_LABELS).join('/');

export const townshipCommands = namedCommands<Township>({
  noun: 'township',
  what: '乡镇（街道）',
  rows: (reference) => reference.townships,
  line: (t) => `${t.name}${inactive(t)}`,
  methods: { add: 'addTownship', update: 'updateTownship', remove: 'deleteTownship' },
  addOptions: {},
  addSynopsis: '名称',
  addInput: (name) => ({ name }),
});

export const unitCommands: Command[] = [
  ...namedCommands<Unit>({
    noun: 'unit',
    what: '单位',
    rows: (reference) => reference.units,
    line: unitLine,
    methods: { add: 'addUnit', update: 'updateUnit', remove: 'deleteUnit' },
    addOptions: { kind: { type: 'string' } },
    addSynopsis: `名称 [--kind 类型：${kindChoices}，默认县政府部门]`,
    addInput: (name, values) => ({ name, ...(values.kind !== undefined ? { kind: values.kind } : {}) }),
  }),
  {
    words: 'unit kind',
    synopsis: '名称或ID 类型',
    summary: `修改单位类型（${kindChoices}）`,
    options: {},
    positionals: { min: 2, max: 2, name: '单位名称和类型' },
    plan: ({ args }) => ({ method: 'updateUnit', input: { id: args[0], kind: args[1] }, human: (value) => unitLine(value as Unit) }),
  },
];
