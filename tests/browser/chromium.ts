import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// Finds a system Chromium (the test tool must not download its own): $CHROMIUM_PATH, then the usual paths.
// Where none is found the browser tests skip loudly — unless YQ_REQUIRE_TOOLS=1 (set by .ci/run), where a
// missing browser is a failure, so CI can never pass by skipping.

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export const toolsRequired = process.env.YQ_REQUIRE_TOOLS === '1';

/** Whether to run browser tests here; prints a loud notice when skipping. */
export function browserAvailable(): boolean {
  if (findChromium()) return true;
  const notice = `Chromium not found (set CHROMIUM_PATH or apt-get install chromium): browser tests ${toolsRequired ? 'FAIL' : 'SKIPPED'}`;
  console.warn(`\n${'!'.repeat(notice.length)}\n${notice}\n${'!'.repeat(notice.length)}\n`);
  if (toolsRequired) throw new Error(notice);
  return false;
}

/** A fresh headless Chromium profile with the flags this closed network needs. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found');
  const profile = mkdtempSync(join(tmpdir(), 'yq-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
