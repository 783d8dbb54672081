import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LedgerError } from '../../../shared/errors.js';

// The core's PDF printer: headless Chromium's own print-to-PDF, which honours @page (size, margins, margin boxes
// for the page number) exactly as Electron's printToPDF does. Used by the CLI, the browser-test host and tests;
// the app prints through Electron in the main process instead.

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** $CHROMIUM_PATH, then the usual install paths; undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export interface PdfOptions {
  /** Which Chromium to run; found with findChromium() when left out. */
  chromium?: string;
  timeoutMs?: number;
}

/** Prints an HTML document to `outPath` (PDF). Throws a LedgerError in Chinese when it cannot. */
export async function printHtmlToPdf(documentHtml: string, outPath: string, options: PdfOptions = {}): Promise<void> {
  const chromium = options.chromium ?? findChromium();
  if (!chromium) {
    throw new LedgerError(
      'internal',
      '未找到 Chromium 浏览器，无法生成 PDF。请安装 chromium（如 apt-get install chromium），或设置环境变量 CHROMIUM_PATH 指向其可执行文件。',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'yq-print-'));
  try {
    const source = join(work, 'document.html');
    writeFileSync(source, guarded(documentHtml), 'utf8');
    await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        '--disable-background-networking',
        '--no-first-run',
        `--user-data-dir=${join(work, 'profile')}`,
        `--print-to-pdf=${outPath}`,
        pathToFileURL(source).href,
      ],
      options.timeoutMs ?? 60_000,
    );
    if (!existsSync(outPath) || statSync(outPath).size === 0) {
      throw new LedgerError('internal', 'Chromium 未能生成 PDF 文件，请重试。');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// The document is data: no script runs and nothing is fetched. Print documents carry this policy themselves;
// it is put in front again here because the HTML reaches printDocument from the renderer, and a file:// page
// must never read other local files into a PDF. (--blink-settings=scriptEnabled=false would be simpler, but
// headless Chromium then silently writes no PDF at all.) Placed after the doctype, so no quirks mode.
const CSP_META = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`;

export function guarded(documentHtml: string): string {
  const doctype = /^\s*<!doctype[^>]*>/i.exec(documentHtml);
  return doctype ? `${doctype[0]}${CSP_META}${documentHtml.slice(doctype[0].length)}` : `${CSP_META}${documentHtml}`;
}

function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new LedgerError('internal', `生成 PDF 超时（${Math.round(timeoutMs / 1000)} 秒），请重试。`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(new LedgerError('internal', `无法启动 Chromium（${command}）：${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) done();
      else fail(new LedgerError('internal', `Chromium 生成 PDF 失败（退出码 ${code}）：${stderr.trim().split('\n').slice(-1)[0] ?? ''}`));
    });
  });
}

/** The core's answer to printDocument in mode 'pdf': a PDF in a fresh temporary folder, named after the title. */
export async function printToTempPdf(documentHtml: string, title: string, options: PdfOptions = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'yq-pdf-'));
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'document';
  const out = join(dir, `${safe}.pdf`);
  await printHtmlToPdf(documentHtml, out, options);
  return out;
}
