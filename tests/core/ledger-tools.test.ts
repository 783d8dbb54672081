import { accessSync, constants, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCopyName } from '../../electron/core/ledger/attachment-open-copy.js';
import { attachmentPath } from '../../electron/core/ledger/attachments.js';
import { contractCalls, sampleIncident } from '../helpers/ledger-calls.js';
import { footprint, tempDir, tempLedger } from '../helpers/temp.js';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('attachments', () => {
  it('stores files content-addressed, once, and returns their bytes', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const incident = await ok('createIncident', sampleIncident);
    const a = await ok('addAttachment', { incident: incident.id, name: '截图1.png', mime: 'image/png', dataBase64: PNG_1PX });
    const b = await ok('addAttachment', { incident: incident.number, name: '截图1副本.png', mime: 'image/png', dataBase64: PNG_1PX });
    expect(a.sha256).toBe(b.sha256);
    expect(a.present).toBe(true);
    expect(readdirSync(join(ledger.attachmentsDir, a.sha256.slice(0, 2)))).toEqual([a.sha256]);
    expect((await ok('listAttachments', { incident: incident.id })).map((x) => x.name)).toEqual(['截图1.png', '截图1副本.png']);
    expect(await ok('getAttachmentData', { id: a.id })).toEqual({ mime: 'image/png', name: '截图1.png', dataBase64: PNG_1PX });
  });

  it('opens a read-only copy named as the person named it, never the hash-named stored file', async () => {
    const copies = tempDir();
    const ledger = tempLedger({ openCopiesDir: copies });
    const { ok, call } = contractCalls(ledger);
    const incident = await ok('createIncident', sampleIncident);
    const a = await ok('addAttachment', { incident: incident.id, name: '截图1.png', mime: 'image/png', dataBase64: PNG_1PX });
    const b = await ok('addAttachment', { incident: incident.id, name: '截图1.png', mime: 'image/png', dataBase64: PNG_1PX });
    const opened = (await ok('openAttachment', { id: a.id })).path;
    expect(opened.startsWith(copies)).toBe(true);
    expect(opened.endsWith('截图1.png')).toBe(true);
    expect(opened).not.toBe(attachmentPath(ledger.attachmentsDir, a.sha256));
    expect(readFileSync(opened).toString('base64')).toBe(PNG_1PX);
    expect(statSync(opened).mode & 0o222).toBe(0); // nobody may write it
    if (process.getuid?.() !== 0) expect(() => accessSync(opened, constants.W_OK)).toThrow();
    // Opened again: a fresh copy over the read-only one; the same name for another attachment does not collide.
    expect((await ok('openAttachment', { id: a.id })).path).toBe(opened);
    expect((await ok('openAttachment', { id: b.id })).path).not.toBe(opened);
    // A stored file that no longer matches its hash is not copied out.
    writeFileSync(attachmentPath(ledger.attachmentsDir, a.sha256), 'tampered');
    expect(await call('openAttachment', { id: a.id })).toMatchObject({ ok: false, error: { code: 'storage' } });
  });

  it('names copies so every desktop accepts them, keeping or adding the extension', () => {
    expect(openCopyName('../../etc/passwd', 'text/plain')).toBe('_.._etc_passwd');
    expect(openCopyName('C:\\Windows\\通知', 'text/plain')).toBe('C__Windows_通知.txt');
    expect(openCopyName('.bashrc', 'text/plain')).toBe('bashrc.txt');
    expect(openCopyName('会议纪要:第1次?.docx', 'application/octet-stream')).toBe('会议纪要_第1次_.docx');
    expect(openCopyName('现场照片', 'image/jpeg')).toBe('现场照片.jpg');
    expect(openCopyName('...', 'image/png')).toBe('附件.png');
    const long = openCopyName(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    expect(long.length).toBe(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('refuses a file whose bytes no longer match their hash, and bad input', async () => {
    const ledger = tempLedger();
    const { ok, call } = contractCalls(ledger);
    const incident = await ok('createIncident', sampleIncident);
    const a = await ok('addAttachment', { incident: incident.id, name: 'x.png', mime: 'image/png', dataBase64: PNG_1PX });
    writeFileSync(attachmentPath(ledger.attachmentsDir, a.sha256), 'tampered');
    expect(await call('getAttachmentData', { id: a.id })).toMatchObject({ ok: false, error: { code: 'storage' } });
    const before = footprint(ledger);
    expect(await call('addAttachment', { incident: incident.id, name: 'x', dataBase64: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('addAttachment', { incident: incident.id, name: 'x', dataBase64: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(footprint(ledger)).toEqual(before);
  });
});

describe('saved views', () => {
  it('saves, replaces by name, lists and deletes', async () => {
    const { ok, call } = contractCalls(tempLedger());
    await ok('saveView', { name: '重大欠薪', query: { categories: ['欠薪'], severities: ['重大'] } });
    await ok('saveView', { name: '重大欠薪', query: { categories: ['欠薪'], severities: ['特别重大'] } });
    const views = await ok('listSavedViews', {});
    expect(views).toHaveLength(1);
    expect(views[0]!.query).toMatchObject({ severities: ['extreme'] });
    await ok('deleteSavedView', { id: views[0]!.id });
    expect(await ok('listSavedViews', {})).toEqual([]);
    expect(await call('saveView', { name: ' ', query: {} })).toMatchObject({ ok: false, error: { fields: [{ path: 'name' }] } });
  });
});

describe('categories', () => {
  it('edits keywords, adds a category, and refuses to delete the nine of the State Council list', async () => {
    const { ok, call } = contractCalls(tempLedger());
    const wages = await ok('updateCategory', { code: 'wages', keywords: ['欠薪', '讨薪', '欠薪', '工钱'] });
    expect(wages.keywords).toEqual(['欠薪', '讨薪', '工钱']);
    const added = await ok('addCategory', { name: '征地拆迁', short: '拆迁', color: '#336699', keywords: ['拆迁', '征地'] });
    expect(added).toMatchObject({ builtin: false, short: '拆迁' });
    const incident = await ok('createIncident', { ...sampleIncident, categories: ['拆迁'] });
    expect(incident.categories).toEqual([added.code]);
    expect(await call('deleteCategory', { code: 'wages' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('不能删除') as string } });
    expect(await call('deleteCategory', { code: added.code })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('addCategory', { name: '重复', short: '欠薪', color: '#000000' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('the incident timeline', () => {
  it('tells registration, edits with before → after, status changes with reasons, responses and attachments in order', async () => {
    const ledger = tempLedger({ actor: '王敏' });
    const { ok } = contractCalls(ledger);
    const incident = await ok('createIncident', sampleIncident);
    await ok('updateIncident', { id: incident.id, patch: { severity: '重大', leadUnit: '县政府办公室' } });
    await ok('transitionIncident', { id: incident.id, to: '处置中' });
    await ok('addResponse', { incident: incident.id, at: '2026-11-28 10:00', method: '情况通报', channel: '政务微博', content: '已责成热力公司排查', unit: '县住建局' });
    await ok('addAttachment', { incident: incident.id, name: '现场.png', mime: 'image/png', dataBase64: PNG_1PX });
    const timeline = await ok('getIncidentTimeline', { id: incident.number });
    expect(timeline.map((e) => e.kind)).toEqual(['response', 'registered', 'edited', 'status', 'status', 'attachment']);
    expect(timeline.filter((e) => e.kind === 'status').map((e) => e.title)).toEqual(['状态：待研判 → 处置中', '状态：处置中 → 已回应']);
    const edit = timeline.find((e) => e.kind === 'edited')!;
    expect(edit.title).toBe('修改等级、牵头单位');
    expect(edit.detail).toBe('等级：较大 → 重大\n牵头单位：县住建局 → 县政府办公室');
    expect(edit.actor).toBe('王敏');
    expect(timeline.find((e) => e.kind === 'status')!.title).toBe('状态：待研判 → 处置中');
    expect(timeline.find((e) => e.kind === 'response')).toMatchObject({ title: '回应：情况通报（政务微博）', detail: '已责成热力公司排查', actor: '县住建局' });
    // Who attached the file: the person of the audit entry that wrote it.
    expect(timeline.find((e) => e.kind === 'attachment')).toMatchObject({ title: '添加附件“现场.png”', actor: '王敏' });
  });
});
