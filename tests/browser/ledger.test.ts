import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractCalls } from '../helpers/ledger-calls.js';
import { browserAvailable } from './chromium.js';
import { browserSession, SHOTS } from './session.js';

// The 台账 at 1280×720 in Chromium, where layout is real: search hits deep in long titles and summaries stay
// inside their cells (not behind the ellipsis), filters take several values, the whole 发现时间 header cell
// sorts, and 无结果 replaces the table. Screenshots in test-results/ledger-*.png.

const run = browserAvailable();
const NOW = Date.parse('2026-11-28T04:00:00Z');

describe.skipIf(!run)('the 台账 at 1280×720 in Chromium', () => {
  const session = browserSession({
    prefix: 'yq-e2e-ledger-',
    ledger: { now: () => NOW },
    setUp: async () => {
      const { ok } = contractCalls(session.host.ledger);
      const severities = ['一般', '较大', '重大', '特别重大'] as const;
      const titles = [
        '关于城区某小区物业公司长期不作为导致居民生活受到严重影响的供暖问题',
        '某镇中心小学周边道路施工围挡长期未拆除影响学生上下学安全及冬季供暖管网检修',
        '县一中违规收取补课费',
        '国道货车侧翻致多人受伤',
        '某化工厂夜间异味扰民，村民聚集',
        '网传某乡镇卫生院医生收受红包',
      ];
      for (let i = 0; i < 12; i++) {
        await ok('createIncident', {
          title: `${titles[i % titles.length]}${i >= titles.length ? '（续）' : ''}`,
          summary: '居民反映自十一月中旬以来室内温度长期偏低，多次向物业公司和热力公司反映均无果，老人孩子受冻，要求尽快解决供暖不热问题。',
          platform: '微博',
          foundAt: new Date(NOW - (i + 1) * 5 * 3600_000).toISOString(),
          severity: severities[i % 4]!,
          categories: [i % 2 ? '困难群众' : '教育医疗'],
          leadUnit: '县住建局',
        });
      }
    },
  });

  it('search hits stay in view, filters take several values, the 发现时间 cell sorts, 无结果 replaces the table', async () => {
    const { page, pageErrors } = await session.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(session.host.url);
    await page.getByTestId('nav-ledger').click();
    await expect.poll(() => page.getByTestId('incident-total').textContent()).toBe('共 12 条');

    // Every highlighted hit lies inside the line that clips it (the line's box, not the text's full width).
    await page.keyboard.press('/');
    await page.keyboard.type('供暖');
    await expect.poll(() => page.locator('[data-testid="incident-row"] .title-line mark').count()).toBe(4);
    const hits = await page.locator('[data-testid="incident-row"] mark').evaluateAll((marks) =>
      marks.map((mark) => {
        const line = mark.closest('.title-line, .snippet-line')!.getBoundingClientRect();
        const box = mark.getBoundingClientRect();
        return { text: mark.textContent, inside: box.left >= line.left && box.right <= line.right + 0.5 };
      }),
    );
    expect(hits.length).toBeGreaterThanOrEqual(16);
    expect(hits.filter((hit) => !hit.inside)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'ledger-search-1280.png') });
    await page.keyboard.press('Escape'); // empties the search box
    await page.keyboard.press('Escape'); // and leaves it
    await expect.poll(() => page.getByTestId('incident-total').textContent()).toBe('共 12 条');

    // 重大 + 特别重大 at one click.
    await page.locator('#filter-severity').click();
    await page.getByRole('group', { name: '按等级筛选（可多选）' }).getByRole('button', { name: '重大及以上' }).click();
    await expect.poll(() => page.getByTestId('incident-total').textContent()).toBe('共 6 条');
    expect(await page.locator('#filter-severity').textContent()).toContain('重大及以上');
    await page.screenshot({ path: join(SHOTS, 'ledger-filters-1280.png') });
    await page.keyboard.press('Escape');

    // A click at the far right of the 发现时间 header cell (not on its words) sorts.
    const header = page.getByRole('columnheader', { name: /^发现时间/ });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const box = (await header.boundingBox())!;
    await page.mouse.click(box.x + box.width - 3, box.y + box.height / 2);
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');

    // Nothing matches: 无结果, and no empty table frame.
    await page.locator('#filter-status').click();
    await page.getByRole('group', { name: '按状态筛选（可多选）' }).getByLabel('已办结').check();
    await page.keyboard.press('Escape');
    await page.getByTestId('ledger-empty').waitFor();
    expect(await page.getByTestId('ledger-empty').textContent()).toContain('无结果');
    expect(await page.getByTestId('incident-table').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'ledger-empty-1280.png') });
    expect(pageErrors).toEqual([]);
  });
});
