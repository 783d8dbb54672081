import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './chromium.js';
import { browserSession, SHOTS } from './session.js';

// End to end in a real Chromium: the built renderer, served by the test host, talking to the real core on
// loopback through the same contract the Electron preload exposes.

const run = browserAvailable();

describe.skipIf(!run)('registering an incident in Chromium', () => {
  const session = browserSession();

  it('open → register with two categories → see it in the list → reload → still there', async () => {
    const { page, pageErrors } = await session.newPage();
    await page.goto(session.host.url);
    await page.getByTestId('nav-ledger').click();
    await expect.poll(() => page.getByTestId('incident-total').textContent()).toContain('0');

    await page.getByTestId('register-open').click();
    const form = page.getByTestId('register-form');
    await form.getByLabel('标题', { exact: true }).fill('县城某小区供暖不热，居民集体投诉');
    await form.getByLabel('摘要').fill('多名居民在微博反映室温不足16度，物业推诿');
    await form.locator('#reg-platform').fill('微博');
    await form.locator('#reg-foundAt').fill('2026-11-27 09:30');
    await form.getByTestId('field-categories').getByText('困难群众生活').click();
    await form.getByTestId('field-categories').getByText('环境污染和生态破坏').click();
    await form.getByTestId('field-severity').getByText('较大', { exact: true }).click();
    await form.locator('#reg-leadUnit').selectOption({ label: '县住建局' });
    await page.getByTestId('register-submit').click();
    // The new incident opens at once; Escape goes back to the 台账.
    await expect.poll(() => page.getByTestId('incident-page').getByTestId('incident-number').textContent()).toBe('YQ-2026-0001');
    await page.keyboard.press('Escape');

    const row = page.locator('[data-testid="incident-row"][data-number="YQ-2026-0001"]');
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('县城某小区供暖不热');
    expect(await row.textContent()).toContain('县住建局');

    await page.reload();
    await page.getByTestId('nav-ledger').click();
    await row.waitFor();
    expect(await row.textContent()).toContain('困难群众');
    await page.screenshot({ path: join(SHOTS, 'foundation-ledger.png') });

    // The same incident is in the real database behind the page.
    const stored = session.host.ledger.db.prepare('SELECT number, categories FROM incidents').all();
    expect(stored).toEqual([{ number: 'YQ-2026-0001', categories: JSON.stringify(['hardship', 'environment']) }]);
    expect(pageErrors).toEqual([]);
  });

  it('shows Chinese validation messages next to the fields and stores nothing', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.host.url);
    await page.getByTestId('nav-ledger').click();
    await page.getByTestId('register-open').click();
    await page.getByTestId('register-submit').click();
    await expect.poll(() => page.getByTestId('error-title').textContent()).toContain('请填写标题');
    expect(await page.getByTestId('error-categories').textContent()).toContain('至少选择一个敏感类别');
    await page.screenshot({ path: join(SHOTS, 'foundation-register-errors.png') });
    expect((session.host.ledger.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n).toBe(1);
  });

  it('refuses API calls without the token, and requests for another host name', async () => {
    const response = await fetch(new URL('/api/listIncidents', session.host.url), { method: 'POST', body: '{}' });
    expect(response.status).toBe(403);
    // fetch will not send another Host; a rebinding browser would.
    const rebound = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL('/__ledger-bridge.js', session.host.url);
      const request = httpGet({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example' } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain(session.host.token);
  });
});
