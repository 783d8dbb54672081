import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lastWhole, usePeriodChoice } from '../../renderer/src/digest/period-choice.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { periodContaining, shiftPeriod } from '../../shared/china-time.js';

// The 周报 view against the real core: the preview is the core's print page, the summary line comes from the
// same figures, and printing goes through printDocument.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
  // The chosen report outlives the view (the header names it); each test starts from last week's 周报.
  usePeriodChoice.setState({ kind: 'week', period: lastWhole('week') });
});

const lastWeek = shiftPeriod(periodContaining('week', new Date().toISOString()), -1);

describe('the 周报 view', () => {
  it('previews last week’s digest, switches to the month report, and prints through printDocument', async () => {
    app = await renderApp(async ({ api }) => {
      for (const [title, day, severity] of [
        ['某企业拖欠工人工资', 0, '重大'],
        ['城区供暖不热', 2, '一般'],
      ] as const) {
        const foundAt = `${shiftDay(lastWeek.firstDay, day)} 10:00`;
        const created = await api.createIncident({ title, foundAt, platform: '微博', severity, categories: ['欠薪'] });
        if (!created.ok) throw new Error(created.error.message);
      }
    });
    const { user, api } = app;
    await user.click(screen.getByRole('button', { name: '周报' }));
    const view = await screen.findByTestId('digest-view');
    const summary = await within(view).findByTestId('digest-summary');
    const core = await api.getDigest({ period: lastWeek.key });
    if (!core.ok) throw new Error(core.error.message);
    expect(core.value.newIncidents).toBe(2);
    expect(summary.textContent).toContain(`舆情周报（${core.value.issue}`);
    expect(summary.textContent).toContain('新增舆情 2 起');
    expect(within(view).getByLabelText('统计周期')).toHaveProperty('value', lastWeek.key);
    const preview = within(view).getByTestId('digest-preview');
    expect(preview.getAttribute('sandbox')).toBe(''); // the page is data: nothing in it runs
    expect(preview.getAttribute('srcdoc')).toContain('共发现登记舆情事件2起');

    await user.click(within(view).getByRole('button', { name: '上一期' }));
    await waitFor(() => expect(within(view).getByTestId('digest-summary').textContent).toContain('新增舆情 0 起'));
    expect(within(view).getByLabelText('统计周期')).toHaveProperty('value', shiftPeriod(lastWeek, -1).key);

    await user.click(within(view).getByRole('radio', { name: '月报' }));
    await waitFor(() => expect(within(view).getByTestId('digest-summary').textContent).toContain('舆情月报'));

    // Outside the app (no Electron main process) the core says the dialog cannot open, and the view shows it.
    await user.click(within(view).getByTestId('digest-print'));
    expect((await within(view).findByRole('alert')).textContent).toContain('导出PDF');
  });

  it('chooses from a calendar that never offers the future, and names the report in the heading', async () => {
    app = await renderApp();
    const { user } = app;
    await user.click(screen.getByRole('button', { name: '周报' }));
    const view = await screen.findByTestId('digest-view');
    const thisWeek = periodContaining('week', new Date().toISOString());
    const input = within(view).getByLabelText('统计周期');
    expect(input.getAttribute('type')).toBe('week');
    expect(input.getAttribute('max')).toBe(thisWeek.key);

    await user.click(within(view).getByRole('button', { name: '本周' }));
    await waitFor(() => expect(input).toHaveProperty('value', thisWeek.key));
    // A week in progress: compared with the same days of last week, and the view says so.
    expect((await within(view).findByTestId('digest-running')).textContent).toBe('本周尚未结束：与上周同期比较');
    expect(within(view).getByRole('button', { name: '下一期' })).toHaveProperty('disabled', true);
    await user.click(within(view).getByRole('button', { name: '上周' }));
    await waitFor(() => expect(input).toHaveProperty('value', lastWeek.key));
    expect(within(view).getByRole('button', { name: '下一期' })).toHaveProperty('disabled', false);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('舆情周报');
    await user.click(within(view).getByRole('radio', { name: '年报' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('舆情年报');
    const years = within(view).getByLabelText('统计周期');
    expect(years.tagName).toBe('SELECT');
    const offered = [...(years as HTMLSelectElement).options].map((o) => o.value);
    const thisYear = periodContaining('year', new Date().toISOString()).year;
    expect(offered[0]).toBe(String(thisYear)); // nothing after this year
    expect((years as HTMLSelectElement).value).toBe(String(thisYear - 1));
    await user.click(within(view).getByRole('radio', { name: '月报' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('舆情月报');
    expect(within(view).getByLabelText('统计周期').getAttribute('type')).toBe('month');
  });
});

function shiftDay(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
