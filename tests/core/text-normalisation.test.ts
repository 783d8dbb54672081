import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/ledger/verify-audit.js';
import { isNormalName, normaliseName, safeMessage } from '../../shared/text.js';
import { contractCalls, sampleIncident } from '../helpers/ledger-calls.js';
import { footprint, tempLedger } from '../helpers/temp.js';

// Text is well-formed and normalised before it is stored, sealed or compared (issue 15 item 1): a lone surrogate
// used to be stored as U+FFFD while the audit sealed the JS string, breaking `audit verify`.

const LONE = 'a\uD800b';

describe('text at the doors', () => {
  it('refuses a lone surrogate in every kind of text field, in Chinese, and changes nothing', async () => {
    const ledger = tempLedger();
    const { call, ok } = contractCalls(ledger);
    const incident = await ok('createIncident', sampleIncident);
    const before = footprint(ledger);
    const attempts = [
      call('createIncident', { ...sampleIncident, title: LONE }),
      call('createIncident', { ...sampleIncident, summary: `摘要${LONE}` }),
      call('updateIncident', { id: incident.id, patch: { leaderInstruction: LONE } }),
      call('addCommitment', { incident: incident.id, content: LONE, unit: '县住建局', promisedAt: '2026-11-28 10:00', deadline: { workdays: 3 } }),
      call('addFollowup', { incident: incident.id, kind: '进展', content: LONE }),
      call('setCalendarOverride', { date: '2026-12-31', work: false, name: LONE }),
      call('addTownship', { name: `新城${LONE}` }),
      call('addResponse', { incident: incident.id, at: '2026-11-28 11:30', method: '发布权威信息', channel: '政务微博', content: LONE, unit: '县住建局' }),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) expect(result.error.message).toMatch(/无法识别的字符/);
    }
    expect(footprint(ledger)).toEqual(before);
    expect(verifyAudit(ledger.db).ok).toBe(true);
  });

  it('stores text in NFC, so the seal matches what SQLite gives back', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const decomposed = 'Cafe\u0301 供暖'; // e + combining acute
    const incident = await ok('createIncident', { ...sampleIncident, title: decomposed, summary: `说明：${decomposed}` });
    expect(incident.title).toBe('Caf\u00E9 供暖');
    await ok('addFollowup', { incident: incident.id, kind: '进展', content: decomposed });
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
  });

  it('treats names that look the same as the same name', async () => {
    const ledger = tempLedger();
    const { call, ok } = contractCalls(ledger);
    const added = await ok('addTownship', { name: '新柳街道' });
    expect(added.name).toBe('新柳街道');
    for (const lookalike of ['\u200B新柳街道', '新柳\u200D街道', '\u202E新柳街道\u202C', ' 新柳街道\uFEFF ']) {
      expect(await call('addTownship', { name: lookalike })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    const unit = await ok('addUnit', { name: '\u2066县供热公司\u2069' });
    expect(unit.name).toBe('县供热公司');
    expect(await call('addUnit', { name: '县供热公司\u200B' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // An invisible-only name is no name.
    expect(await call('addTownship', { name: '\u200B\u200C' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // References to a name are read the same way.
    const incident = await ok('createIncident', { ...sampleIncident, township: '新柳\u200B街道' });
    expect(incident.townshipId).toBe(added.id);
    expect(verifyAudit(ledger.db).ok).toBe(true);
  });

  it('finds a name stored before names were normalised by the name it looks like', async () => {
    const ledger = tempLedger();
    const { call, ok } = contractCalls(ledger);
    // What an older version could store: write the row the way it did (through the one write path).
    const { mutate } = await import('../../electron/core/ledger/mutate.js');
    mutate(ledger.ctx, { action: 'township.add', entity: 'township', entityId: 'old', summary: '旧版本' }, [
      { table: 'townships', row: 'old-township', fields: { name: '\u200B旧城镇', active: true, sort_order: 99 } },
    ]);
    expect(await call('addTownship', { name: '旧城镇' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ok('updateTownship', { id: '旧城镇', name: '旧城街道' })).toMatchObject({ id: 'old-township', name: '旧城街道' });
  });
});

describe('shared/text', () => {
  it('normalises names and recognises normal ones', () => {
    expect(normaliseName(' \u200E县人社局\u200F ')).toBe('县人社局');
    expect(isNormalName('县人社局')).toBe(true);
    expect(isNormalName('县\u200B人社局')).toBe(false);
    expect(isNormalName(LONE)).toBe(false);
  });

  it('makes any message one safe line: no control, bidi or lone surrogate characters, no megabyte quotes', () => {
    const hostile = `找不到单位“\u001b[31m红\u0000\u202E${'长'.repeat(1_000_000)}”\n第二行${LONE}`;
    const safe = safeMessage(hostile);
    expect(safe).not.toMatch(/[\p{Cc}\p{Cf}\p{Surrogate}]/u);
    expect([...safe].length).toBeLessThanOrEqual(301);
    expect(safe).toContain('找不到单位');
  });
});
