import { describe, expect, it } from 'vitest';
import { addAttachment, attachmentData } from '../../../electron/core/ledger/attachments.js';
import { createIncident } from '../../../electron/core/ledger/incidents.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { craftBundle, introduce, replica, testClock, wholeDbHash } from './helpers.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const incident = incidentInputSchema.parse({ title: '某小区供暖不热', platform: '微博', foundAt: '2026-11-28 09:00', severity: '一般', categories: ['困难群众'] });

describe('attachments in bundles', () => {
  it('carry their contents when asked, checked against their hash, and only then', async () => {
    const clock = testClock();
    const a = replica('甲', clock.now);
    const b = replica('乙', clock.now);
    await introduce(a, b);
    const created = createIncident(a.ctx, incident);
    const shot = addAttachment(a.ctx, a.attachmentsDir, { incident: created.id, name: '截图.png', mime: 'image/png', dataBase64: PNG });

    const withoutFiles = await buildBundle(a, { peers: [b.siteId], full: false });
    await importBundleBytes(b, withoutFiles.bytes);
    expect(() => attachmentData(b.db, b.attachmentsDir, shot.id)).toThrow(/不在本工作站/);

    const withFiles = await buildBundle(a, { peers: [b.siteId], full: true, attachments: true });
    const result = await importBundleBytes(b, withFiles.bytes);
    expect(result.messages).toContain('收到附件文件 1 个');
    expect(attachmentData(b.db, b.attachmentsDir, shot.id)).toEqual({ mime: 'image/png', name: '截图.png', dataBase64: PNG });
  });

  it('refuses a bundle whose attachment bytes do not match their name, changing nothing', async () => {
    const clock = testClock();
    const a = replica('甲', clock.now);
    const b = replica('乙', clock.now);
    await introduce(a, b);
    const before = wholeDbHash(b.db);
    const forged = { blob: { sha256: 'a'.repeat(64), data: Buffer.from('not the screenshot').toString('base64') } };
    const bytes = await craftBundle(a, { frames: [forged] });
    await expect(importBundleBytes(b, bytes, { passphrase: 'office-passphrase' })).rejects.toThrow(/内容与校验值不符/);
    expect(wholeDbHash(b.db)).toBe(before);
  });
});
