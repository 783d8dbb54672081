import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { libraryCoversYear, libraryYears } from '../../electron/core/calendar/library.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { must } from './seed.js';

// 设置 → 节假日调整 against the real core: the office's calendar entries listed by year, added (a bad date refused
// in Chinese, nothing stored), and deleted; a commitment due in a year the built-in calendar does not cover turns
// verified when the year gets an entry, and unverified again when it is removed.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
  vi.restoreAllMocks();
});

// The range the core's calendar library knows: the page asks the core for it (getCalendarCoverage).
const { firstYear: LIBRARY_FIRST_YEAR, lastYear: LIBRARY_LAST_YEAR } = libraryYears();
const UNCOVERED = LIBRARY_LAST_YEAR + 1;

describe('设置 → 节假日调整', () => {
  it('states the range the built-in calendar really covers, with no gap', () => {
    expect(LIBRARY_FIRST_YEAR).toBeLessThanOrEqual(2004);
    expect(LIBRARY_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    expect(libraryCoversYear(LIBRARY_FIRST_YEAR - 1)).toBe(false);
    for (let year = LIBRARY_FIRST_YEAR; year <= LIBRARY_LAST_YEAR; year += 1) expect(libraryCoversYear(year)).toBe(true);
    expect(libraryCoversYear(LIBRARY_LAST_YEAR + 1)).toBe(false);
  });

  it('adds, lists and deletes an override; a bad date is refused; dependent deadlines are recomputed', async () => {
    let commitment = '';
    app = await renderApp(async ({ api }) => {
      const incident = await must(
        api.createIncident({ title: '春节前欠薪', platform: '微博', foundAt: new Date().toISOString(), severity: '一般', categories: ['其他'], leadUnit: '县人社局' }),
      );
      commitment = (
        await must(
          api.addCommitment({ incident: incident.id, content: '节前结清工资', unit: '县人社局', promisedAt: new Date().toISOString(), deadline: { date: `${UNCOVERED}-02-10` } }),
        )
      ).number;
    });
    const { user, api } = app;
    expect((await must(api.getCommitment({ id: commitment }))).calendarVerified).toBe(false);

    await user.click(screen.getByTestId('nav-settings'));
    await user.click(screen.getByTestId('settings-tab-calendar'));
    const panel = await screen.findByTestId('calendar-overrides');
    const p = within(panel);
    const coverage = p.getByTestId('calendar-coverage').textContent;
    expect(coverage).toContain(`${LIBRARY_FIRST_YEAR}—${LIBRARY_LAST_YEAR} 年`);
    expect(coverage).toContain(`${UNCOVERED} 年起`);
    expect(coverage).toContain('节假日安排未核实');

    await user.selectOptions(p.getByTestId('calendar-year'), `${UNCOVERED}年`);
    await waitFor(() => expect(p.getByTestId('calendar-year-state').textContent).toBe(`${UNCOVERED}年：尚未录入放假安排，期限标为“未核实”`));
    expect(p.getByText('该年份没有录入的调整。')).toBeTruthy();

    // A date that does not exist, and 放假/上班 not chosen: each refused next to its field, nothing stored.
    await user.type(p.getByLabelText('日期'), `${UNCOVERED}-02-30`);
    await user.click(p.getByTestId('calendar-submit'));
    expect((await p.findByTestId('calendar-error-date')).textContent).toBe('日期格式应为“2026-11-28”');
    expect(p.getByTestId('calendar-error-work').textContent).toBe('请选择上班或放假');
    await user.click(p.getByLabelText('休息日（放假）'));
    await user.click(p.getByTestId('calendar-submit'));
    await waitFor(() => expect(p.queryByTestId('calendar-error-work')).toBeNull());
    expect(p.getByTestId('calendar-error-date').textContent).toBe('日期格式应为“2026-11-28”');
    expect(await must(api.listCalendarOverrides({}))).toEqual([]);
    await user.clear(p.getByLabelText('日期'));
    await user.type(p.getByLabelText('日期'), `${UNCOVERED}-02-06`);

    await user.type(p.getByLabelText('名称'), '春节');
    await user.click(p.getByTestId('calendar-submit'));
    const row = await p.findByTestId('calendar-entry');
    expect(row.dataset.date).toBe(`${UNCOVERED}-02-06`);
    expect(row.textContent).toContain('放假');
    expect(row.textContent).toContain('春节');
    expect(p.queryByTestId('calendar-error-date')).toBeNull();
    expect(screen.getByTestId('notice').textContent).toContain('重算了 1 项承诺期限');
    await waitFor(() => expect(p.getByTestId('calendar-year-state').textContent).toBe(`${UNCOVERED}年：已按本办录入的安排计算`));
    expect(await must(api.listCalendarOverrides({ year: UNCOVERED }))).toEqual([{ date: `${UNCOVERED}-02-06`, work: false, name: '春节' }]);
    expect((await must(api.getCommitment({ id: commitment }))).calendarVerified).toBe(true);

    // A 调休 working day, listed after it.
    await user.type(p.getByLabelText('日期'), `${UNCOVERED}-02-14`);
    await user.click(p.getByLabelText('工作日（调休上班）'));
    await user.type(p.getByLabelText('名称'), '春节调休');
    await user.click(p.getByTestId('calendar-submit'));
    await waitFor(() => expect(p.getAllByTestId('calendar-entry').map((r) => r.dataset.date)).toEqual([`${UNCOVERED}-02-06`, `${UNCOVERED}-02-14`]));
    expect(p.getAllByTestId('calendar-entry')[1]?.textContent).toContain('上班');

    // Other years do not list them; 全部年份 does.
    await user.selectOptions(p.getByTestId('calendar-year'), `${LIBRARY_LAST_YEAR}年`);
    await waitFor(() => expect(p.queryAllByTestId('calendar-entry')).toHaveLength(0));
    expect(p.getByTestId('calendar-year-state').textContent).toBe(`${LIBRARY_LAST_YEAR}年：使用内置官方安排`);
    await user.selectOptions(p.getByTestId('calendar-year'), '全部年份');
    await waitFor(() => expect(p.getAllByTestId('calendar-entry')).toHaveLength(2));
    await user.selectOptions(p.getByTestId('calendar-year'), `${UNCOVERED}年`);
    await waitFor(() => expect(p.getAllByTestId('calendar-entry')).toHaveLength(2));

    // Deleting asks first, in the row (no browser dialog); cancelled, nothing happens.
    const confirm = vi.spyOn(window, 'confirm');
    await user.click(p.getByRole('button', { name: `删除 ${UNCOVERED}-02-14 的调整` }));
    await user.click(p.getByRole('button', { name: '取消' }));
    expect(await must(api.listCalendarOverrides({}))).toHaveLength(2);

    for (const date of [`${UNCOVERED}-02-14`, `${UNCOVERED}-02-06`]) {
      await user.click(p.getByRole('button', { name: `删除 ${date} 的调整` }));
      await user.click(p.getByRole('button', { name: '确定删除' }));
      await waitFor(() => expect(p.queryByRole('button', { name: `删除 ${date} 的调整` })).toBeNull());
    }
    expect(confirm).not.toHaveBeenCalled();
    await waitFor(() => expect(p.queryAllByTestId('calendar-entry')).toHaveLength(0));
    expect(await must(api.listCalendarOverrides({}))).toEqual([]);
    await waitFor(() => expect(p.getByTestId('calendar-year-state').textContent).toContain('尚未录入放假安排'));
    expect((await must(api.getCommitment({ id: commitment }))).calendarVerified).toBe(false);
  });
});

describe('设置 → 节假日调休 → 录入全年放假安排', () => {
  it('reads a pasted notice, shows its days, saves only after 确认 and only when it adds up', async () => {
    app = await renderApp();
    const { user, api } = app;
    await user.click(screen.getByTestId('nav-settings'));
    await user.click(screen.getByTestId('settings-tab-calendar'));
    const panel = within(await screen.findByTestId('holiday-notice'));
    const notice = '国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。1月4日（周日）上班。';
    await user.click(panel.getByLabelText('通知正文'));
    await user.paste(notice);
    await user.click(panel.getByRole('button', { name: '读取并查看' }));
    // 共4天 does not add up: said, and 确认 is off.
    expect((await panel.findByRole('alert')).textContent).toBe('元旦：1月1日至1月3日共3天，通知中写的是共4天');
    expect(panel.getByRole('button', { name: /确认录入/ })).toHaveProperty('disabled', true);

    await user.clear(panel.getByLabelText('通知正文'));
    await user.click(panel.getByLabelText('通知正文'));
    await user.paste(notice.replace('共4天', '共3天'));
    await user.click(panel.getByRole('button', { name: '读取并查看' }));
    const row = await panel.findByTestId('holiday-notice-row');
    expect(row.textContent).toBe('元旦1月1日至1月3日，共3天1月4日');
    expect(await must(api.listCalendarOverrides({ year: 2026 }))).toEqual([]); // nothing saved by looking
    await user.click(panel.getByRole('button', { name: '确认录入2026年的 4 天安排' }));
    await waitFor(async () => expect(await must(api.listCalendarOverrides({ year: 2026 }))).toHaveLength(4));
  });
});

describe('设置 → 报告版头', () => {
  it('saves the 编印单位 and the 报/送 lines that the papers print', async () => {
    app = await renderApp();
    const { user, api } = app;
    await user.click(screen.getByTestId('nav-settings'));
    await user.click(screen.getByTestId('settings-tab-papers'));
    const panel = within(await screen.findByTestId('paper-settings'));
    await user.type(await panel.findByLabelText('编印单位'), '中共某某县委宣传部');
    await user.type(panel.getByLabelText('报'), '县委、县政府主要领导');
    await user.click(panel.getByRole('button', { name: '保存' }));
    await waitFor(async () =>
      expect(await must(api.getPaperSettings({}))).toEqual({ issuer: '中共某某县委宣传部', reportTo: '县委、县政府主要领导', copyTo: '' }),
    );
  });
});
