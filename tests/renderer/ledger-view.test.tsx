import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Severity } from '../../shared/domain.js';
import { filterSummary, toggleFilterValues } from './filter-choices.js';
import type { InstalledLedger } from './real-ledger.js';
import { type RenderedApp, renderApp } from './render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

const SEVERITY_CYCLE: Severity[] = ['general', 'general', 'large', 'major'];

/** n incidents found an hour apart from 2026-01-01 00:00 China time; every fourth is 重大. */
async function seed({ api }: InstalledLedger, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const found = new Date(Date.UTC(2025, 11, 31, 16) + i * 3600_000).toISOString();
    const result = await api.createIncident({
      title: `测试舆情 ${i + 1}`,
      platform: '微博',
      foundAt: found,
      categories: [i % 2 === 0 ? '欠薪' : '环境', ...(i % 3 === 0 ? ['养老'] : [])],
      severity: SEVERITY_CYCLE[i % 4] ?? 'general',
      leadUnit: '县人社局',
    });
    if (!result.ok) throw new Error(result.error.message);
  }
}

const renderedNumbers = () => screen.queryAllByTestId('incident-row').map((row) => row.dataset.number);

describe('舆情台账 view', () => {
  it('shows the total, renders only the rows in view, and pages in more as the table scrolls', async () => {
    app = await renderApp((installed) => seed(installed, 250));
    expect(await screen.findByText('共 250 条')).toBeTruthy();

    // Newest first; only a window of rows is in the DOM.
    await waitFor(() => expect(renderedNumbers()[0]).toBe('YQ-2026-0250'));
    const firstWindow = renderedNumbers().length;
    expect(firstWindow).toBeGreaterThan(10);
    expect(firstWindow).toBeLessThanOrEqual(60);
    const first = within(screen.getAllByTestId('incident-row')[0] ?? document.body);
    expect(first.getByText('测试舆情 250')).toBeTruthy();
    expect(first.getByText('县人社局')).toBeTruthy();
    expect(first.getByText('2026年1月11日 09:00')).toBeTruthy();

    // Scroll to the end: the last page is fetched and the oldest incident shows.
    const scroller = screen.getByTestId('incident-scroll');
    scroller.scrollTop = 250 * 44;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(renderedNumbers()).toContain('YQ-2026-0001'));
    expect(renderedNumbers().length).toBeLessThanOrEqual(60);
    expect(screen.queryAllByTestId('incident-row-loading')).toHaveLength(0);
  });

  it('filters by category, severity and status, several values each', async () => {
    app = await renderApp((installed) => seed(installed, 12));
    const { user } = app;
    expect(await screen.findByText('共 12 条')).toBeTruthy();
    const filters = screen.getByRole('group', { name: '筛选' });

    await toggleFilterValues(user, '等级', ['重大']);
    expect(await screen.findByText('共 3 条')).toBeTruthy();
    await waitFor(() => expect(renderedNumbers()).toEqual(['YQ-2026-0012', 'YQ-2026-0008', 'YQ-2026-0004']));
    // 较大 too: both grades at once (i = 2, 3, 6, 7, 10, 11).
    await toggleFilterValues(user, '等级', ['较大']);
    expect(await screen.findByText('共 6 条')).toBeTruthy();
    expect(filterSummary('等级')).toBe('较大、重大');

    await toggleFilterValues(user, '敏感类别', ['养老']);
    // 养老 are i divisible by 3 → i = 3, 6.
    expect(await screen.findByText('共 2 条')).toBeTruthy();
    await waitFor(() => expect(renderedNumbers()).toEqual(['YQ-2026-0007', 'YQ-2026-0004']));

    // 未办结 ticks every open status at once; all 12 are 待研判, so the two stay.
    await user.click(within(filters).getByLabelText('状态'));
    await user.click(within(filters).getByRole('button', { name: '未办结' }));
    await user.keyboard('{Escape}');
    expect(filterSummary('状态')).toBe('未办结');
    expect(document.activeElement).toBe(within(filters).getByLabelText('状态'));
    expect(await screen.findByText('共 2 条')).toBeTruthy();
    await toggleFilterValues(user, '状态', ['待研判', '处置中', '已回应', '跟踪落实', '已办结']);
    expect(filterSummary('状态')).toBe('已办结');
    expect(await screen.findByText('共 0 条')).toBeTruthy();
    // 无结果 in place of an empty table frame.
    const empty = screen.getByTestId('ledger-empty');
    expect(empty.textContent).toContain('无结果');
    expect(empty.textContent).toContain('没有符合搜索或筛选条件的舆情事件');
    expect(screen.queryByTestId('incident-table')).toBeNull();

    await user.click(within(filters).getByRole('button', { name: '清除筛选' }));
    expect(await screen.findByText('共 12 条')).toBeTruthy();
  });
});
