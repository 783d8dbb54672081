import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/protocol.js';
import { browserAvailable } from './chromium.js';
import { browserSession } from './session.js';

// The built page carries exactly the policy the app:// protocol sends as a header, so the browser tests run the
// renderer under the policy the app ships (connect-src 'none' included).

const metaPolicy = (html: string) =>
  /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];

describe('the renderer\'s Content-Security-Policy', () => {
  it('the built index.html carries exactly the app:// header policy', () => {
    const built = readFileSync('dist/renderer/index.html', 'utf8');
    expect(metaPolicy(built)).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
  });
});

const run = browserAvailable();

describe.skipIf(!run)('the page under that policy in Chromium', () => {
  const session = browserSession();

  it('cannot fetch anything itself, while the ledger (the preload\'s stand-in) still answers', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.host.url);
    await page.getByTestId('nav-ledger').click();
    const own = await page.evaluate(() =>
      fetch('/').then(
        () => 'fetched',
        (error: unknown) => `refused: ${String(error)}`,
      ),
    );
    expect(own).toMatch(/^refused/);
    const answer = await page.evaluate(() => (window as unknown as { ledger: { getAppInfo: (input: object) => Promise<{ ok: boolean }> } }).ledger.getAppInfo({}));
    expect(answer.ok).toBe(true);
  });
});
