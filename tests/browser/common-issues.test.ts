import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printHtmlToPdf } from '../../electron/core/print/pdf.js';
import { openLedger } from '../../electron/core/open-ledger.js';
import { contractCalls } from '../helpers/ledger-calls.js';
import { LABELLED } from '../core/similarity/labelled-set.js';
import { fillLabelled } from '../core/similarity/fill.js';
import { browserAvailable } from './chromium.js';
import { browserSession, SHOTS } from './session.js';

// 共性问题 as a person sees them (issue 16): the 工作台 panel in Chromium, and the 三、共性问题 page of the month
// report printed to PDF; screenshot and page image kept in test-results/ to be looked at.

const run = browserAvailable();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

describe.skipIf(!run)('共性问题 in Chromium and on paper', () => {
  const session = browserSession({ prefix: 'yq-common-' });
  /** Registers through the host's door, as another window or the CLI would. */
  const seed = (input: Record<string, unknown>) => session.call('createIncident', input);

  it('shows this week’s 共性问题 on the 工作台', async () => {
    // Three matters of the labelled set posted in the last hours (this week), and one post of nothing in common.
    const recent = LABELLED.filter((l) => l.matter === 'M1' || l.matter === 'M2' || l.matter === 'M10');
    for (const [i, l] of recent.entries()) {
      await seed({ title: l.title, summary: l.summary, platform: '微博', foundAt: hoursAgo(0.05 + i * 0.01), severity: '一般', categories: l.categories, leadUnit: l.lead, township: l.township });
    }
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1360, height: 1000 });
    await page.goto(session.host.url);
    await page.getByRole('button', { name: '工作台' }).click();
    const panel = page.getByTestId('dashboard-common');
    await expect.poll(() => panel.getByTestId('common-issue').count()).toBe(3);
    expect(await panel.textContent()).toContain('6 起');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SHOTS, 'common-issues-dashboard.png') });
    await page.screenshot({ path: join(SHOTS, 'common-issues-dashboard-page.png'), fullPage: true });
  });

  it('prints 三、共性问题 in the month report', async () => {
    const ledger = openLedger({ path: join(session.dir, 'month.db'), now: () => Date.parse('2026-12-01T04:00:00Z') });
    try {
      await fillLabelled(ledger);
      const { ok } = contractCalls(ledger);
      const { html } = await ok('renderDigest', { period: '2026-11' });
      const pdf = join(session.dir, 'month.pdf');
      await printHtmlToPdf(html, pdf);
      writeFileSync(join(SHOTS, 'common-issues-month.html'), html);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const pages = text.split('\f');
      const at = pages.findIndex((p) => p.replace(/\s+/g, '').includes('三、共性问题'));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(pages.slice(at).join('').replace(/\s+/g, '')).toContain('本月新增舆情中有共性问题12个');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(at + 1), '-l', String(at + 2), pdf, join(SHOTS, 'common-issues-month')]);
    } finally {
      ledger.close();
    }
  });
});
