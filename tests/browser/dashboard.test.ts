import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillDemoLedger } from '../../scripts/demo/fill.js';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import { browserAvailable } from './chromium.js';
import { browserSession, SHOTS } from './session.js';

// The 工作台 as a clerk sees it at 9 a.m. on a busy 2,000-incident demo ledger, at a workstation's 1440×900 and a
// laptop's 1280×720: it opens first, today's work is on screen, and the counts agree with the navigation badge.
// Screenshots in test-results/dashboard-*.png.

const run = browserAvailable();
const NINE_AM = Date.parse('2026-12-04T09:00:00+08:00'); // a Friday

describe.skipIf(!run)('工作台 in Chromium', () => {
  const session = browserSession({
    ledger: { now: () => NINE_AM },
    timeoutMs: 120_000,
    setUp: async () => {
      fillDemoLedger(session.host.ledger.ctx, { count: 2000, seed: 1, now: NINE_AM - 30 * 60_000 });
      // Found at 04:20 this morning, 重大: its 5 h clock has 20 minutes left at 9 a.m.
      const call = createDispatcher(createHandlers(session.host.ledger));
      const created = await call('createIncident', {
        title: '凌晨某化工园区爆燃，周边居民紧急疏散',
        platform: '微博',
        foundAt: '2026-12-04 04:20',
        severity: '重大',
        categories: ['安全生产'],
        leadUnit: '县应急管理局',
      });
      if (!created.ok) throw new Error(created.error.message);
      // An office that backs up: the 工作台's backup warning (tested in backup.test.ts) is not what this test measures.
      const backedUp = await call('createBackup', {});
      if (!backedUp.ok) throw new Error(backedUp.error.message);
    },
  });

  it('台账 at 1280×720: every default column whole, 疫情 finds the 疫情防控 incidents, 无结果 for nothing', async () => {
    const page = await session.browser.context.newPage();
    await page.clock.install({ time: NINE_AM });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(session.host.url);
    await page.getByTestId('nav-ledger').click();
    await page.getByTestId('incident-row').first().waitFor();
    // No header cell is cut off: each one's text fits its box, and the last ends inside the table.
    const cut = await page.locator('[role="columnheader"]').evaluateAll((cells) =>
      cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > document.documentElement.clientWidth).map((c) => c.textContent),
    );
    expect(cut).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'ledger-1280.png') });

    // 疫情 is written in few texts, but it names 疫情防控: the category's incidents are listed after the text hits.
    const search = page.getByRole('searchbox');
    await search.fill('疫情');
    await search.press('Enter');
    const covid = session.host.ledger.db.prepare("SELECT count(*) FROM incident_categories WHERE category_id = 'epidemic'").pluck().get() as number;
    expect(covid).toBeGreaterThan(0);
    await page.waitForFunction(
      (n) => Number(/共 (\d+) 条/.exec(document.querySelector('[data-testid="incident-total"]')?.textContent ?? '')?.[1] ?? 0) >= n,
      covid,
    );
    await page.screenshot({ path: join(SHOTS, 'ledger-search-1280.png') });
    await search.fill('绝无此词语');
    await search.press('Enter');
    expect(await page.getByTestId('ledger-empty').textContent()).toContain('无结果');
    await page.close();
  });

  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    it(`at ${width}×${height}: opens on 工作台, today's work above the fold, counts that agree`, async () => {
      const { page, pageErrors } = await session.newPage();
      await page.clock.install({ time: NINE_AM });
      await page.setViewportSize({ width, height });
      await page.goto(session.host.url);
      const week = page.getByTestId('dashboard-week');
      await week.waitFor();
      expect(await page.getByTestId('nav-dashboard').getAttribute('aria-current')).toBe('page');

      // 本周新增 and the 承诺期限 head are above the fold.
      const weekBox = await week.boundingBox();
      expect(weekBox && weekBox.y + weekBox.height).toBeLessThanOrEqual(height);

      // Running clocks first, nearest their limit first; clocks overdue for over a day are one closed line.
      const running = page.getByTestId('dashboard-clock-running').getByTestId('countdown');
      const texts = await running.allTextContents();
      expect(texts[0]).toMatch(/^剩余 (20|19)分$/); // the page's clock starts at 9:00 and runs
      expect(await running.first().getAttribute('data-urgency')).toBe('critical');
      expect(texts.every((text) => text.startsWith('剩余'))).toBe(true);
      expect(await page.getByTestId('dashboard-clock-running').getByTestId('dashboard-clock-row').first().textContent()).toContain('凌晨某化工园区爆燃');
      const old = page.getByTestId('dashboard-clock-old');
      if ((await old.count()) > 0) expect(await old.getAttribute('open')).toBeNull();

      // The panel's 已逾期 + 今日到期 is what the navigation badge counts.
      const panel = page.getByTestId('dashboard-commitments');
      const head = await panel.locator('.panel-counts').textContent();
      const [dueToday, overdue] = [/今日到期 (\d+) 项/, /已逾期 (\d+) 项/].map((re) => Number(re.exec(head ?? '')?.[1]));
      expect(overdue).toBeGreaterThan(0);
      expect(await page.getByTestId('nav-commitments-badge').textContent()).toBe(String(dueToday! + overdue!));
      // "另有 N 项" is a link to the board, and the board opens.
      await page.screenshot({ path: join(SHOTS, `dashboard-${width}.png`) });
      await page.getByTestId('dashboard-overdue-more').click();
      await page.getByTestId('commitment-board').waitFor();
      expect(pageErrors).toEqual([]);
      await page.close();
    });
  }
});
