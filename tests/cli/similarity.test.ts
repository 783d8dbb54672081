import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { incidentInputOf } from '../core/similarity/fill.js';
import { LABELLED } from '../core/similarity/labelled-set.js';
import { yqJson, yqRunner } from './run-yq.js';

// yq common / similar / incident recurrence, response add with "incidents", digest --json's commonIssues (issue 16).

const NOW = () => Date.parse('2026-12-01T04:00:00Z');
const yq = yqRunner(NOW);
const json = yqJson(yq);

describe('yq common and similar', () => {
  it('groups a month, explains similar incidents, answers a group once and records a 反弹', async () => {
    const db = join(tempDir(), 'l.db');
    await yq(['--db', db, 'init']);
    for (const item of LABELLED.filter((l) => l.matter === 'M1' || l.matter === 'M9' || l.matter === null)) {
      await json<{ number: string }>(['--db', db, 'incident', 'add', '--json-in', '-'], JSON.stringify(incidentInputOf(item)));
    }
    const groups = await json<{ label: string; incidents: string[]; townships: string[]; units: string[]; categories: string[]; answered: number }[]>([
      '--db', db, 'common', '--from', '2026-11-01', '--to', '2026-11-30',
    ]);
    expect(groups.map((g) => g.incidents.length)).toEqual([6, 5]);
    expect(groups[0]).toMatchObject({ units: ['县住建局'], categories: ['困难群众生活', '养老'], answered: 0 });
    expect([...groups[0]!.townships].sort()).toEqual(['柳城街道', '羊山镇', '胜利镇'].sort());
    expect(groups[0]!.label).toMatch(/供热|室温|暖/);
    expect(Object.keys(groups[0]!)).toEqual(expect.arrayContaining(['label', 'incidents', 'townships', 'units', 'categories', 'answered']));

    const similar = await json<{ number: string; score: number; reason: string }[]>(['--db', db, 'similar', groups[0]!.incidents[0]!]);
    expect(similar.map((s) => s.number).sort()).toEqual(groups[0]!.incidents.slice(1).sort());
    expect(similar[0]!.reason).toMatch(/^标题和摘要有 \d+% 相同的词（.+）；同为 困难群众生活；均为 县住建局 牵头/);

    // One 通报 answers the whole gas-price group.
    const gas = groups[1]!.incidents;
    const response = await json<{ jointWith: string[] }>(
      ['--db', db, 'response', 'add', '--json-in', '-'],
      JSON.stringify({ incidents: gas, at: '2026-11-30 10:00', method: '情况通报', channel: '政府网站', content: '县发改局就管道天然气价格调整作出说明。', unit: '县发改局' }),
    );
    expect(response.jointWith).toEqual(gas);
    const after = await json<{ incidents: string[]; answered: number }[]>(['--db', db, 'common', '--from', '2026-11-01', '--to', '2026-11-30']);
    expect(after.find((g) => g.incidents[0] === gas[0])!.answered).toBe(gas.length);

    const digest = await json<{ commonIssues: { incidents: string[] }[] }>(['--db', db, 'digest', '--month', '2026-11']);
    expect(digest.commonIssues.map((g) => g.incidents)).toEqual(after.map((g) => g.incidents));

    // Bad input: one line, exit 2.
    const bad = await yq(['--db', db, 'common', '--from', '2026-11-30', '--to', '2026-11-01']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('开始日期不能晚于结束日期')]);
    const missing = await yq(['--db', db, 'similar', 'YQ-2026-9999']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('找不到舆情事件');

    // 反弹: close the first gas incident, mark a later one as its 反弹; incident get shows recurrenceOf.
    await yq(['--db', db, 'incident', 'transition', gas[0]!, '--to', '已办结']);
    const marked = await json<{ recurrenceOf: string }>(['--db', db, 'incident', 'recurrence', gas[4]!, '--of', gas[0]!]);
    expect(marked.recurrenceOf).toBe(gas[0]);
    expect((await json<{ recurrenceOf?: string }>(['--db', db, 'incident', 'get', gas[4]!])).recurrenceOf).toBe(gas[0]);
    expect((await json<{ recurrenceOf?: string }>(['--db', db, 'incident', 'get', gas[3]!])).recurrenceOf).toBeUndefined();
  });
});
