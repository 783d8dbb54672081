import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  resolveAppRequest,
  serveAppRequest,
} from '../../electron/main/protocol.js';

// The app:// handler against a real folder: a built renderer in dist/renderer, and a secret next to it that no
// URL may reach.

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'yq-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>舆情回应台账</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
  writeFileSync(path.join(base, 'renderer-evil.txt'), 'SIBLING');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, root);

describe('app:// protocol', () => {
  it('keeps every directive of the policy as strict as the app needs', () => {
    // Each directive read from the shipped constant, so loosening any of them (a connect-src that lets the page
    // reach the network, an inline or eval'd script, a missing directive) fails here.
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...sources] = part.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect([...directives.keys()].sort()).toEqual(
      ['base-uri', 'connect-src', 'default-src', 'form-action', 'frame-ancestors', 'img-src', 'object-src', 'script-src', 'style-src'].sort(),
    );
    for (const name of ['connect-src', 'object-src', 'base-uri', 'frame-ancestors', 'form-action']) expect(directives.get(name), name).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    // Inline styles only (React sets style attributes); images from the app and from data the app itself made.
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(new Set(directives.get('img-src'))).toEqual(new Set(["'self'", 'data:', 'blob:']));
    // Nothing anywhere reaches a host of its own choosing.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|https?:|ws:|'unsafe-eval'|'wasm-unsafe-eval'|'strict-dynamic'/);
  });

  it('serves the built renderer with the CSP header and the right content types', async () => {
    const index = await get('app://ledger/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('舆情回应台账');

    const script = await get('app://ledger/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await get('app://ledger/assets/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it.each([
    'app://ledger/..%2fsecret.txt',
    'app://ledger/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://ledger/assets/..%2f..%2fsecret.txt',
    'app://ledger/..%5csecret.txt',
    'app://ledger/%2e%2e%2fsecret.txt',
    'app://ledger/..%2frenderer-evil.txt',
  ])('refuses path traversal: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toMatch(/SECRET|SIBLING|root:/);
    // Refusals carry the policy too.
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps dot segments the URL parser resolves inside the renderer folder', async () => {
    // `..` in the raw URL is normalised away by the URL parser before we see it: it can never climb out.
    for (const url of ['app://ledger/../secret.txt', 'app://ledger/%2e%2e/%2e%2e/secret.txt']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('refuses other hosts, NUL bytes, broken escapes and non-GET methods', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://ledger/index.html%00.js')).status).toBe(400);
    expect((await get('app://ledger/%E0%A4%A')).status).toBe(400);
    expect((await get('app://ledger/index.html', 'POST')).status).toBe(405);
    expect(resolveAppRequest('not a url', root)).toEqual({ kind: 'refused', status: 400 });
  });

  it('answers a missing asset with 404 and a client-side route with the app shell', async () => {
    expect((await get('app://ledger/assets/missing.js')).status).toBe(404);
    const route = await get('app://ledger/incidents/abc');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('舆情回应台账');
  });

  it('recognises only app://ledger as ours', () => {
    expect(isAppUrl('app://ledger/index.html')).toBe(true);
    expect(isAppUrl('app://ledger.evil/index.html')).toBe(false);
    expect(isAppUrl('https://ledger/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
