import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp.js';

// The renderer is served from disk through our own privileged scheme rather than file://: file:// pages share
// one opaque origin with every local file, while app://ledger is a real origin we can check on every IPC call,
// and every response carries a strict Content-Security-Policy.

export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY } from './csp.js';

/** Must run before `app` is ready: makes app:// a standard, secure origin (fetch, storage, relative URLs). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Whether a URL belongs to our app (the only pages allowed to talk to the ledger). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Node gives non-special schemes an opaque origin ("null"), so compare scheme and host instead.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

type Resolved = { kind: 'file'; file: string } | { kind: 'refused'; status: 400 | 403 | 404 };

/**
 * Maps an app:// URL to a file under `root`, refusing anything that would leave it (`..`, encoded `%2e%2e%2f`,
 * backslashes, absolute paths, NUL bytes) and any host but ours.
 */
export function resolveAppRequest(url: string, root: string): Resolved {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (!isAppUrl(url)) return { kind: 'refused', status: 404 };
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (relative.includes('\0')) return { kind: 'refused', status: 400 };
  if (relative === '/' || relative === '') relative = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${relative.replaceAll('\\', '/')}`);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { kind: 'refused', status: 403 };
  return { kind: 'file', file };
}

const securityHeaders = (contentType: string) => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

const refusal = (status: number) =>
  new Response(status === 404 ? '未找到' : '拒绝访问', { status, headers: securityHeaders('text/plain; charset=utf-8') });

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Answers one request for a file of the built renderer. */
export async function serveAppRequest(request: Pick<Request, 'url' | 'method'>, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
  const resolved = resolveAppRequest(request.url, root);
  if (resolved.kind === 'refused') return refusal(resolved.status);
  let file = resolved.file;
  if (!(await isFile(file))) {
    // A client-side route (no extension) reloaded in place gets the app shell; a missing asset is a 404.
    if (path.extname(file) !== '') return refusal(404);
    file = path.join(path.resolve(root), 'index.html');
    if (!(await isFile(file))) return refusal(404);
  }
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, {
    status: 200,
    headers: securityHeaders(MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream'),
  });
}

/** Serves `root` (dist/renderer) on app://ledger/. Call after `app` is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, root));
}
