import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, printHtmlToPdf } from '../../../electron/core/print/pdf.js';
import type { Commitment } from '../../../shared/api/commitments.js';
import { respondedIncident, setupLedger } from './setup.js';

// The print path end to end: the core's 督办单 through headless Chromium's PDF printer. The PDF is kept in
// test-results/ so a person can look at it (pdftoppm -png -r 60 test-results/commitments-sheet.pdf).

const chromium = findChromium();

describe('the PDF printer', () => {
  it('says in Chinese when there is no Chromium', async () => {
    await expect(printHtmlToPdf('<p>x</p>', '/tmp/never.pdf', { chromium: '' })).rejects.toThrow(/未找到 Chromium/);
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeUndefined();
  });

  it.skipIf(!chromium)('prints a 督办单 to an A4 PDF through printDocument', async () => {
    const { ok, at } = setupLedger('2026-11-27T10:00:00Z');
    const incident = await respondedIncident(ok);
    const other = await respondedIncident(ok, '城区主干道路灯大面积不亮，夜间出行不便');
    const add = (incidentId: string, content: string, deadline: Record<string, unknown>, person = '') =>
      ok<Commitment>('addCommitment', { incident: incidentId, content, unit: '县住建局', person, promisedAt: '2026-11-27 10:00', deadline });
    await add(incident.id, '3日内完成小区供热管网检修，确保室温不低于18度', { date: '2026-11-27' }, '李强');
    await add(other.id, '一周内完成城区主干道路灯线路排查和修复', { workdays: 1, from: '2026-11-27' }, '赵磊');
    await add(incident.id, '督促物业公司公开整改方案并接受居民监督', { workdays: 3, from: '2026-11-27' });
    const published = await add(other.id, '对路灯管护单位进行约谈并公开约谈结果', { date: '2026-11-28' });
    await ok('updateCommitment', { id: published.id, patch: { status: '已兑现', evidence: '已约谈' } });
    at('2026-11-30 09:00');
    const printed = await ok<{ mode: string; path: string }>('printDocument', { document: { kind: 'supervisionSheet', unit: '县住建局' }, mode: 'pdf' });
    expect(printed.mode).toBe('pdf');
    expect(existsSync(printed.path)).toBe(true);
    const pdf = readFileSync(printed.path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 in PostScript points: 595 × 842.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(Math.round(Number(box?.[1]))).toBe(595);
    expect(Math.round(Number(box?.[2]))).toBe(842);
    expect(statSync(printed.path).size).toBeGreaterThan(10_000); // CJK fonts embedded
    mkdirSync('test-results', { recursive: true });
    copyFileSync(printed.path, join('test-results', 'commitments-sheet.pdf'));
  }, 60_000);

  it('refuses the print dialog outside the app', async () => {
    const { fail } = setupLedger();
    const error = await fail('printDocument', { document: { kind: 'digest', period: '2026-W48' }, mode: 'dialog' });
    expect(error.message).toContain('导出PDF');
  });

  it('prints only documents the core renders: a page cannot send HTML of its own', async () => {
    const { fail } = setupLedger();
    const error = await fail('printDocument', { html: '<h1>关于××的紧急通知</h1>', title: '通知', mode: 'pdf' });
    expect(error.code).toBe('invalid_input');
    const unknown = await fail('printDocument', { document: { kind: 'notice', html: '<p>x</p>' }, mode: 'pdf' });
    expect(unknown.message).toContain('周报/月报/年报、督办单或台账');
  });
});
