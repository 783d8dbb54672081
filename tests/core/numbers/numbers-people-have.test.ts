import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutate } from '../../../electron/core/ledger/mutate.js';
import { cardOf } from '../../../electron/core/sync/card.js';
import { loadIdentity } from '../../../electron/core/sync/identity.js';
import { addPeer } from '../../../electron/core/sync/peers.js';
import { yqJson, yqRunner } from '../../cli/run-yq.js';
import { tempDir } from '../../helpers/temp.js';
import { incidentInput, respondedIncident, setupLedger } from '../commitments/setup.js';
import { replica, testClock } from '../sync/helpers.js';

// The numbers people have — on a 督办单, in a 周报, in a reply to a superior — find the same record, and a
// commitment's number follows its incident's.

const commitmentInput = (incident: string) => ({
  incident,
  content: '三日内恢复供暖',
  unit: '县住建局',
  promisedAt: '2026-11-27 10:00',
  deadline: { date: '2026-12-10' },
});

describe('numbers people have', () => {
  it('numbers under the workstation code, and finds incidents and commitments by number in lookups and search', async () => {
    const { ok } = setupLedger();
    await ok('setWorkstationCode', { code: '宣' });
    const incident = await respondedIncident(ok);
    expect(incident.number).toBe('YQ-2026-宣-0001');
    const commitment = await ok<{ number: string }>('addCommitment', commitmentInput(incident.number));
    expect(commitment.number).toBe('YQ-2026-宣-0001-C1');
    expect((await ok<{ id: string }>('getIncident', { id: 'YQ-2026-宣-0001' })).id).toBe(incident.id);
    for (const text of ['YQ-2026-宣-0001', 'yq-2026-宣-0001', 'YQ-2026-宣-0001-C1']) {
      const page = await ok<{ rows: { id: string }[]; total: number }>('listIncidents', { text });
      expect(page, text).toMatchObject({ total: 1, rows: [{ id: incident.id }] });
    }
  });

  it('shows a commitment under its incident’s current number, and still finds it by the number it was printed with', async () => {
    const { ledger, ok } = setupLedger();
    const incident = await respondedIncident(ok);
    const made = await ok<{ id: string; number: string }>('addCommitment', commitmentInput(incident.id));
    expect(made.number).toBe('YQ-2026-0001-C1');
    // What an older version did to one side's incidents on import: renumber the incident, not its commitments.
    mutate(ledger.ctx, { action: 'renumber', entity: 'incident', entityId: incident.id, summary: '旧版本导入时改号' }, [
      { table: 'incidents', row: incident.id, fields: { number: 'YQ-2026-0002' } },
    ]);
    expect((await ok<{ number: string }>('getCommitment', { id: made.id })).number).toBe('YQ-2026-0002-C1');
    expect((await ok<{ id: string }>('getCommitment', { id: 'YQ-2026-0001-C1' })).id).toBe(made.id);
    expect((await ok<{ id: string }>('getCommitment', { id: 'YQ-2026-0002-C1' })).id).toBe(made.id);
    const next = await ok<{ number: string }>('addCommitment', { ...commitmentInput(incident.id), content: '公开处理结果' });
    expect(next.number).toBe('YQ-2026-0002-C2');
    const board = await ok<{ groups: { later: { number: string }[] }[] }>('getCommitmentBoard', {});
    expect(board.groups.flatMap((g) => g.later.map((c) => c.number)).sort()).toEqual(['YQ-2026-0002-C1', 'YQ-2026-0002-C2']);
  });

  it('refuses a code that is not a short code, and a peer whose code is ours or another peer’s', async () => {
    const { fail, ok } = setupLedger();
    for (const code of ['', '12', '宣传部门办', 'a-b', '宣 传']) {
      expect((await fail('setWorkstationCode', { code })).code).toBe('invalid_input');
    }
    expect((await ok<{ siteCode: string }>('setWorkstationCode', { code: '城关' })).siteCode).toBe('城关');
    const clock = testClock();
    const [a, b, c] = [replica('甲', clock.now), replica('乙', clock.now), replica('丙', clock.now)];
    await ok('getAppInfo', {});
    for (const [l, code] of [[a, '宣'], [b, '宣'], [c, '城关']] as const) {
      l.db.prepare("INSERT INTO meta (key, value) VALUES ('site_code', ?)").run(code);
    }
    const cardB = cardOf(await loadIdentity(b));
    const cardC = cardOf(await loadIdentity(c));
    expect(cardB.code).toBe('宣');
    expect(() => addPeer(a.db, cardB, true, a.siteId, '2026-11-28T00:00:00Z')).toThrow(/与本工作站相同/);
    addPeer(a.db, cardC, true, a.siteId, '2026-11-28T00:00:00Z');
    c.db.prepare("UPDATE meta SET value = '信访' WHERE key = 'site_code'").run();
    const cardD = { ...cardOf(await loadIdentity(replica('丁', clock.now))), code: '城关' };
    expect(() => addPeer(a.db, cardD, true, a.siteId, '2026-11-28T00:00:00Z')).toThrow(/已由“丙”使用/);
  });

  it('yq init --name --code and yq identity show the code; incidents are numbered with it', async () => {
    const yq = yqRunner(() => Date.parse('2026-11-28T04:00:00Z'));
    const json = yqJson(yq);
    const db = join(tempDir(), 'l.db');
    expect(await json(['--db', db, 'init', '--name', '县委宣传部', '--code', '宣'])).toMatchObject({ name: '县委宣传部', code: '宣' });
    expect(await json(['--db', db, 'identity'])).toMatchObject({ name: '县委宣传部', code: '宣' });
    const input = join(tempDir(), 'i.json');
    writeFileSync(input, JSON.stringify({ ...incidentInput, foundAt: '2026-11-27 09:30' }));
    expect(await json(['--db', db, 'incident', 'add', '--json-in', input])).toMatchObject({ number: 'YQ-2026-宣-0001' });
    expect(await json(['--db', db, 'identity', '--code', '宣二'])).toMatchObject({ code: '宣二' });
    expect(await json(['--db', db, 'incident', 'add', '--json-in', input])).toMatchObject({ number: 'YQ-2026-宣二-0001' });
    const bad = await yq(['--db', db, 'init', '--code', '12']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/工作站代码不能全是数字/);
  });
});
