import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import { startTestHost, type TestHost } from '../../scripts/test-host/server.js';
import { chooseFileInputSchema } from '../../shared/api/desktop.js';
import { toChinaInputValue } from '../../shared/china-time.js';
import { browserAvailable, launchChromium } from './chromium.js';

// Two offices that share no network, end to end in Chromium: two test hosts (two ledgers in their own folders)
// and two pages. A registers an incident; the two exchange contact cards (text pasted across) and trust each
// other after the "phone call"; A exports a bundle for B into a folder standing for the USB stick; B imports it
// and the incident is in B's ledger. Screenshots in test-results/sync-*.png.

const run = browserAvailable();
const SHOTS = join(process.cwd(), 'test-results');
const TITLE = '县城某小区供暖不热，居民集体投诉';

describe.skipIf(!run)('同步 between two workstations in Chromium', () => {
  let a: TestHost;
  let b: TestHost;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let dir: string;
  let usb: string;
  // What B's open dialog answers: the file A saved.
  let bundlePath: string | null = null;

  /** The save dialog puts the suggested name in the shared folder; the open dialog picks the saved bundle. */
  const dialog = (input: unknown): string | null => {
    const { mode, defaultName } = chooseFileInputSchema.parse(input);
    if (mode === 'open') return bundlePath;
    const path = join(usb, defaultName ?? 'unnamed');
    if (path.endsWith('.yqb')) bundlePath = path;
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yq-e2e-sync-'));
    usb = join(dir, 'U盘');
    mkdirSync(usb);
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    a = await startTestHost({
      rendererDir: 'dist/renderer',
      ledger: { path: join(dir, 'a', 'ledger.db'), siteName: '县委网信办工作站' },
      choosePath: dialog,
    });
    b = await startTestHost({
      rendererDir: 'dist/renderer',
      // B's clock runs a minute ahead, so its edits are later than A's made just before them, without sleeping.
      ledger: { path: join(dir, 'b', 'ledger.db'), siteName: '县融媒体中心工作站', now: () => Date.now() + 60_000 },
      choosePath: dialog,
    });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openPage(host: TestHost, errors: string[]): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    return page;
  }

  async function cardText(page: Page): Promise<string> {
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('card-show').click();
    return page.getByTestId('card-text').inputValue();
  }

  it('register on A → exchange cards and trust → A exports for B → B imports → the incident is in B’s ledger', async () => {
    const errors: string[] = [];
    const pageA = await openPage(a, errors);
    const pageB = await openPage(b, errors);

    // A registers an incident.
    await pageA.getByTestId('nav-ledger').click();
    await pageA.keyboard.press('n');
    const form = pageA.getByTestId('register-form');
    await form.getByLabel('标题', { exact: true }).fill(TITLE);
    await form.locator('#reg-platform').fill('微博');
    await form.locator('#reg-foundAt').fill(toChinaInputValue(new Date(Date.now() - 2 * 3600_000).toISOString()));
    await form.getByTestId('field-severity').getByText('较大', { exact: true }).click();
    await form.getByTestId('field-categories').getByRole('checkbox', { name: '困难群众生活' }).check();
    await pageA.getByTestId('register-submit').click();
    // The new incident opens at once; Escape goes back to the 台账.
    await pageA.getByTestId('incident-page').waitFor();
    await pageA.keyboard.press('Escape');
    await pageA.locator('[data-testid="incident-row"]', { hasText: TITLE }).waitFor();

    // Cards cross over (pasted as text); B trusts A straight away, having compared the fingerprint by phone.
    const cardA = await cardText(pageA);
    const cardB = await cardText(pageB);
    const fpA = await pageA.getByTestId('own-fingerprint').getAttribute('data-fingerprint');
    const fpB = await pageB.getByTestId('own-fingerprint').getAttribute('data-fingerprint');
    await pageB.getByTestId('peer-add').click();
    await pageB.getByTestId('add-peer-text').fill(cardA);
    await expect.poll(() => pageB.getByTestId('add-peer-preview').textContent()).toContain('县委网信办工作站');
    await pageB.getByTestId('add-peer-compared').check();
    await pageB.screenshot({ path: join(SHOTS, 'sync-add-peer.png') });
    await pageB.getByTestId('add-peer-submit').click();
    await expect.poll(() => pageB.getByTestId('peer-row').getAttribute('data-trusted')).toBe('true');

    // A adds B's card first and trusts it afterwards, through the confirmation that shows the fingerprint.
    await pageA.getByTestId('peer-add').click();
    await pageA.getByTestId('add-peer-text').fill(cardB);
    await pageA.getByTestId('add-peer-submit').click();
    await expect.poll(() => pageA.getByTestId('peer-row').getAttribute('data-trusted')).toBe('false');
    await pageA.getByTestId('peer-row').getByTestId('peer-trust').click();
    const trust = pageA.getByTestId('sy-trust-dialog');
    expect(await trust.locator('.sy-fp').getAttribute('data-fingerprint')).toBe(fpB);
    expect(await trust.textContent()).toContain('电话');
    await pageA.screenshot({ path: join(SHOTS, 'sync-trust.png') });
    await trust.getByTestId('sy-trust-confirm').click();
    await expect.poll(() => pageA.getByTestId('peer-row').getAttribute('data-trusted')).toBe('true');
    expect(fpA).not.toBe(fpB);

    // A exports a bundle for B onto the "USB stick".
    await pageA.getByTestId('export-peer').check();
    await pageA.getByTestId('export-run').click();
    const exported = pageA.getByTestId('export-result');
    await exported.waitFor();
    expect(Number(await pageA.getByTestId('export-ops').textContent())).toBeGreaterThan(0);
    expect(bundlePath).toMatch(/U盘\/舆情台账-同步包-\d{4}年\d{1,2}月\d{1,2}日\.yqb$/);
    expect(await exported.textContent()).toContain(bundlePath);
    await expect.poll(() => pageA.getByTestId('history-row').count()).toBe(1);
    await pageA.getByTestId('sync-peers').scrollIntoViewIfNeeded();
    await pageA.screenshot({ path: join(SHOTS, 'sync-export.png') });

    // B imports it: the preview first, then the summary.
    await pageB.getByTestId('import-choose').click();
    const preview = pageB.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('import-sender').textContent()).toBe('县委网信办工作站');
    await pageB.screenshot({ path: join(SHOTS, 'sync-import-preview.png') });
    await pageB.getByTestId('import-run').click();
    const summary = pageB.getByTestId('import-result');
    await summary.waitFor();
    expect(Number(await summary.getByTestId('count-applied').getAttribute('data-count'))).toBeGreaterThan(0);
    expect(await summary.getByTestId('count-conflicts').getAttribute('data-count')).toBe('0');
    await pageB.getByTestId('sync-history').scrollIntoViewIfNeeded();
    await pageB.screenshot({ path: join(SHOTS, 'sync-import.png') });

    // A damaged file is refused in Chinese, and nothing changes.
    const good = bundlePath;
    bundlePath = join(usb, '损坏的同步包.yqb');
    const bytes = readFileSync(good!);
    bytes[bytes.length - 30] = (bytes[bytes.length - 30] ?? 0) ^ 0xff;
    writeFileSync(bundlePath, bytes);
    await pageB.getByTestId('import-choose').click();
    await expect.poll(() => pageB.getByTestId('import-error').textContent()).toContain('篡改');
    expect(await pageB.getByTestId('import-error').textContent()).toContain('台账没有任何改变');
    await pageB.getByTestId('sync-import').scrollIntoViewIfNeeded();
    await pageB.screenshot({ path: join(SHOTS, 'sync-import-error.png') });

    // The incident is in B's ledger, on screen and in the database behind it.
    await pageB.getByTestId('nav-ledger').click();
    await pageB.locator('[data-testid="incident-row"]', { hasText: TITLE }).waitFor();
    await pageB.screenshot({ path: join(SHOTS, 'sync-ledger-b.png') });
    expect(b.ledger.db.prepare('SELECT title FROM incidents').all()).toEqual([{ title: TITLE }]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('a concurrent retitle on both workstations is listed on A for review; 改用另一值 restores A’s title', async () => {
    const callA = createDispatcher(createHandlers(a.ledger));
    const callB = createDispatcher(createHandlers(b.ledger));
    const id = (a.ledger.db.prepare('SELECT id FROM incidents').get() as { id: string }).id;
    const must = async (result: Promise<{ ok: boolean; error?: { message: string } }>) => {
      const r = await result;
      if (!r.ok) throw new Error(r.error?.message);
    };
    // Neither office has seen the other's edit; B's is later, so it wins by last-writer-wins.
    await must(callA('updateIncident', { id, patch: { title: `${TITLE}（网信办核实）` } }));
    await must(callB('updateIncident', { id, patch: { title: `${TITLE}（融媒体中心核实）` } }));
    bundlePath = join(usb, 'b-to-a.yqb');
    await must(callB('exportBundle', { path: bundlePath, peers: ['县委网信办工作站'] }));

    const errors: string[] = [];
    const pageA = await openPage(a, errors);
    await pageA.getByTestId('nav-sync').click();
    await pageA.getByTestId('import-choose').click();
    await pageA.getByTestId('import-run').click();
    await expect.poll(() => pageA.getByTestId('import-result').getByTestId('count-conflicts').getAttribute('data-count')).toBe('1');
    const row = pageA.getByTestId('conflict-row');
    expect(await row.getByTestId('conflict-winner').textContent()).toBe(`${TITLE}（融媒体中心核实）`);
    expect(await row.getByTestId('conflict-loser').textContent()).toBe(`${TITLE}（网信办核实）`);
    await pageA.getByTestId('sync-conflicts').scrollIntoViewIfNeeded();
    await pageA.screenshot({ path: join(SHOTS, 'sync-conflicts.png') });
    await row.getByTestId('conflict-keep-other').click();
    await expect.poll(() => pageA.getByTestId('conflict-row').count()).toBe(0);
    expect(a.ledger.db.prepare('SELECT title FROM incidents').all()).toEqual([{ title: `${TITLE}（网信办核实）` }]);
    expect(errors).toEqual([]);
  }, 60_000);
});
