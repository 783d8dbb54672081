import { chromium } from 'playwright-core';
const [url, out, w, h, view] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url);
await p.waitForTimeout(1500);
if (view) { await p.getByTestId('nav-' + view).click(); await p.waitForTimeout(1500); }
await p.screenshot({ path: out });
await b.close();
