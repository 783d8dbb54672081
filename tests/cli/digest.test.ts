import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { digestLedger, fillW48 } from '../core/digest/fixture.js';
import { yqRunner } from './run-yq.js';

// yq digest over the crafted W48 ledger (tests/core/digest/fixture.ts), on the same fixed clock.

const NOW = () => Date.parse('2026-11-30T01:00:00Z'); // Monday 09:00 China time

const yq = yqRunner(NOW);

async function w48Db(): Promise<string> {
  const { ledger, ok } = digestLedger();
  await fillW48(ok);
  ledger.close();
  return ledger.path;
}

describe('yq digest', () => {
  const savedChromium = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (savedChromium === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = savedChromium;
  });

  it('prints the week figures as JSON', async () => {
    const db = await w48Db();
    const r = await yq(['--db', db, 'digest', '--week', '2026-W48', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as Record<string, unknown> & { byCategory: { label: string; count: number }[] };
    expect(d.newIncidents).toBe(8);
    expect(d.previousWeekIncidents).toBe(2);
    expect(d.byCategory.slice(0, 1)).toEqual([{ code: 'wages', label: '工资拖欠', count: 2 }]);
    expect(d.bySeverity).toEqual([
      { code: 'extreme', label: '特别重大', count: 1 },
      { code: 'major', label: '重大', count: 2 },
      { code: 'large', label: '较大', count: 2 },
      { code: 'general', label: '一般', count: 3 },
    ]);
    expect((d.byPlatform as { label: string; count: number }[])[0]).toEqual({ code: 'weibo', label: '微博', count: 3 });
    expect(d.respondedWithin).toEqual({ '5h': 0.5, '24h': 1, '48h': 1 / 3 });
    expect(d.commitments).toMatchObject({ fulfilled: 2, dueNextWeek: 2, overdue: 2 });
  });

  it('writes the self-contained print page with --html, from the same figures it prints', async () => {
    const db = await w48Db();
    const out = join(tempDir(), '周报.html');
    const r = await yq(['--db', db, 'digest', '--week', '2026-w48', '--html', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const plain = await yq(['--db', db, 'digest', '--week', '2026-W48', '--json']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(plain.stdout)); // one computation
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|\bsrc=|url\((?!#)/i); // nothing to load (only the charts' own clip paths)
    expect(page).toContain('<svg'); // the charts, inline
    expect(page).toContain('舆情周报');
    expect(page).toContain('共发现登记舆情事件8起');
    expect(page).toContain('回应率57.1%');
  });

  it('names in one Chinese line why --html cannot be written', async () => {
    const db = await w48Db();
    const out = join(tempDir(), '没有这个文件夹', '周报.html');
    const r = await yq(['--db', db, 'digest', '--week', '2026-W48', '--html', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`yq: 无法写入 ${out}：所在文件夹不存在`);
  });

  it('makes month and year reports from the same engine', async () => {
    const db = await w48Db();
    const month = await yq(['--db', db, 'digest', '--month', '2026-11', '--json']);
    expect(month.code, month.stderr).toBe(0);
    const m = JSON.parse(month.stdout) as { kind: string; newIncidents: number; previousIncidents: number; previousWeekIncidents?: number; trend: unknown[] };
    // November is still running at Monday 09:00: H (found 08:00) counts, so all 11 incidents are in.
    expect([m.kind, m.newIncidents, m.previousIncidents, m.previousWeekIncidents, m.trend.length]).toEqual(['month', 11, 0, undefined, 12]);
    const year = await yq(['--db', db, 'digest', '--year', '2026', '--json']);
    const y = JSON.parse(year.stdout) as { issue: string; newIncidents: number; response: { pressConferences: number; byMethod: { code: string; count: number }[] }; commitments: Record<string, number> };
    expect(y.issue).toBe('2026年度');
    expect(y.newIncidents).toBe(11);
    // F's response (Monday 02:00) is in the year, so 8 responses; press conferences 2.
    expect(y.response.pressConferences).toBe(2);
    expect(y.response.byMethod.reduce((s, m) => s + m.count, 0)).toBe(8);
    // All 7 made this year; K1, K4 (Monday 08:00) and K5 fulfilled; K1 published.
    expect(y.commitments).toMatchObject({ made: 7, fulfilled: 3, published: 1 });
    const human = await yq(['--db', db, 'digest', '--year', '2026']);
    expect(human.stdout).toContain('舆情年报（2026年度');
  });

  it('refuses bad periods with one line and exit 2', async () => {
    const db = await w48Db();
    for (const args of [
      ['--week', '2026-W54'],
      ['--week', '2026-W00'],
      ['--week', '2026-48'],
      ['--week', 'W48'],
      ['--week', '2026-11'],
      ['--month', '2026-13'],
      ['--month', '2026-W48'],
      ['--year', '26'],
      [],
      ['--week', '2026-W48', '--month', '2026-11'],
    ]) {
      const r = await yq(['--db', db, 'digest', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^yq: /);
    }
    const future = await yq(['--db', db, 'digest', '--week', '2026-W50']);
    expect([future.code, future.stderr]).toEqual([2, 'yq: 输入有误：2026年12月7日至12月13日尚未开始，无法生成报告']);
  });

  it('says in Chinese when no Chromium is there to print the PDF', async () => {
    const db = await w48Db();
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const r = await yq(['--db', db, 'digest', '--week', '2026-W48', '--pdf', join(tempDir(), 'x.pdf')]);
    expect(r.code).toBe(1); // not the input's fault: a tool is missing
    expect(r.stderr).toContain('未找到 Chromium');
    expect(r.stderr.split('\n')).toHaveLength(1);
  });
});
