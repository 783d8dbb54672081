import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { OpenLedgerOptions } from '../../electron/core/open-ledger.js';
import { startTestHost, type TestHost } from '../../scripts/test-host/server.js';
import { bundleCoreWorker } from '../helpers/core-worker-bundle.js';
import { launchChromium } from './chromium.js';

// The set-up every browser test shares: a temp folder, the test host serving the built renderer on a ledger in
// that folder, one Chromium, and test-results/ for screenshots; all of it closed and removed after the tests.

/** Where browser tests leave screenshots and PDFs to be looked at. */
export const SHOTS = join(process.cwd(), 'test-results');

export interface BrowserSession {
  readonly host: TestHost;
  readonly browser: Awaited<ReturnType<typeof launchChromium>>;
  /** The session's temp folder; the ledger is `ledger.db` in it. */
  readonly dir: string;
  /** A new page, and the uncaught errors it throws (a test expects none). */
  newPage(): Promise<{ page: Page; pageErrors: string[] }>;
  /** Calls a contract method through the host's HTTP door, as another window or the CLI would; throws if refused. */
  call(method: string, input: unknown): Promise<unknown>;
}

export interface BrowserSessionOptions {
  /** The temp folder's name prefix. */
  prefix?: string;
  /** More ledger options (a fixed clock). */
  ledger?: Partial<OpenLedgerOptions>;
  /** Answers the page's file dialog (see startTestHost). */
  choosePath?: (input: unknown) => string | null;
  /** Runs before Chromium starts, once the host is up: seed the ledger, write files into dir. */
  setUp?: (session: BrowserSession) => Promise<void> | void;
  /** For a slow setUp (a demo ledger of thousands of incidents). */
  timeoutMs?: number;
  /** Serve the contract from the real core worker, as the app does (long jobs then show progress and can be cancelled). */
  coreWorker?: boolean;
}

/** Registers the set-up and tear-down in the calling describe; the session's parts are there once tests run. */
export function browserSession(options: BrowserSessionOptions = {}): BrowserSession {
  let host: TestHost | undefined;
  let browser: BrowserSession['browser'] | undefined;
  let dir: string | undefined;
  const ready = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`browserSession: ${name} is used before the session started (inside a test only)`);
    return part;
  };
  const session: BrowserSession = {
    get host() {
      return ready(host, 'host');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get dir() {
      return ready(dir, 'dir');
    },
    async newPage() {
      const page = await session.browser.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return { page, pageErrors };
    },
    async call(method, input) {
      const response = await fetch(new URL(`/api/${method}`, session.host.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ledger-token': session.host.token },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: true; value: unknown } | { ok: false; error: { message: string } };
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    },
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'yq-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    host = await startTestHost({
      rendererDir: 'dist/renderer',
      ledger: { path: join(dir, 'ledger.db'), ...options.ledger },
      ...(options.choosePath ? { choosePath: options.choosePath } : {}),
      ...(options.coreWorker ? { coreWorker: { entryPath: await bundleCoreWorker(dir) } } : {}),
    });
    await options.setUp?.(session);
    browser = await launchChromium();
  }, options.timeoutMs);
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return session;
}
