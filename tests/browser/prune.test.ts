import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './chromium.js';
import { browserSession, SHOTS } from './session.js';

// 设置 → 审计 → 清理历史操作 in Chromium: superseded operations go, the page says how many and the file's size, and
// the audit check that follows is sound. Screenshot in test-results/settings-prune.png.

const run = browserAvailable();

describe.skipIf(!run)('清理历史操作 in Chromium', () => {
  const session = browserSession({
    setUp: async (s) => {
      const made = (await s.call('createIncident', {
        title: '某小区供暖不热', platform: '微博', foundAt: '2026-11-27 09:30', severity: '一般', categories: ['其他'],
      })) as { id: string };
      for (const to of ['处置中', '已回应']) await s.call('transitionIncident', { id: made.id, to });
    },
  });

  it('prunes from 设置 → 审计 and the chains stay sound', async () => {
    const { page, pageErrors } = await session.newPage();
    await page.goto(session.host.url);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-audit').click();
    await page.getByTestId('prune-run').click();
    await expect.poll(() => page.getByTestId('prune-report').textContent()).toMatch(/^已清理 6 条被取代的同步操作/);
    await page.getByTestId('audit-run').click();
    await expect.poll(() => page.getByTestId('audit-report').textContent()).toContain('全部完好');
    await page.getByTestId('settings-audit').screenshot({ path: join(SHOTS, 'settings-prune.png') });
    expect(pageErrors).toEqual([]);
  });
});
