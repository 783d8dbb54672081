import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../scripts/test-host/server.js';
import { browserAvailable, launchChromium } from './chromium.js';

// 备份与恢复 in Chromium: the 工作台 warns while there is no backup; 设置 → 立即备份 lists it and the warning goes.
// Screenshots in test-results/backup-*.png.

const run = browserAvailable();
const SHOTS = join(process.cwd(), 'test-results');

describe.skipIf(!run)('备份与恢复 in Chromium', () => {
  let host: TestHost;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yq-e2e-'));
    host = await startTestHost({ rendererDir: 'dist/renderer', ledger: { path: join(dir, 'ledger.db') } });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns on the 工作台, backs up from 设置, and lists the backup', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(host.url);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('backup-warning').waitFor();
    await page.screenshot({ path: join(SHOTS, 'backup-dashboard-warning.png') });
    await page.getByRole('button', { name: '前往备份与恢复' }).click();
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-row').first().waitFor();
    await page.getByTestId('backup-section').scrollIntoViewIfNeeded();
    await page.getByTestId('backup-section').screenshot({ path: join(SHOTS, 'backup-settings.png') });
    expect(await page.getByTestId('backup-row').count()).toBe(1);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('backup-warning').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
