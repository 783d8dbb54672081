import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chinaWeekStart } from '../../shared/china-time.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { addIncident, hoursAgo } from './seed.js';

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

describe('工作台', () => {
  it('shows awaiting triage, clocks due soon and overdue (in red), and this week by category', async () => {
    app = await renderApp(async (installed) => {
      // 重大 found 3 h ago: its 5 h requirement runs out in about 2 h.
      await addIncident(installed, { title: '某化工厂夜间异味扰民', severity: '重大', categories: ['环境'], foundAt: hoursAgo(3) });
      // 特别重大 found 6 h ago: its 5 h requirement is an hour overdue.
      await addIncident(installed, { title: '国道货车侧翻致多人受伤', severity: '特别重大', categories: ['安全生产'], foundAt: hoursAgo(6) });
      // 一般, found just now: 48 h left, not on the clock panel.
      await addIncident(installed, { title: '某小区垃圾清运不及时', categories: ['环境'], foundAt: hoursAgo(0.1) });
    });
    const { user } = app;
    await user.click(screen.getByRole('button', { name: '工作台' }));

    const triage = await screen.findByTestId('dashboard-triage');
    expect(within(triage).getByTestId('triage-count').textContent).toBe('3 件');
    expect(within(triage).getByText('某化工厂夜间异味扰民')).toBeTruthy();

    const clock = screen.getByTestId('dashboard-clock');
    const rows = within(clock).getAllByTestId('dashboard-clock-row');
    // Overdue first.
    expect(rows[0]?.textContent).toContain('国道货车侧翻致多人受伤');
    const overdue = within(rows[0] ?? clock).getByTestId('countdown');
    expect(overdue.textContent).toMatch(/^已超时 (1小时|5\d分)/);
    expect(overdue.className).toContain('countdown-overdue');
    const soon = rows.find((row) => row.textContent?.includes('某化工厂夜间异味扰民'));
    expect(within(soon ?? clock).getByTestId('countdown').textContent).toMatch(/^剩余 (1小时5\d分|2小时)/);
    expect(clock.textContent).not.toContain('某小区垃圾清运不及时');
    expect(within(clock).getByText('已超时 1 项')).toBeTruthy();

    // Early on a Monday (China time) the older ones fall in last week; count as the ledger does.
    const weekStart = Date.parse(chinaWeekStart(new Date().toISOString()));
    const thisWeek = (hours: number) => (Date.now() - hours * 3600_000 >= weekStart ? 1 : 0);
    const week = screen.getByTestId('dashboard-week');
    expect(within(week).getByText(`本周共 ${thisWeek(3) + thisWeek(6) + thisWeek(0.1)} 件`)).toBeTruthy();
    expect(within(screen.getByTestId('week-environment')).getByText(String(thisWeek(3) + thisWeek(0.1)))).toBeTruthy();
    expect(within(screen.getByTestId('week-work_safety')).getByText(String(thisWeek(6)))).toBeTruthy();

    // A row opens the incident; Escape returns to the 工作台.
    await user.click(rows[0] ?? clock);
    const page = await screen.findByTestId('incident-page');
    await waitFor(() => expect(within(page).getByRole('heading', { name: '国道货车侧翻致多人受伤' })).toBeTruthy());
    await user.keyboard('{Escape}');
    expect(await screen.findByTestId('dashboard-triage')).toBeTruthy();
  });
});

describe('工作台 commitments', () => {
  it('lists commitments overdue and due within 3 working days, overdue first, and leaves later ones to the board', async () => {
    const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    app = await renderApp(async (installed) => {
      const incident = await addIncident(installed, { title: '某小区供暖不热', categories: ['困难群众'], foundAt: hoursAgo(24 * 40) });
      const add = async (content: string, date: string) => {
        const result = await installed.api.addCommitment({
          incident: incident.id,
          content,
          unit: '县住建局',
          person: '李强',
          promisedAt: hoursAgo(24 * 39),
          deadline: { date },
        });
        if (!result.ok) throw new Error(result.error.message);
      };
      await add('十日内完成管网检修', daysFromNow(-30));
      await add('明日入户测温', daysFromNow(1));
      await add('年底前完成老旧小区供热改造', daysFromNow(120));
    });
    await app.user.click(screen.getByRole('button', { name: '工作台' }));
    const panel = await screen.findByTestId('dashboard-commitments');
    const rows = await within(panel).findAllByTestId('dashboard-commitment');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('十日内完成管网检修'), expect.stringContaining('明日入户测温')]);
    expect(rows[0]?.textContent).toMatch(/逾期 \d+ 个工作日/);
    expect(within(panel).getByText('已逾期 1 项')).toBeTruthy();
    expect(panel.textContent).not.toContain('老旧小区供热改造');
  });
});
