import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chinaDateOf, chinaWeekStart } from '../../shared/china-time.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { addIncident, hoursAgo } from './seed.js';

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

describe('工作台', () => {
  it('opens first; running clocks nearest their limit first, coloured by time left; old misses grouped and counted', async () => {
    app = await renderApp(
      async (installed) => {
        // 重大 found 4.5 h ago: its 5 h requirement runs out in about 30 min (red).
        await addIncident(installed, { title: '某化工厂夜间异味扰民', severity: '重大', categories: ['环境'], foundAt: hoursAgo(4.5) });
        // 一般 found 40 h ago: 48 h requirement, about 8 h left (amber).
        await addIncident(installed, { title: '某路段积水严重', categories: ['其他'], foundAt: hoursAgo(40) });
        // 特别重大 found 6 h ago: its 5 h requirement is an hour overdue — just missed, listed by name.
        await addIncident(installed, { title: '国道货车侧翻致多人受伤', severity: '特别重大', categories: ['安全生产'], foundAt: hoursAgo(6) });
        // Found 20 days ago and never answered: long overdue, counted in one line.
        await addIncident(installed, { title: '老旧小区电梯停运', categories: ['其他'], foundAt: hoursAgo(24 * 20) });
      },
      { startOn: 'launch' },
    );
    const clock = await screen.findByTestId('dashboard-clock');
    const running = within(within(clock).getByTestId('dashboard-clock-running')).getAllByTestId('dashboard-clock-row');
    // Nearest limit first: the 5 h clock (30 min left) before the 48 h one (8 h left), then the 24 h press clocks.
    expect(running[0]?.textContent).toContain('某化工厂夜间异味扰民');
    expect(within(running[0]!).getByTestId('countdown').dataset.urgency).toBe('critical');
    expect(running[1]?.textContent).toContain('某路段积水严重');
    expect(within(running[1]!).getByTestId('countdown').dataset.urgency).toBe('soon');
    const recent = within(clock).getByTestId('dashboard-clock-recent');
    expect(within(recent).getByTestId('countdown').textContent).toMatch(/^已超时 (1小时|5\d分)/);
    expect(recent.textContent).toContain('国道货车侧翻致多人受伤');
    // The 20-day-old miss is not among today's rows: one line counts it and opens to list it.
    const old = within(clock).getByTestId('dashboard-clock-old');
    expect(old.querySelector('summary')?.textContent).toContain('超时一天以上 1 项');
    expect(recent.textContent).not.toContain('老旧小区电梯停运');
    expect(within(clock).getByText('已超时 2 项')).toBeTruthy();

    const triage = screen.getByTestId('dashboard-triage');
    expect(within(triage).getByTestId('triage-count').textContent).toBe('4 件');

    // A row opens the incident; Escape returns to the 工作台.
    await app.user.click(running[0]!);
    const page = await screen.findByTestId('incident-page');
    await waitFor(() => expect(within(page).getByRole('heading', { name: '某化工厂夜间异味扰民' })).toBeTruthy());
    await app.user.keyboard('{Escape}');
    expect(await screen.findByTestId('dashboard-triage')).toBeTruthy();
  });

  it('counts the week by incident and says when one incident is in two categories; 另有 N 件 opens the filtered 台账', async () => {
    app = await renderApp(async (installed) => {
      for (let i = 0; i < 6; i += 1) await addIncident(installed, { title: `待研判事件${i}`, categories: ['环境', '安全生产'], foundAt: hoursAgo(0.1 + i * 0.01) });
    });
    await app.user.click(screen.getByRole('button', { name: '工作台' }));
    const week = await screen.findByTestId('dashboard-week');
    // Early on a Monday (China time) these may fall in last week; count as the ledger does.
    const weekStart = Date.parse(chinaWeekStart(new Date().toISOString()));
    const n = Date.now() - 0.2 * 3600_000 >= weekStart ? 6 : 0;
    expect(within(week).getByText(`本周共 ${n} 件`)).toBeTruthy();
    if (n > 0) {
      expect(within(screen.getByTestId('week-environment')).getByText(String(n))).toBeTruthy();
      expect(within(week).getByTestId('week-multi-category').textContent).toBe(`一件事件可属多个类别，各类别合计 ${2 * n} 件次`);
    }
    const more = screen.getByTestId('dashboard-triage-more');
    expect(more.textContent).toBe('另有 2 项，在“舆情台账”中查看 →');
    await app.user.click(more);
    expect(await screen.findByText('共 6 条')).toBeTruthy();
    expect(screen.getByTestId('incident-table')).toBeTruthy();
  });
});

describe('工作台 commitments', () => {
  it('lists commitments due today and within 3 working days by name, then the overdue ones, and leaves later ones to the board', async () => {
    const daysFromNow = (days: number) => chinaDateOf(Date.now() + days * 86_400_000);
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
      await add('今日公布检修进展', daysFromNow(0));
      await add('年底前完成老旧小区供热改造', daysFromNow(120));
    });
    await app.user.click(screen.getByRole('button', { name: '工作台' }));
    const panel = await screen.findByTestId('dashboard-commitments');
    const rows = await within(panel).findAllByTestId('dashboard-commitment');
    // What falls due comes first, by name; the overdue one after it; later ones are left to the board.
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('今日公布检修进展'),
      expect.stringContaining('明日入户测温'),
      expect.stringContaining('十日内完成管网检修'),
    ]);
    expect(within(within(panel).getByTestId('dashboard-due-today')).getByText('今日到期')).toBeTruthy();
    expect(rows[2]?.textContent).toMatch(/逾期 \d+ 个工作日/);
    // The head counts what the navigation badge counts (overdue + due today), so the two agree.
    expect(within(panel).getByText('已逾期 1 项')).toBeTruthy();
    expect(within(panel).getByText('今日到期 1 项')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('nav-commitments-badge').textContent).toBe('2'));
    expect(panel.textContent).not.toContain('老旧小区供热改造');
  });
});
