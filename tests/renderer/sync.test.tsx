import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { codeWords } from '../../shared/code-words.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Ledger, openLedger } from '../../electron/core/open-ledger.js';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import { useSync } from '../../renderer/src/sync/store.js';
import type { LedgerApi } from '../../shared/contract.js';
import { realLedgerApi } from './real-ledger.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { must } from './seed.js';
import { wholeDbHash } from '../core/sync/helpers.js';

// The 同步 view against two real ledgers: this window's (A) and a second in-memory workstation (B) standing for
// the other office. Bundles travel between them as real files in a temporary folder; chooseFile (the desktop's
// dialog) answers whatever path the test put in `chosen`.

// Node's Uint8Array is restored for jsdom in tests/renderer/setup-node-bytes.ts (bundle crypto needs it).

let app: RenderedApp | undefined;
let other: Ledger | undefined;
let dir = '';
let chosen: string | null = null;

beforeEach(() => {
  useSync.setState(useSync.getInitialState(), true);
  dir = mkdtempSync(join(tmpdir(), 'yq-sync-ui-'));
  chosen = null;
});
afterEach(() => {
  app?.teardown();
  app = undefined;
  other?.close();
  other = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** The window's api, with chooseFile answered as the OS dialog would: the path the test chose. */
function withDialog(api: LedgerApi): LedgerApi {
  return { ...api, chooseFile: () => Promise.resolve({ ok: true, value: { path: chosen } }) } satisfies LedgerApi;
}

/** The other office's workstation: a second real ledger. */
/** Another workstation; `aheadMs` sets its clock ahead of this one's, to order edits without sleeping. */
function otherStation(name = '县融媒体中心工作站', aheadMs = 0): LedgerApi {
  other = openLedger({ path: ':memory:', siteName: name, now: () => Date.now() + aheadMs });
  return realLedgerApi(createDispatcher(createHandlers(other)));
}

/** Both sides add and trust each other's card, as after comparing fingerprints by phone. */
async function introduce(a: LedgerApi, b: LedgerApi) {
  await must(a.addPeer({ cardText: (await must(b.getContactCard())).text, trusted: true }));
  await must(b.addPeer({ cardText: (await must(a.getContactCard())).text, trusted: true }));
}

const incident = (title: string) => ({ title, platform: '微博', foundAt: '2026-11-28 09:30', severity: '一般', categories: ['欠薪'] });

async function openSync(current: RenderedApp) {
  await current.user.click(screen.getByTestId('nav-sync'));
  return screen.findByTestId('sync-view');
}

describe('the 同步 view', () => {
  it('shows this workstation’s fingerprint in groups and saves its contact card to the chosen file', async () => {
    app = await renderApp((installed) => {
      window.ledger = withDialog(installed.api);
      return Promise.resolve();
    });
    const identity = await must(app.api.getSyncIdentity());
    await openSync(app);
    const fp = await screen.findByTestId('own-fingerprint');
    const groups = Array.from(fp.querySelectorAll('.sy-fp-group'), (g) => g.textContent);
    expect(groups).toHaveLength(8);
    expect(groups.join(' ')).toBe(identity.fingerprint);
    expect(groups.every((g) => /^[0-9A-F]{4}$/.test(g ?? ''))).toBe(true);
    expect(screen.getByTestId('sync-name').textContent).toBe('县委网信办工作站');
    // Read by phone: the eight 核对词 of the fingerprint, first; the hex groups sit behind 技术细节, closed.
    const words = Array.from(screen.getByTestId('own-fingerprint-words').children, (w) => w.textContent);
    expect(words).toEqual(codeWords(identity.fingerprint));
    expect(words).toHaveLength(8);
    expect(fp.querySelector('details')?.open).toBe(false);
    // The 同步 page speaks without 指纹, 密钥, 时间戳, 隔离 or a hex 工作站编号 in plain view.
    const plain = screen.getByTestId('sync-view').cloneNode(true) as HTMLElement;
    plain.querySelectorAll('details').forEach((d) => d.remove());
    for (const word of ['指纹', '密钥', '时间戳', '隔离']) expect(plain.textContent).not.toContain(word);
    expect(plain.textContent).not.toContain(identity.siteId);

    chosen = join(dir, '县委网信办工作站-联系卡.json');
    await app.user.click(screen.getByTestId('card-export'));
    expect((await screen.findByTestId('notice')).textContent).toContain(`联系卡已保存：${chosen}`);
    const saved: unknown = JSON.parse(readFileSync(chosen, 'utf8'));
    expect(saved).toMatchObject({ name: '县委网信办工作站', fingerprint: identity.fingerprint });

    // The card text, to copy or paste on the other workstation, is the same card.
    // Shown as a card (name and 核对词); the text itself is under 联系卡原文.
    await app.user.click(screen.getByTestId('card-show'));
    const shown = screen.getByTestId('card-view');
    expect(shown.textContent).toContain('县委网信办工作站');
    expect(shown.textContent).toContain(codeWords(identity.fingerprint).join(''));
    expect(screen.getByTestId('card-text')).toHaveProperty('value', readFileSync(chosen, 'utf8'));

    // Rotating the keys asks first, saying older bundles still open; then the fingerprint changes.
    await app.user.click(screen.getByTestId('keys-rotate'));
    const dialog = screen.getByTestId('sy-rotate-dialog');
    expect(dialog.textContent).toContain('更换前已导出或收到的同步包仍能打开');
    await app.user.click(within(dialog).getByTestId('sy-rotate-confirm'));
    const rotated = await must(app.api.getSyncIdentity());
    expect(rotated.fingerprint).not.toBe(identity.fingerprint);
    await waitFor(() => expect(screen.getByTestId('own-fingerprint').getAttribute('data-fingerprint')).toBe(rotated.fingerprint));
    expect(screen.getByTestId('sync-identity').textContent).toContain('另有 1 份更换前的联系卡信息');
  });

  it('adds another workstation from its pasted card, and trusts it only after the phone check is confirmed', async () => {
    app = await renderApp();
    const b = otherStation();
    const bCard = await must(b.getContactCard());
    const { user } = app;
    await openSync(app);
    await user.click(await screen.findByTestId('peer-add'));
    const dialog = screen.getByTestId('add-peer-dialog');
    await user.click(within(dialog).getByTestId('add-peer-text'));
    await user.paste(bCard.text);
    // Before adding, the dialog shows whose card it is and the fingerprint to compare.
    const preview = within(dialog).getByTestId('add-peer-preview');
    expect(preview.textContent).toContain('县融媒体中心工作站');
    expect(preview.textContent?.replace(/\s/g, '')).toContain(bCard.card.fingerprint.replace(/\s/g, ''));
    // Not ticked: added, but not trusted.
    await user.click(within(dialog).getByTestId('add-peer-submit'));
    const row = await screen.findByTestId('peer-row');
    expect(row.getAttribute('data-peer')).toBe('县融媒体中心工作站');
    expect(row.getAttribute('data-trusted')).toBe('false');
    expect(row.textContent).toContain('未信任');
    // An untrusted peer is not offered as an export recipient.
    expect(screen.queryAllByTestId('export-peer')).toHaveLength(0);

    await user.click(within(row).getByTestId('peer-trust'));
    const confirm = screen.getByTestId('sy-trust-dialog');
    expect(confirm.textContent).toContain('电话');
    expect(confirm.querySelector('.sy-fp')?.getAttribute('data-fingerprint')).toBe(bCard.card.fingerprint);
    await user.click(within(confirm).getByTestId('sy-trust-confirm'));
    await waitFor(() => expect(screen.getByTestId('peer-row').getAttribute('data-trusted')).toBe('true'));
    expect(screen.getAllByTestId('export-peer').map((c) => c.getAttribute('data-peer'))).toEqual(['县融媒体中心工作站']);
    const peers = await must(app.api.listPeers());
    expect(peers).toMatchObject([{ name: '县融媒体中心工作站', trusted: true }]);

    // A card that was tampered with is refused with the core's Chinese reason.
    await user.click(screen.getByTestId('peer-add'));
    await user.click(screen.getByTestId('add-peer-text'));
    await user.paste(bCard.text.replace(bCard.card.fingerprint.slice(0, 4), bCard.card.fingerprint.startsWith('0000') ? '1111' : '0000'));
    await user.click(screen.getByTestId('add-peer-submit'));
    expect((await screen.findByTestId('add-peer-error')).textContent).toContain('联系卡');
  });

  it('exports a bundle for a peer to the chosen file, and imports the peer’s bundle with a summary; the incident appears', async () => {
    const b = otherStation();
    app = await renderApp(async (installed) => {
      window.ledger = withDialog(installed.api);
      await introduce(installed.api, b);
      await must(installed.api.createIncident(incident('县城某小区供暖不热')));
    });
    const { user } = app;
    const view = await openSync(app);

    // Export A → B through the view.
    const exportPanel = within(await within(view).findByTestId('sync-export'));
    await user.click(exportPanel.getByTestId('export-run'));
    expect(exportPanel.getByTestId('export-error').textContent).toBe('请勾选对方工作站，或改用办公室口令');
    await user.click(exportPanel.getByTestId('export-peer'));
    chosen = join(dir, 'a-to-b.yqb');
    await user.click(exportPanel.getByTestId('export-run'));
    const exported = await exportPanel.findByTestId('export-result');
    expect(Number(exportPanel.getByTestId('export-ops').textContent)).toBeGreaterThan(0);
    expect(exported.textContent).toContain(chosen);
    expect(exported.textContent).toContain('县融媒体中心工作站');
    const atB = await must(b.importBundle({ path: chosen }));
    expect(atB.applied).toBeGreaterThan(0);
    expect((await must(b.listIncidents({}))).rows.map((r) => r.title)).toContain('县城某小区供暖不热');

    // B registers its own incident and sends it back; A imports it through the view.
    await must(b.createIncident(incident('某镇卫生院排长队')));
    const back = join(dir, 'b-to-a.yqb');
    await must(b.exportBundle({ path: back, peers: ['县委网信办工作站'] }));
    chosen = back;
    const importPanel = within(within(view).getByTestId('sync-import'));
    await user.click(importPanel.getByTestId('import-choose'));
    const preview = await importPanel.findByTestId('import-preview');
    expect(within(preview).getByTestId('import-sender').textContent).toBe('县融媒体中心工作站');
    expect(Number(within(preview).getByTestId('count-applied').getAttribute('data-count'))).toBeGreaterThan(0);
    // The preview changed nothing.
    expect((await must(app.api.listIncidents({}))).total).toBe(1);
    await user.click(importPanel.getByTestId('import-run'));
    const summary = await importPanel.findByTestId('import-result');
    expect(summary.textContent).toContain('导入完成');
    expect(Number(within(summary).getByTestId('count-applied').getAttribute('data-count'))).toBeGreaterThan(0);
    expect(within(summary).getByTestId('count-conflicts').getAttribute('data-count')).toBe('0');
    // A's bundle told B what A holds, so B sent back only what A lacked: nothing already had.
    expect(within(summary).getByTestId('count-duplicates').getAttribute('data-count')).toBe('0');

    // History lists both bundles; the peer's last-seen time is filled in.
    await waitFor(() => expect(within(view).getAllByTestId('history-row').map((r) => r.getAttribute('data-direction'))).toEqual(['in', 'out']));
    expect(within(view).getByTestId('peer-row').textContent).not.toContain('尚无');

    // Importing the same file again changes nothing, and says so.
    await user.click(importPanel.getByTestId('import-choose'));
    expect((await importPanel.findByTestId('import-preview')).textContent).toContain('已导入过');
    expect(importPanel.queryByTestId('import-run')).toBeNull();

    await user.click(screen.getByTestId('nav-ledger'));
    expect(await screen.findByText('某镇卫生院排长队')).toBeTruthy();
  });

  it('refuses an unknown sender (showing its fingerprint) and a tampered bundle in Chinese, changing nothing', async () => {
    const c = otherStation('某乡镇工作站');
    app = await renderApp(async (installed) => {
      window.ledger = withDialog(installed.api);
      // C knows A's card, but A never added C's.
      await must(c.addPeer({ cardText: (await must(installed.api.getContactCard())).text, trusted: true }));
    });
    await must(c.createIncident(incident('来路不明的事件')));
    const fromStranger = join(dir, 'stranger.yqb');
    await must(c.exportBundle({ path: fromStranger, peers: ['县委网信办工作站'] }));
    const cIdentity = await must(c.getSyncIdentity());
    const before = wholeDbHash(app.ledger.db);
    const { user } = app;
    const view = await openSync(app);
    const importPanel = within(await within(view).findByTestId('sync-import'));

    chosen = fromStranger;
    await user.click(importPanel.getByTestId('import-choose'));
    const refused = await importPanel.findByTestId('import-error');
    expect(refused.textContent).toContain('未添加的工作站');
    expect(refused.textContent).toContain(cIdentity.fingerprint);
    expect(refused.textContent).toContain('台账没有任何改变');

    // The same bundle with one byte flipped in its body.
    const bytes = readFileSync(fromStranger);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x01;
    chosen = join(dir, 'tampered.yqb');
    writeFileSync(chosen, bytes);
    await user.click(importPanel.getByTestId('import-choose'));
    await waitFor(() => expect(importPanel.getByTestId('import-error').textContent).toContain('篡改'));

    // Not a bundle at all.
    chosen = join(dir, 'note.yqb');
    writeFileSync(chosen, '这不是同步包');
    await user.click(importPanel.getByTestId('import-choose'));
    await waitFor(() => expect(importPanel.getByTestId('import-error').textContent).toContain('不是加密同步包'));

    expect(wholeDbHash(app.ledger.db)).toBe(before);
    expect(within(view).queryAllByTestId('history-row')).toHaveLength(0);
  });

  it('lists a concurrent edit as a conflict, and 改用另一值 writes the other value back', async () => {
    const b = otherStation('县融媒体中心工作站', 60_000);
    let id = '';
    let bundle = '';
    app = await renderApp(async (installed) => {
      const a = installed.api;
      window.ledger = withDialog(a);
      await introduce(a, b);
      id = (await must(a.createIncident(incident('某小区供暖不热')))).id;
      const first = join(dir, 'first.yqb');
      await must(a.exportBundle({ path: first, peers: ['县融媒体中心工作站'] }));
      await must(b.importBundle({ path: first }));
      // Both offices retitle the incident without having seen the other's edit; B's is later, so it wins.
      await must(a.updateIncident({ id, patch: { title: '某小区供暖不热（网信办核实）' } }));
      await must(b.updateIncident({ id, patch: { title: '某小区供暖不热（融媒体中心核实）' } }));
      bundle = join(dir, 'second.yqb');
      await must(b.exportBundle({ path: bundle, peers: ['县委网信办工作站'] }));
    });
    const { user } = app;
    const view = await openSync(app);
    expect(within(await within(view).findByTestId('sync-conflicts')).getByText('没有待审核的冲突。')).toBeTruthy();

    chosen = bundle;
    const importPanel = within(within(view).getByTestId('sync-import'));
    await user.click(importPanel.getByTestId('import-choose'));
    await user.click(await importPanel.findByTestId('import-run'));
    const summary = await importPanel.findByTestId('import-result');
    expect(within(summary).getByTestId('count-conflicts').getAttribute('data-count')).toBe('1');

    const row = await within(view).findByTestId('conflict-row');
    expect(row.textContent).toContain('标题');
    expect(within(row).getByTestId('conflict-winner').textContent).toBe('某小区供暖不热（融媒体中心核实）');
    expect(within(row).getByTestId('conflict-loser').textContent).toBe('某小区供暖不热（网信办核实）');
    expect(row.textContent).toContain('来自 县融媒体中心工作站');
    expect(row.textContent).toContain('来自 本工作站');

    await user.click(within(row).getByTestId('conflict-keep-other'));
    expect((await screen.findByTestId('notice')).textContent).toContain('已改用另一值');
    await waitFor(() => expect(within(view).queryAllByTestId('conflict-row')).toHaveLength(0));
    expect((await must(app.api.getIncident({ id }))).title).toBe('某小区供暖不热（网信办核实）');
  });

  it('asks for the office passphrase when the bundle was sealed with one, and says when it is wrong', async () => {
    const b = otherStation();
    let bundle = '';
    app = await renderApp(async (installed) => {
      window.ledger = withDialog(installed.api);
      await introduce(installed.api, b);
      await must(b.createIncident(incident('用口令传来的事件')));
      bundle = join(dir, 'office.yqb');
      await must(b.exportBundle({ path: bundle, passphrase: '县里的办公室口令' }));
    });
    const { user } = app;
    const view = await openSync(app);
    const importPanel = within(await within(view).findByTestId('sync-import'));
    chosen = bundle;
    await user.click(importPanel.getByTestId('import-choose'));
    const pass = await importPanel.findByLabelText('办公室口令');
    await user.type(pass, '猜错的口令猜错的口令');
    await user.click(importPanel.getByTestId('import-open'));
    await waitFor(() => expect(importPanel.getByTestId('import-error').textContent).toBe('办公室口令不正确'), { timeout: 20_000 });
    await user.clear(importPanel.getByLabelText('办公室口令'));
    await user.type(importPanel.getByLabelText('办公室口令'), '县里的办公室口令');
    await user.click(importPanel.getByTestId('import-open'));
    await user.click(await importPanel.findByTestId('import-run', {}, { timeout: 20_000 }));
    const summary = await importPanel.findByTestId('import-result', {}, { timeout: 20_000 });
    expect(Number(within(summary).getByTestId('count-applied').getAttribute('data-count'))).toBeGreaterThan(0);
    expect((await must(app.api.listIncidents({}))).rows.map((r) => r.title)).toEqual(['用口令传来的事件']);
  }, 60_000);
});
