import { describe, expect, it } from 'vitest';
import { contractCalls } from '../helpers/ledger-calls.js';
import { footprint, tempLedger } from '../helpers/temp.js';

const NOTICE = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

describe('a year\'s holidays from the pasted notice', () => {
  it('previews without saving, then saves every day in one go', async () => {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const before = footprint(ledger);
    const preview = await ok('previewHolidayNotice', { text: NOTICE });
    expect(preview.problems).toEqual([]);
    expect(preview.entries).toHaveLength(13);
    expect(footprint(ledger)).toEqual(before);

    expect(await ok('importHolidayNotice', { text: NOTICE })).toMatchObject({ saved: 13 });
    const saved = await ok('listCalendarOverrides', { year: 2026 });
    expect(saved.map((e) => `${e.date}${e.work ? '班' : '休'}`)).toEqual([
      '2026-01-01休', '2026-01-02休', '2026-01-03休', '2026-01-04班', '2026-09-20班',
      '2026-10-01休', '2026-10-02休', '2026-10-03休', '2026-10-04休', '2026-10-05休', '2026-10-06休', '2026-10-07休', '2026-10-10班',
    ]);
    expect(saved.find((e) => e.date === '2026-10-10')?.name).toBe('国庆节调休上班');
  });

  it('refuses a notice that does not add up, and saves none of it', async () => {
    const ledger = tempLedger();
    const { call } = contractCalls(ledger);
    const before = footprint(ledger);
    const result = await call('importHolidayNotice', { text: NOTICE.replace('共7天', '共8天') });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '国庆节：10月1日至10月7日共7天，通知中写的是共8天' } });
    expect(footprint(ledger)).toEqual(before);
    expect(await call('importHolidayNotice', { text: '  ' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('请粘贴通知正文') as string } });
  });
});
