import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { yqJson, yqRunner } from './run-yq.js';

const NOW = () => Date.parse('2026-11-28T04:00:00Z');

const yq = yqRunner(NOW);

const json = yqJson(yq);

async function twoWorkstations() {
  const dir = tempDir();
  const a = join(dir, 'a.db');
  const b = join(dir, 'b.db');
  for (const db of [a, b]) expect((await yq(['--db', db, 'init'])).code).toBe(0);
  const idA = await json<{ siteId: string; fingerprint: string }>(['--db', a, 'identity']);
  const idB = await json<{ siteId: string; fingerprint: string }>(['--db', b, 'identity']);
  expect((await yq(['--db', a, 'card', 'export', join(dir, 'a.card')])).code).toBe(0);
  expect((await yq(['--db', b, 'card', 'export', join(dir, 'b.card')])).code).toBe(0);
  return { dir, a, b, idA, idB };
}

const incident = JSON.stringify({ title: '某小区供暖温度不达标', platform: '12345热线', foundAt: '2026-11-27 21:15', severity: '一般', categories: ['困难群众生活'] });

describe('yq sync commands', () => {
  it('identity, cards, peers, bundle export and import, end to end', async () => {
    const { dir, a, b, idA, idB } = await twoWorkstations();
    expect(idA.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    const card = JSON.parse(readFileSync(join(dir, 'a.card'), 'utf8')) as { fingerprint: string };
    expect(card.fingerprint).toBe(idA.fingerprint);
    expect((await yq(['--db', a, 'peer', 'add', join(dir, 'b.card')])).code).toBe(0);
    expect((await yq(['--db', b, 'peer', 'add', join(dir, 'a.card')])).code).toBe(0);
    writeFileSync(join(dir, 'incident.json'), incident);
    expect((await yq(['--db', a, 'incident', 'add', '--json-in', join(dir, 'incident.json')])).code).toBe(0);

    const bundle = join(dir, 'a-to-b.yqb');
    const exported = await yq(['--db', a, 'bundle', 'export', '--out', bundle, '--peer', idB.siteId]);
    expect(exported.code).toBe(0);
    const result = await json<Record<string, number>>(['--db', b, 'bundle', 'import', bundle]);
    expect(Object.keys(result).sort()).toEqual(['applied', 'conflicts', 'duplicates', 'quarantined']);
    expect(result.applied).toBeGreaterThan(0);
    expect(result).toMatchObject({ conflicts: 0, quarantined: 0 });
    const again = await json<Record<string, number>>(['--db', b, 'bundle', 'import', bundle]);
    expect(again).toEqual({ applied: 0, duplicates: result.applied! + result.duplicates!, conflicts: 0, quarantined: 0 });
    const listed = await json<{ number: string }[]>(['--db', b, 'incident', 'list']);
    expect(listed.map((i) => i.number)).toEqual(['YQ-2026-0001']);
    expect((await yq(['--db', b, 'audit', 'verify'])).code).toBe(0);
  });

  it('exports for an office passphrase taken from an environment variable', async () => {
    const { dir, a, b } = await twoWorkstations();
    expect((await yq(['--db', b, 'peer', 'add', join(dir, 'a.card')])).code).toBe(0);
    writeFileSync(join(dir, 'incident.json'), incident);
    expect((await yq(['--db', a, 'incident', 'add', '--json-in', join(dir, 'incident.json')])).code).toBe(0);
    const bundle = join(dir, 'office.yqb');
    process.env.YQ_TEST_PASSPHRASE = '县委宣传部口令2026';
    try {
      expect((await yq(['--db', a, 'bundle', 'export', '--out', bundle, '--passphrase-env', 'YQ_TEST_PASSPHRASE', '--full'])).code).toBe(0);
      const wrong = await yq(['--db', b, 'bundle', 'import', bundle]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/^yq: 该同步包使用办公室口令加密/);
      const result = await json<Record<string, number>>(['--db', b, 'bundle', 'import', bundle, '--passphrase-env', 'YQ_TEST_PASSPHRASE']);
      expect(result.applied).toBeGreaterThan(0);
    } finally {
      delete process.env.YQ_TEST_PASSPHRASE;
    }
    const unset = await yq(['--db', b, 'bundle', 'import', bundle, '--passphrase-env', 'YQ_NOT_SET']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/环境变量 YQ_NOT_SET 未设置/);
  }, 60_000);

  it('exits 2 with one line naming the fingerprint for a bundle from an unknown workstation', async () => {
    const { dir, a, b, idA, idB } = await twoWorkstations();
    expect((await yq(['--db', a, 'peer', 'add', join(dir, 'b.card')])).code).toBe(0);
    const bundle = join(dir, 'a-to-b.yqb');
    expect((await yq(['--db', a, 'bundle', 'export', '--out', bundle, '--peer', idB.siteId])).code).toBe(0);
    const refused = await yq(['--db', b, 'bundle', 'import', bundle, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain(idA.fingerprint);
    const garbage = join(dir, 'garbage.yqb');
    writeFileSync(garbage, 'not a bundle');
    const unreadable = await yq(['--db', b, 'bundle', 'import', garbage]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/^yq: 该文件不是加密同步包/);
  });
});
