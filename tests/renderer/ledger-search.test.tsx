import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { filterSummary, toggleFilterValues } from './filter-choices.js';
import type { InstalledLedger } from './real-ledger.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { addIncident, hoursAgo, must } from './seed.js';
import { chinaDateOf } from '../../shared/china-time.js';

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

const numbers = () => screen.queryAllByTestId('incident-row').map((row) => row.dataset.number);
const selectedNumber = () => screen.getAllByTestId('incident-row').find((row) => row.getAttribute('aria-selected') === 'true')?.dataset.number;

async function seedThree(installed: InstalledLedger): Promise<void> {
  await addIncident(installed, {
    title: '某工地拖欠农民工工资',
    summary: '数十名工人聚集讨要欠薪，称包工头已失联。',
    categories: ['欠薪'],
    severity: '重大',
    foundAt: hoursAgo(30),
  });
  await addIncident(installed, { title: '城区多个小区供暖不热', summary: '居民反映室温不足16度。', categories: ['困难群众'], foundAt: hoursAgo(20) });
  await addIncident(installed, { title: '县一中违规收取补课费', summary: '家长称每生每月收费三百元。', categories: ['教育医疗'], foundAt: hoursAgo(10) });
}

describe('ledger search, saved views and keys', () => {
  it('a two-character search finds matches in titles and summaries and highlights them', async () => {
    app = await renderApp(seedThree);
    const { user } = app;
    expect(await screen.findByText('共 3 条')).toBeTruthy();

    // / focuses the search box.
    await user.keyboard('/');
    const search = screen.getByTestId('search-input');
    expect(document.activeElement).toBe(search);

    await user.type(search, '供暖');
    expect(await screen.findByText('共 1 条')).toBeTruthy();
    const row = await screen.findByTestId('incident-row');
    expect(row.dataset.number).toBe('YQ-2026-0002');
    expect(within(row).getAllByText('供暖', { selector: 'mark' }).length).toBeGreaterThan(0);
    expect(screen.getByText('按相关度排序')).toBeTruthy();

    // Only in the summary: the snippet carries the highlight.
    await user.clear(search);
    await user.type(search, '欠薪');
    await waitFor(() => expect(numbers()).toEqual(['YQ-2026-0001']));
    const snippet = within(screen.getByTestId('incident-row')).getByTestId('snippet');
    expect(within(snippet).getByText('欠薪', { selector: 'mark' })).toBeTruthy();
    // Highlights are text, never markup from the ledger.
    expect(snippet.innerHTML).not.toContain('<script');

    await user.clear(search);
    expect(await screen.findByText('共 3 条')).toBeTruthy();
    await waitFor(() => expect(screen.queryAllByText('欠薪', { selector: 'mark' })).toHaveLength(0));
  });

  it('a hit deep in a long title or summary starts near the front of its line, so the ellipsis never hides it', async () => {
    const title = '关于城区某小区物业公司长期不作为导致居民生活受到严重影响的供暖问题';
    app = await renderApp(async (installed) => {
      await addIncident(installed, {
        title,
        summary: '居民反映自十一月中旬以来室内温度长期偏低，多次向物业公司和热力公司反映均无果，老人孩子受冻，要求尽快解决供暖不热问题。',
      });
      await addIncident(installed, { title: '供暖管道爆裂', summary: '' });
    });
    const { user } = app;
    expect(await screen.findByText('共 2 条')).toBeTruthy();
    await user.type(screen.getByTestId('search-input'), '供暖');
    expect(await screen.findByText('共 2 条')).toBeTruthy();
    const row = await waitFor(() => {
      const found = screen.getAllByTestId('incident-row').find((r) => r.dataset.number === 'YQ-2026-0001');
      expect(found?.querySelector('.title-line')).toBeTruthy();
      return found!;
    });
    const titleLine = row.querySelector('.title-line')!;
    const before = (line: Element) => line.textContent.slice(0, line.textContent.indexOf(line.querySelector('mark')!.textContent));
    expect(titleLine.querySelector('mark')?.textContent).toBe('供暖');
    expect(before(titleLine)).toBe('…活受到严重影响的');
    expect(row.querySelector('[title]')?.getAttribute('title')).toBe(title);
    const snippet = within(row).getByTestId('snippet');
    expect(before(snippet)).toMatch(/^….{6}$/);
    expect(snippet.textContent).toContain('供暖不热问题');
    // A hit near the start is shown as it is.
    const short = screen.getAllByTestId('incident-row').find((r) => r.dataset.number === 'YQ-2026-0002')!;
    expect(short.querySelector('.title-line')?.textContent).toBe('供暖管道爆裂');
  });

  it('saves the current filters as a view, several values each, applies it again, and deletes it', async () => {
    app = await renderApp(seedThree);
    const { user } = app;
    expect(await screen.findByText('共 3 条')).toBeTruthy();
    const filters = screen.getByRole('group', { name: '筛选' });
    await toggleFilterValues(user, '等级', ['重大', '一般']);
    await toggleFilterValues(user, '敏感类别', ['工资拖欠', '教育医疗']);
    await user.selectOptions(within(filters).getByLabelText('牵头单位'), '县住建局');
    expect(await screen.findByText('共 2 条')).toBeTruthy();

    const views = screen.getByTestId('saved-views');
    await user.click(within(views).getByRole('button', { name: '保存为方案' }));
    await user.type(within(views).getByLabelText('方案名称'), '欠薪与教育{Enter}');
    await waitFor(() => expect(within(views).getByRole('option', { name: '欠薪与教育' })).toBeTruthy());
    const stored = await app.api.listSavedViews();
    expect(stored.ok && stored.value).toMatchObject([
      { name: '欠薪与教育', query: { severities: ['general', 'major'], categories: ['wages', 'edu_medical'] } },
    ]);

    await user.click(within(filters).getByRole('button', { name: '清除筛选' }));
    expect(await screen.findByText('共 3 条')).toBeTruthy();
    expect(filterSummary('等级')).toBe('全部');

    await user.selectOptions(within(views).getByLabelText('筛选方案'), '欠薪与教育');
    expect(await screen.findByText('共 2 条')).toBeTruthy();
    expect(filterSummary('等级')).toBe('一般、重大');
    expect(filterSummary('敏感类别')).toBe('工资拖欠、教育医疗');
    expect(within(filters).getByLabelText<HTMLSelectElement>('牵头单位').selectedOptions[0]?.textContent).toBe('县住建局');
    await waitFor(() => expect(numbers()).toEqual(['YQ-2026-0003', 'YQ-2026-0001']));

    await user.click(within(views).getByRole('button', { name: '删除方案' }));
    await waitFor(() => expect(within(views).queryByRole('option', { name: '欠薪与教育' })).toBeNull());
    const after = await app.api.listSavedViews();
    expect(after.ok && after.value).toEqual([]);
  });

  it('J/K move the selection, Enter opens it, Escape comes back to the same place', async () => {
    app = await renderApp(seedThree);
    const { user } = app;
    expect(await screen.findByText('共 3 条')).toBeTruthy();
    await waitFor(() => expect(numbers()).toEqual(['YQ-2026-0003', 'YQ-2026-0002', 'YQ-2026-0001']));
    expect(selectedNumber()).toBe('YQ-2026-0003');

    await user.keyboard('jj');
    expect(selectedNumber()).toBe('YQ-2026-0001');
    await user.keyboard('j'); // stays on the last row
    expect(selectedNumber()).toBe('YQ-2026-0001');
    await user.keyboard('k');
    expect(selectedNumber()).toBe('YQ-2026-0002');

    await user.keyboard('{Enter}');
    const page = await screen.findByTestId('incident-page');
    await waitFor(() => expect(within(page).getByTestId('incident-number').textContent).toBe('YQ-2026-0002'));
    expect(within(page).getByRole('heading', { name: '城区多个小区供暖不热' })).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(await screen.findByTestId('incident-table')).toBeTruthy();
    await waitFor(() => expect(selectedNumber()).toBe('YQ-2026-0002'));
  });

  it('sorts by a column header and remembers the chosen columns', async () => {
    app = await renderApp(seedThree);
    const { user } = app;
    expect(await screen.findByText('共 3 条')).toBeTruthy();
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    expect(header('发现时间').getAttribute('aria-sort')).toBe('descending');

    await user.click(within(header('编号')).getByRole('button'));
    await waitFor(() => expect(header('编号').getAttribute('aria-sort')).toBe('descending'));
    await user.click(within(header('编号')).getByRole('button'));
    await waitFor(() => expect(numbers()).toEqual(['YQ-2026-0001', 'YQ-2026-0002', 'YQ-2026-0003']));
    expect(header('编号').getAttribute('aria-sort')).toBe('ascending');
    expect(header('发现时间').getAttribute('aria-sort')).toBeNull();

    await user.click(within(header('等级')).getByRole('button'));
    await waitFor(() => expect(numbers()[0]).toBe('YQ-2026-0001')); // 重大 first

    // Column chooser: 更新时间 on, 首发平台 off; remembered on this workstation.
    expect(screen.queryByRole('columnheader', { name: /^更新时间/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: '显示列' }));
    const chooser = screen.getByTestId('column-chooser');
    expect(within(chooser).getByLabelText<HTMLInputElement>('编号（固定）').disabled).toBe(true);
    await user.click(within(chooser).getByLabelText('更新时间'));
    await user.click(within(chooser).getByLabelText('首发平台'));
    expect(header('更新时间')).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: /^首发平台/ })).toBeNull();
    const saved: unknown = JSON.parse(localStorage.getItem('yq.ledger.columns') ?? '[]');
    expect(saved).toContain('updatedAt');
    expect(saved).not.toContain('platform');
    // A click elsewhere closes the chooser.
    fireEvent.mouseDown(document.body);
    await waitFor(() => expect(screen.queryByTestId('column-chooser')).toBeNull());
  });

  it('offers 首次回应时间, 按时/超时, 承诺数 and 逾期承诺 in the column chooser, from the core\'s list rows', async () => {
    app = await renderApp(async (installed) => {
      const late = await addIncident(installed, { title: '迟迟未回应的事件', foundAt: hoursAgo(24 * 10) });
      const answered = await addIncident(installed, { title: '及时回应的事件', foundAt: hoursAgo(10) });
      await must(
        installed.api.addResponse({
          incident: answered.id,
          at: hoursAgo(9),
          method: '情况通报',
          channel: '政务微博',
          content: '已介入调查',
          unit: '县住建局',
        }),
      );
      await must(installed.api.transitionIncident({ id: late.id, to: '处置中' }));
      await must(
        installed.api.addCommitment({
          incident: late.id,
          content: '三日内完成整改',
          unit: '县住建局',
          promisedAt: hoursAgo(24 * 9),
          deadline: { workdays: 1, from: chinaDateOf(Date.now() - 9 * 86_400_000) },
        }),
      );
    });
    const { user } = app;
    expect(await screen.findByText('共 2 条')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '显示列' }));
    const chooser = screen.getByTestId('column-chooser');
    for (const label of ['首次回应时间', '按时/超时', '承诺数', '逾期承诺']) await user.click(within(chooser).getByLabelText(label));
    const cells = (number: string) =>
      Array.from(screen.getAllByTestId('incident-row').find((r) => r.dataset.number === number)!.querySelectorAll('[role="gridcell"]'), (c) => c.textContent);
    await waitFor(() => expect(cells('YQ-2026-0001').slice(-4)).toEqual(['未回应', '超时', '1', '1']));
    expect(cells('YQ-2026-0002').slice(-4)[1]).toBe('按时');
    expect(cells('YQ-2026-0002').slice(-4)[2]).toBe('0');

    // 导出Excel and 打印台账 carry the 台账核查 columns shown, no more: 按时/超时 hidden here.
    await user.click(within(chooser).getByLabelText('按时/超时'));
    const path = join(tempDir(), '台账.xlsx');
    const printed: unknown[] = [];
    const api = window.ledger!;
    window.ledger = {
      ...api,
      chooseFile: () => Promise.resolve({ ok: true, value: { path } }),
      printDocument: (input) => {
        printed.push(input);
        return Promise.resolve({ ok: true, value: { mode: 'pdf', path: null } });
      },
    };
    await user.click(screen.getByTestId('xl-export'));
    await waitFor(() => expect(screen.getByTestId('xl-message').textContent).toContain('已导出 2 行'));
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(XLSX.read(readFileSync(path)).Sheets['舆情回应台账']!, { header: 1, defval: '' });
    expect(rows[3]!.slice(-4)).toEqual(['公开情况', '首次回应时间', '承诺数', '逾期承诺']);
    expect(rows.slice(4).map((r) => [r[2], ...r.slice(-3)])).toEqual([
      ['及时回应的事件', expect.stringMatching(/^\d{4}年/), 0, 0],
      ['迟迟未回应的事件', '未回应', 1, 1],
    ]);
    await user.click(screen.getByTestId('xl-print'));
    expect(printed).toMatchObject([{ document: { kind: 'ledger', columns: ['firstResponseAt', 'commitmentCount', 'overdueCommitments'] } }]);
  });

  it('filters by 发现时间 range, both ends inclusive', async () => {
    app = await renderApp(async (installed) => {
      await addIncident(installed, { title: '十一月一日', foundAt: '2026-11-01 00:00' });
      await addIncident(installed, { title: '十一月二日', foundAt: '2026-11-02 23:59' });
      await addIncident(installed, { title: '十一月三日', foundAt: '2026-11-03 00:00' });
    });
    expect(await screen.findByText('共 3 条')).toBeTruthy();
    const { user } = app;
    const filters = screen.getByRole('group', { name: '筛选' });
    await user.type(within(filters).getByLabelText('发现时间自'), '2026-11-1{Enter}');
    expect(within(filters).getByLabelText<HTMLInputElement>('发现时间自').value).toBe('2026-11-01');
    // Not a date: said so, and the ledger is not asked.
    await user.type(within(filters).getByLabelText('至'), '11月2日{Enter}');
    expect(within(filters).getByRole('alert').textContent).toBe('日期格式应为 2026-11-01');
    expect(screen.getByText('共 3 条')).toBeTruthy();
    await user.clear(within(filters).getByLabelText('至'));
    await user.type(within(filters).getByLabelText('至'), '2026-11-02');
    await user.tab();
    expect(await screen.findByText('共 2 条')).toBeTruthy();
    expect(within(filters).queryByRole('alert')).toBeNull();
    await waitFor(() => expect(numbers()).toEqual(['YQ-2026-0002', 'YQ-2026-0001']));
  });
});
