import { findChromium } from '../../scripts/test-host/chromium.js';

// Where no Chromium is found the browser tests skip loudly — unless YQ_REQUIRE_TOOLS=1 (set by .ci/run), where a
// missing browser is a failure, so CI can never pass by skipping.

export { findChromium, launchChromium } from '../../scripts/test-host/chromium.js';

export const toolsRequired = process.env.YQ_REQUIRE_TOOLS === '1';

/** Whether to run browser tests here; prints a loud notice when skipping. */
export function browserAvailable(): boolean {
  if (findChromium()) return true;
  const notice = `Chromium not found (set CHROMIUM_PATH or apt-get install chromium): browser tests ${toolsRequired ? 'FAIL' : 'SKIPPED'}`;
  console.warn(`\n${'!'.repeat(notice.length)}\n${notice}\n${'!'.repeat(notice.length)}\n`);
  if (toolsRequired) throw new Error(notice);
  return false;
}

