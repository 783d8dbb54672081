import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../electron/core/ledger/staff.js';
import { startTestHost, type TestHost } from '../../scripts/test-host/server.js';
import { browserAvailable, launchChromium } from './chromium.js';

// The name chooser in a real Chromium (issue 11.4): a workstation with staff asks who is at the keyboard before
// work; the choice is shown in the header and remembered across a reload.

const run = browserAvailable();
const SHOTS = join(process.cwd(), 'test-results');

describe.skipIf(!run)('choosing who is at the keyboard in Chromium', () => {
  let host: TestHost;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yq-e2e-'));
    host = await startTestHost({ rendererDir: 'dist/renderer', ledger: { path: join(dir, 'ledger.db') } });
    addStaff(host.ledger.ctx, '张三', '科员');
    addStaff(host.ledger.ctx, '李四', '值班员');
    addStaff(host.ledger.ctx, '欧阳晓明', '副主任');
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a name before work, shows it with 切换, and remembers it', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(host.url);
    const chooser = page.getByTestId('staff-chooser');
    await chooser.waitFor();
    await page.screenshot({ path: join(SHOTS, 'staff-chooser.png') });
    await chooser.getByRole('button', { name: '我是李四' }).click();
    await chooser.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('at-keyboard-name').textContent()).toBe('李四');
    await page.getByTestId('at-keyboard').screenshot({ path: join(SHOTS, 'staff-header.png') });
    await page.reload();
    await expect.poll(() => page.getByTestId('at-keyboard-name').textContent()).toBe('李四');
    expect(await page.getByTestId('staff-chooser').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
