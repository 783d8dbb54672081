import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startTestHost } from '../test-host/server.js';
import { launchChromium } from '../test-host/chromium.js';
import { BENCH_NOW } from './bench-ledger.js';
import { againstCeiling, count, ms, summarize } from './measure.js';
import type { BenchRow } from './table.js';

// The ledger view in a real Chromium on the benchmark ledger (DESIGN §8: first rows visible ≤ 500 ms after
// navigation; DOM rows stay ≤ 200 while scrolling). Run as a child by ledger-view-rows.ts: it needs async work
// and a browser. The built renderer is served by the test host in front of the real core, on a copy of the
// ledger so the cached one is never written. Times are taken in Node around Playwright's calls, so they include
// its round trips: the page itself is faster than the figures say.

const [ledgerPath, scratchDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const FIRST_ROWS_BUDGET_MS = 500;
const DOM_ROWS_BUDGET = 200;
const root = resolve(fileURLToPath(import.meta.url), '../../..');

// Measure the renderer as it is now, not whatever an earlier build left in dist/.
const build = spawnSync(process.execPath, [join(root, 'scripts/build-app.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) throw new Error('npm run build failed');

const dir = mkdtempSync(join(scratchDir!, 'ledger-view-'));
const copy = join(dir, 'ledger.db');
copyFileSync(ledgerPath!, copy);
const host = await startTestHost({ rendererDir: join(root, 'dist/renderer'), ledger: { path: copy, now: () => BENCH_NOW } });
const browser = await launchChromium();

/** Polls a page-side expression until it holds: the app's CSP forbids the eval that waitForFunction would need. */
async function until(page: Page, expression: string): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!(await page.evaluate(expression))) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
  }
}
// Page-side expressions as text: this file is compiled for Node, without the DOM's types.
const ROWS_IN_DOM = `document.querySelectorAll('[data-testid="incident-row"], [data-testid="incident-row-loading"]').length`;
const SCROLLER = `document.querySelector('[data-testid="incident-scroll"]')`;
const FILLED = `document.querySelectorAll('[data-testid="incident-row-loading"]').length === 0 && document.querySelectorAll('[data-testid="incident-row"]').length > 0`;

try {
  const firstRows: number[] = [];
  const jumps: number[] = [];
  let maxDomRows = 0;
  let positions = 0;
  let total = '';
  for (let run = 0; run <= runs; run++) {
    const page = await browser.context.newPage();
    await page.goto(host.url);
    await page.getByTestId('nav-ledger').waitFor();
    const start = performance.now();
    await page.getByTestId('nav-ledger').click();
    await page.locator('[data-testid="incident-row"]').first().waitFor({ state: 'visible' });
    if (run > 0) firstRows.push(performance.now() - start); // run 0 warms the core's statement cache and the page cache
    total = (await page.getByTestId('incident-total').textContent()) ?? '';

    // Scroll through the whole ledger: small steps, then jumps far down, counting the rows in the DOM each time.
    const height = Number(await page.evaluate(`${SCROLLER}.scrollHeight`));
    const targets = [
      ...Array.from({ length: 20 }, (_, i) => (i + 1) * 600),
      ...[0.1, 0.25, 0.5, 0.75, 0.9, 1].map((f) => Math.floor(f * height)),
    ];
    for (const top of targets) {
      const jumpStart = performance.now();
      await page.evaluate(`${SCROLLER}.scrollTo({ top: ${top} })`);
      await until(page, FILLED);
      if (run > 0 && top > 600 * 20) jumps.push(performance.now() - jumpStart);
      maxDomRows = Math.max(maxDomRows, Number(await page.evaluate(ROWS_IN_DOM)));
      positions += 1;
    }
    await page.close();
  }
  const first = summarize(firstRows);
  const jump = summarize(jumps);
  const rows: BenchRow[] = [
    {
      measure: `ledger view in Chromium: first rows after opening 台账 (${total.trim()}), p50 / p95 of ${first.runs}`,
      value: `${ms(first.p50)} / ${ms(first.p95)}`,
      budget: `p95 ≤ ${FIRST_ROWS_BUDGET_MS} ms`,
      verdict: againstCeiling(first.p95, FIRST_ROWS_BUDGET_MS),
    },
    {
      measure: `ledger view in Chromium: most rows in the DOM while scrolling (${count(positions)} positions, to the last row)`,
      value: count(maxDomRows),
      budget: `≤ ${DOM_ROWS_BUDGET}`,
      verdict: againstCeiling(maxDomRows, DOM_ROWS_BUDGET),
    },
    {
      measure: 'ledger view in Chromium: a jump far down until its rows are filled, p50 / p95',
      value: `${ms(jump.p50)} / ${ms(jump.p95)}`,
      budget: '—',
      verdict: 'informational',
    },
  ];
  console.log(JSON.stringify(rows));
} finally {
  await browser.close();
  await host.close();
  rmSync(dir, { recursive: true, force: true });
}
