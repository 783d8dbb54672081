import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { type Ledger, openLedger, type OpenLedgerOptions } from '../../electron/core/open-ledger.js';
import { type CallLedger, createDispatcher, createHandlers } from '../../electron/core/service.js';
import { parseJsonText } from '../../shared/json-text.js';
import { createFileGate, listedBackups, NOT_CHOSEN_MESSAGE } from '../../electron/core/file-gate.js';
import { type CoreWorker, startCoreWorker } from '../../electron/core/worker/client.js';
import type { ProgressEvent } from '../../shared/api/events.js';
import { BRIDGE_FRAME_PATH, bridgeScript, PROGRESS_PATH } from './bridge.js';

// A small host for browser tests (and for trying the UI without Electron): it serves the built renderer and
// answers the contract on 127.0.0.1 by calling the same core the app runs. Only loopback, a random port, and a
// random token that every API call must carry. It is a door like the app's IPC: the token and the API are only for
// pages it served itself (Host, Origin and Sec-Fetch-Site are checked), a body over 5 MB is answered 413, and a
// page may name only files chosen through the (test's) file dialog, as in the app (core/file-gate.ts).

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY = 5 * 1024 * 1024;

export interface TestHost {
  url: string;
  token: string;
  ledger: Ledger;
  /** Hears the core's progress events (with `coreWorker` only: the in-process core reports none). */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  close(): Promise<void>;
}

export async function startTestHost(options: {
  rendererDir: string;
  ledger: OpenLedgerOptions;
  /** Answers chooseFile as the desktop's dialog would (a test sets the path it wants "chosen"). */
  choosePath?: (input: unknown) => string | null;
  /**
   * Answer the contract from the real core worker (its bundled entry) on the same file, as the app does: the host
   * stays free while a long job runs, so 取消 reaches it, and progress events stream to the page.
   */
  coreWorker?: { entryPath: string };
}): Promise<TestHost> {
  const rendererDir = resolve(options.rendererDir);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer at ${rendererDir}: run npm run build first`);
  }
  const ledger = openLedger(options.ledger);
  const progressListeners = new Set<(event: ProgressEvent) => void>();
  let worker: CoreWorker | undefined;
  if (options.coreWorker) {
    if (!options.ledger.path || options.ledger.path === ':memory:') throw new Error('coreWorker needs a ledger file');
    worker = startCoreWorker({ entryPath: options.coreWorker.entryPath, dbPath: options.ledger.path, onProgress: (e) => progressListeners.forEach((l) => l(e)) });
    const ready = await worker.ready;
    if (!ready.ok) throw new Error(ready.error.message);
  }
  const core: CallLedger = worker ? worker.call : createDispatcher(createHandlers(ledger));
  const choosePath = options.choosePath;
  const gate = createFileGate({ listedBackups: () => listedBackups(core) });
  const call: CallLedger = async (method, input) => {
    if (method === 'chooseFile' && choosePath) {
      const path = choosePath(input);
      const mode = (input as { mode?: unknown } | null)?.mode === 'save' ? 'save' : 'open';
      if (path !== null) gate.chosen(path, mode);
      return { ok: true, value: { path } };
    }
    if (!(await gate.allows(method, input))) return { ok: false, error: { code: 'forbidden', message: NOT_CHOSEN_MESSAGE } };
    return core(method, input);
  };
  const token = randomBytes(24).toString('hex');
  let ownHost = '';
  const server = createServer((req, res) => {
    // A page on another site that rebinds its name to 127.0.0.1 still sends its own Host: refuse it, so only
    // pages we served can fetch the bridge script (and its token).
    if (req.headers.host !== ownHost) return send(res, 403, 'text/plain', 'wrong host');
    handle(req, res, { rendererDir, call, token, origin: `http://${ownHost}`, progressListeners }).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  ownHost = `127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    ledger,
    onProgress: (listener) => {
      progressListeners.add(listener);
      return () => void progressListeners.delete(listener);
    },
    close: () => closeServer(server).finally(async () => {
      await worker?.close();
      ledger.close();
    }),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: { rendererDir: string; call: CallLedger; token: string; origin: string; progressListeners: Set<(event: ProgressEvent) => void> },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const refuse = (status: number, code: string, message: string) =>
    send(res, status, 'application/json', JSON.stringify({ ok: false, error: { code, message } }));
  const isApi = url.pathname.startsWith('/api/');
  if ((isApi || url.pathname === '/__ledger-bridge.js' || url.pathname === PROGRESS_PATH) && !fromOurOwnPage(req, ctx.origin)) {
    return refuse(403, 'forbidden', '拒绝访问：请求不是来自本机台账页面');
  }
  if (url.pathname === PROGRESS_PATH) {
    // Server-sent events: HTTP's one way to push, for the progress the app's preload relays over IPC. An
    // EventSource cannot set headers, so the token comes in the query.
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const expected = Buffer.from(ctx.token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return send(res, 403, 'text/plain', 'forbidden');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.write(': progress\n\n');
    const listener = (event: ProgressEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    ctx.progressListeners.add(listener);
    req.on('close', () => ctx.progressListeners.delete(listener));
    return;
  }
  if (isApi) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
    const given = Buffer.from(String(req.headers['x-ledger-token'] ?? ''));
    const expected = Buffer.from(ctx.token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return send(res, 403, 'application/json', JSON.stringify({ ok: false, error: { code: 'forbidden', message: '拒绝访问' } }));
    }
    const body = await readBody(req);
    if (body === undefined) {
      res.setHeader('connection', 'close');
      return refuse(413, 'invalid_input', `请求过大（超过 ${MAX_BODY / 1024 / 1024} MB），已拒绝`);
    }
    const parsed = parseJsonText(body, '请求');
    if (!parsed.ok) return refuse(400, 'invalid_input', parsed.message);
    const input = parsed.value;
    const result = await ctx.call(decodeURIComponent(url.pathname.slice(5)), input);
    return send(res, 200, 'application/json', JSON.stringify(result));
  }
  if (url.pathname === '/__ledger-bridge.js') return send(res, 200, TYPES['.js']!, bridgeScript(ctx.token));
  if (url.pathname === BRIDGE_FRAME_PATH) return send(res, 200, TYPES['.html']!, '<!doctype html><title>ledger bridge</title>');
  const file = url.pathname === '/' ? join(ctx.rendererDir, 'index.html') : resolve(ctx.rendererDir, `.${decodeURIComponent(url.pathname)}`);
  if (!file.startsWith(ctx.rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    return send(res, 404, 'text/plain', 'not found');
  }
  let body: string | Buffer = readFileSync(file);
  if (file.endsWith('index.html')) {
    // The bridge must define window.ledger before the app's module script runs.
    body = body.toString('utf8').replace('<head>', '<head>\n    <script src="/__ledger-bridge.js"></script>');
  }
  return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
}

/**
 * Only pages this host served may fetch the bridge (it holds the token) or call the API: a browser says where a
 * request comes from in Origin (sent on every POST) and Sec-Fetch-Site. A client that is not a browser sends
 * neither, and still needs the token.
 */
function fromOurOwnPage(req: IncomingMessage, ownOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** The body as text, or undefined when it is larger than MAX_BODY (what was sent beyond is not kept). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY) {
    req.resume(); // let it drain so the 413 can be read
    return Promise.resolve(undefined);
  }
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => done(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}
