import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type RenderedApp, renderApp } from './render-app.js';
import { must } from './seed.js';

// 设置 → 乡镇（街道）, 单位 and 回应时限 against the real core: what the office edits there is stored, refused in
// Chinese where the core refuses it (nothing stored then), and reaches the 登记 form at once through the
// session's reference data.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
  vi.restoreAllMocks();
});

const incident = { title: '某小区供暖不热', platform: '微博', foundAt: '2026-11-28 08:00', severity: '较大', categories: ['其他'] };

const SECTION_OF: Record<string, string> = { 'township-editor': 'townships', 'unit-editor': 'units', 'rules-editor': 'rules' };

async function openSettings(testId: string) {
  await app!.user.click(screen.getByTestId('nav-settings'));
  await app!.user.click(screen.getByTestId(`settings-tab-${SECTION_OF[testId]}`));
  return within(await screen.findByTestId(testId));
}

/** The option labels of a select in a freshly opened 登记 form (closed again). */
async function registerOptions(label: string): Promise<string[]> {
  const { user } = app!;
  await user.click(screen.getByRole('button', { name: '舆情台账' }));
  await user.click(await screen.findByTestId('register-open'));
  const form = await screen.findByTestId('register-form');
  const options = [...within(form).getByLabelText<HTMLSelectElement>(label).options].map((o) => o.text);
  await user.click(within(form).getByRole('button', { name: '关闭' }));
  await waitFor(() => expect(screen.queryByTestId('register-form')).toBeNull());
  return options;
}

describe('设置 → 乡镇（街道）', () => {
  it('adds, renames, deactivates and reactivates; the 登记 form follows; an in-use township cannot be deleted', async () => {
    app = await renderApp();
    const { user, api } = app;
    let editor = await openSettings('township-editor');
    const add = within(editor.getByTestId('new-township'));

    // Refusals from the core, placed under the name; nothing stored.
    const count = (await must(api.getReference())).townships.length;
    await user.click(add.getByRole('button', { name: '新增乡镇（街道）' }));
    expect(await add.findByText('请填写乡镇（街道）名称')).toBeTruthy();
    await user.type(add.getByLabelText('乡镇（街道）名称'), '羊山镇');
    await user.click(add.getByRole('button', { name: '新增乡镇（街道）' }));
    expect(await add.findByText('已有名为“羊山镇”的乡镇（街道）')).toBeTruthy();
    expect(add.getByLabelText('乡镇（街道）名称').getAttribute('aria-invalid')).toBe('true');
    expect((await must(api.getReference())).townships).toHaveLength(count);

    await user.clear(add.getByLabelText('乡镇（街道）名称'));
    await user.type(add.getByLabelText('乡镇（街道）名称'), '新城街道');
    await user.click(add.getByRole('button', { name: '新增乡镇（街道）' }));
    expect(await editor.findByText('新城街道')).toBeTruthy();
    expect(screen.getByTestId('notice').textContent).toContain('已新增乡镇（街道）“新城街道”');
    expect(add.queryByText('已有名为“羊山镇”的乡镇（街道）')).toBeNull();

    // Rename in place.
    await user.click(editor.getByRole('button', { name: '改名“新城街道”' }));
    const rename = editor.getByLabelText('“新城街道”的新名称');
    await user.clear(rename);
    await user.type(rename, '柳城街道{Enter}');
    expect(await editor.findByText('已有名为“柳城街道”的乡镇（街道）')).toBeTruthy();
    await user.clear(rename);
    await user.type(rename, '新城区街道{Enter}');
    expect(await editor.findByText('新城区街道')).toBeTruthy();
    expect(editor.queryByLabelText('“新城街道”的新名称')).toBeNull();
    const stored = (await must(api.getReference())).townships.find((t) => t.name === '新城区街道');
    expect(stored).toMatchObject({ active: true });

    // Deactivate one: marked here, gone from 登记, still resolvable for the incident that names it.
    const old = await must(api.createIncident({ ...incident, township: '胜利镇' }));
    await user.click(editor.getByRole('button', { name: '停用“胜利镇”' }));
    await waitFor(() => expect(editor.getByTestId('township-t-sl').dataset.active).toBe('false'));
    expect(within(editor.getByTestId('township-t-sl')).getByText('已停用')).toBeTruthy();
    let offered = await registerOptions('涉事地域');
    expect(offered).not.toContain('胜利镇');
    expect(offered).toContain('新城区街道');
    expect((await must(api.getIncident({ id: old.id }))).townshipId).toBe('t-sl');

    // Delete: refused for the township an incident names (the row says why, with no browser dialog first),
    // allowed for an unused one.
    const confirm = vi.spyOn(window, 'confirm');
    editor = await openSettings('township-editor');
    await user.click(editor.getByRole('button', { name: '删除“胜利镇”' }));
    expect(confirm).not.toHaveBeenCalled();
    expect((await within(editor.getByTestId('township-t-sl')).findByRole('alert')).textContent).toBe(
      '“胜利镇”已用于 1 条舆情事件，不能删除；不再使用请停用',
    );
    await user.click(editor.getByRole('button', { name: '启用“胜利镇”' }));
    await waitFor(() => expect(editor.getByTestId('township-t-sl').dataset.active).toBe('true'));
    expect(within(editor.getByTestId('township-t-sl')).queryByRole('alert')).toBeNull();
    await user.click(editor.getByRole('button', { name: '删除“新城区街道”' }));
    await waitFor(() => expect(editor.queryByText('新城区街道')).toBeNull());

    offered = await registerOptions('涉事地域');
    expect(offered).toContain('胜利镇');
    expect(offered).not.toContain('新城区街道');
  });
});

describe('设置 → 单位', () => {
  it('adds a unit with its type, changes a type, deactivates one; the 登记 form offers only active units', async () => {
    app = await renderApp();
    const { user, api } = app;
    const editor = await openSettings('unit-editor');
    const add = within(editor.getByTestId('new-unit'));
    await user.type(add.getByLabelText('单位名称'), '县供热公司');
    await user.selectOptions(add.getByLabelText('单位类型'), '直属单位');
    await user.click(add.getByRole('button', { name: '新增单位' }));
    expect(await editor.findByText('县供热公司')).toBeTruthy();
    const units = (await must(api.getReference())).units;
    expect(units.at(-1)).toMatchObject({ name: '县供热公司', kind: 'direct', active: true });

    // A type is saved as soon as it is chosen.
    await user.selectOptions(editor.getByLabelText('“县供热公司”的单位类型'), '园区');
    await waitFor(async () => expect((await must(api.getReference())).units.at(-1)?.kind).toBe('park'));
    expect(screen.getByTestId('notice').textContent).toContain('已将“县供热公司”的类型改为园区');

    await user.click(editor.getByRole('button', { name: '停用“县民政局”' }));
    await waitFor(() => expect(editor.getByTestId('unit-u-mzj').dataset.active).toBe('false'));
    const offered = await registerOptions('牵头单位');
    expect(offered).toContain('县供热公司');
    expect(offered).not.toContain('县民政局');
    expect(offered).toContain('县住建局');
  });
});

describe('设置 → 回应时限', () => {
  it('edits the hours of one severity, empty for not required; the core refuses bad hours and nothing is stored', async () => {
    app = await renderApp();
    const { user, api } = app;
    const editor = await openSettings('rules-editor');
    const major = within(editor.getByTestId('rule-major'));
    const info = major.getByLabelText<HTMLInputElement>('重大：发布权威信息时限（小时）');
    const press = major.getByLabelText<HTMLInputElement>('重大：新闻发布会时限（小时）');
    const response = major.getByLabelText<HTMLInputElement>('重大：回应时限（小时）');
    expect([info.value, press.value, response.value]).toEqual(['5', '24', '']);
    const save = major.getByRole('button', { name: '保存“重大”的回应时限' });
    expect(save).toHaveProperty('disabled', true);

    const stored = async () => (await must(api.getReference())).responseRules.find((r) => r.severity === 'major');
    await user.clear(info);
    await user.type(info, '0');
    await user.click(save);
    expect(await major.findByText('发布权威信息时限至少为1小时')).toBeTruthy();
    expect(info.getAttribute('aria-invalid')).toBe('true');
    await user.clear(info);
    await user.type(info, '四小时');
    await user.click(save);
    expect(await major.findByText('请填写整数小时，不要求则留空')).toBeTruthy();
    expect(await stored()).toEqual({ severity: 'major', infoHours: 5, pressHours: 24, responseHours: null });

    await user.clear(info);
    await user.type(info, '4');
    await user.clear(press);
    await user.type(response, '48');
    await user.click(save);
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('已更新“重大”舆情的回应时限'));
    expect(await stored()).toEqual({ severity: 'major', infoHours: 4, pressHours: null, responseHours: 48 });
    // The row starts again from what is stored: nothing left to save, no error left over.
    const again = within(editor.getByTestId('rule-major'));
    await waitFor(() => expect(again.getByRole('button', { name: '保存“重大”的回应时限' })).toHaveProperty('disabled', true));
    expect(again.getByLabelText<HTMLInputElement>('重大：新闻发布会时限（小时）').value).toBe('');
    expect(again.queryByText('请填写整数小时，不要求则留空')).toBeNull();
    // Other severities untouched.
    expect((await must(api.getReference())).responseRules.find((r) => r.severity === 'extreme')).toMatchObject({ infoHours: 5, pressHours: 24 });

    // The response clock follows: a 重大 incident found now must publish within 4 h and answer within 48 h.
    const created = await must(api.createIncident({ ...incident, severity: '重大', foundAt: new Date().toISOString() }));
    const clock = await must(api.listClock({ incident: created.id, includeMet: true }));
    expect(clock.map((e) => [e.requirement, Date.parse(e.dueAt) - Date.parse(created.foundAt)])).toEqual([
      ['5h', 4 * 3600_000],
      ['48h', 48 * 3600_000],
    ]);
    // ...and the 工作台 names the limit as the office set it, not the default 5 hours.
    await user.click(screen.getByTestId('nav-dashboard'));
    const rows = await within(await screen.findByTestId('dashboard-clock')).findAllByTestId('dashboard-clock-row');
    expect(rows.some((row) => row.textContent?.includes('4小时内发布权威信息'))).toBe(true);
  });
});
