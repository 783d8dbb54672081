import { existsSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../scripts/test-host/server.js';
import { tempDir } from '../helpers/temp.js';

// Issue 15 item 6: the test host (`npm run host`) is a door like the app's IPC. It gives its token only to its own
// pages, answers the API only for them, says 413 to an oversized body, and lets a page name only files chosen in
// the (test's) file dialog.

let host: TestHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(choosePath?: (input: unknown) => string | null): Promise<TestHost> {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  host = await startTestHost({ rendererDir, ledger: { path: join(dir, 'ledger.db') }, ...(choosePath ? { choosePath } : {}) });
  return host;
}

function http(
  h: TestHost,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(path, h.url);
  return new Promise((done, fail) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

const api = (h: TestHost, method: string, input: unknown, headers: Record<string, string> = {}) =>
  http(h, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ledger-token': h.token, origin: h.url.replace(/\/$/, ''), 'sec-fetch-site': 'same-origin', ...headers },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  });

describe('the test host as a door', () => {
  it('serves the bridge (and its token) to its own pages only', async () => {
    const h = await start();
    const own = await http(h, '/__ledger-bridge.js', { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'script' } });
    expect(own.status).toBe(200);
    expect(own.body).toContain(h.token);
    const foreignHeaders: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'http://evil.example' }];
    for (const headers of foreignHeaders) {
      const foreign = await http(h, '/__ledger-bridge.js', { headers });
      expect(foreign.status).toBe(403);
      expect(foreign.body).not.toContain(h.token);
    }
  });

  it('answers the API only to its own origin, even with the token', async () => {
    const h = await start();
    expect(await api(h, 'getAppInfo', {})).toMatchObject({ status: 200 });
    const evil = await api(h, 'getAppInfo', {}, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await api(h, 'getAppInfo', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api(h, 'getAppInfo', {}, { origin: 'null' })).status).toBe(403);
  });

  it('answers 413 to a 6 MB body and 400 in Chinese to bad JSON', async () => {
    const h = await start();
    const big = await api(h, 'createIncident', JSON.stringify({ title: 'x'.repeat(6 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/请求过大/) as unknown } });
    const bad = await api(h, 'getAppInfo', '{"oops":');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ error: { message: expect.stringMatching(/^请求不是有效的 JSON/) as unknown } });
    // The host still answers afterwards.
    expect((await api(h, 'getAppInfo', {})).status).toBe(200);
  });

  it('lets a page name only files chosen in the file dialog', async () => {
    const outside = join(tempDir(), 'written-by-a-page.json');
    const chosen = join(tempDir(), '我的联系卡.json');
    const h = await start(() => chosen);
    const refused = await api(h, 'exportContactCard', { path: outside });
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: '请通过文件对话框选择文件。' } });
    expect(existsSync(outside)).toBe(false);
    // The import side too: a page cannot make the host read a file of its choosing.
    expect(JSON.parse((await api(h, 'importBundle', { path: '/etc/passwd' })).body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(JSON.parse((await api(h, 'chooseFile', { mode: 'save', defaultName: '我的联系卡.json' })).body)).toMatchObject({ ok: true, value: { path: chosen } });
    expect(JSON.parse((await api(h, 'exportContactCard', { path: chosen })).body)).toMatchObject({ ok: true });
    expect(existsSync(chosen)).toBe(true);
  });
});
