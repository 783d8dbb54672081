import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './chromium.js';
import { browserSession, SHOTS } from './session.js';

// 备份与恢复 in Chromium: the 工作台 warns while there is no backup; 设置 → 立即备份 lists it and the warning goes.
// Screenshots in test-results/backup-*.png.

const run = browserAvailable();

describe.skipIf(!run)('备份与恢复 in Chromium', () => {
  const session = browserSession();

  it('warns on the 工作台, backs up from 设置, and lists the backup', async () => {
    const { page, pageErrors } = await session.newPage();
    await page.goto(session.host.url);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('backup-warning').waitFor();
    await page.screenshot({ path: join(SHOTS, 'backup-dashboard-warning.png') });
    await page.getByRole('button', { name: '前往备份与恢复' }).click();
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-row').first().waitFor();
    await page.getByTestId('backup-section').scrollIntoViewIfNeeded();
    await page.getByTestId('backup-section').screenshot({ path: join(SHOTS, 'backup-settings.png') });
    expect(await page.getByTestId('backup-row').count()).toBe(1);
    // The page names the listed backup back to check it before a restore: the file gate lets a listed one through.
    await page.getByTestId('backup-restore').click();
    await expect.poll(() => page.getByTestId('backup-preview').textContent()).toContain('此备份完好');
    expect(await page.getByTestId('backup-error').count()).toBe(0);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('backup-warning').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
