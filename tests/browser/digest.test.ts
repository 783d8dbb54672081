import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.js';
import { printHtmlToPdf } from '../../electron/core/print/pdf.js';
import { digestLedger, fillW48 } from '../core/digest/fixture.js';
import { browserAvailable, toolsRequired } from './chromium.js';

// The digest on paper: the core's print page for 2026-W48 printed by Chromium's own PDF printer (the print path
// the CLI and the test host use; Electron's printToPDF honours the same @page rules). Checks the page size,
// the text (title, 期数, the counts), and keeps the PDF and a PNG of page 1 in test-results/ for a person to look at.

const run = browserAvailable();
const RESULTS = join(process.cwd(), 'test-results');

function tool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    const notice = `${name} (poppler-utils) not found: digest PDF text/PNG checks ${toolsRequired ? 'FAIL' : 'SKIPPED'}`;
    console.warn(`\n${notice}\n`);
    if (toolsRequired) throw new Error(notice);
    return false;
  }
}

describe.skipIf(!run)('the weekly digest printed by Chromium', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yq-digest-pdf-'));
    mkdirSync(RESULTS, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is an A4 PDF whose text carries the title, the 期数 and the figures, page-numbered — 1 —', async () => {
    const { ok } = digestLedger();
    await fillW48(ok);
    const { digest, html, title } = await ok('renderDigest', { period: '2026-W48' });
    expect(title).toBe('舆情周报（2026年第48期）');
    writeFileSync(join(RESULTS, 'digest-w48.html'), html);
    const pdf = join(dir, 'digest.pdf');
    await printHtmlToPdf(html, pdf);
    copyFileSync(pdf, join(RESULTS, 'digest-w48.pdf'));
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(bytes.toString('latin1'));
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]); // A4 in points

    if (tool('pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain('舆情周报');
      expect(flat).toContain('2026年第48期');
      expect(flat).toContain(`共发现登记舆情事件${digest.newIncidents}起`);
      expect(flat).toContain(`较上周（${digest.previousIncidents}起）增加6起`);
      expect(flat).toContain('回应率57.1%');
      expect(flat).toContain('按时率50%');
      expect(flat).toContain('逾期未兑现2项');
      expect(flat).toContain('—1—'); // the page number of GB/T 9704
      expect(flat).toContain('柳城街道化工厂异味引发居民聚集');

      // GB/T 9704-2012 7.5: odd pages numbered at the right, even pages at the left, one 4号 character (14 pt) in
      // from the text block — whose edges are 26 mm from the outer edge of the page (A4 is 595.3 pt wide).
      const dashes = (page: number) =>
        [...execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-'], { encoding: 'utf8' }).matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>—<\/word>/g,
        )]
          .map((m) => ({ xMin: Number(m[1]), y: Number(m[2]), xMax: Number(m[3]) }))
          .filter((w) => w.y > 700);
      const mm = 72 / 25.4;
      const odd = dashes(1);
      expect(odd).toHaveLength(2);
      expect(Math.abs(odd[1]!.xMax - (595.3 - 26 * mm - 14))).toBeLessThan(3);
      const even = dashes(2);
      expect(even).toHaveLength(2);
      expect(Math.abs(even[0]!.xMin - (26 * mm + 14))).toBeLessThan(3);
    }
    if (tool('pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
      const png = ['page-1.png', 'page-01.png', 'page-001.png'].map((n) => join(dir, n)).find((p) => existsSync(p));
      expect(png).toBeDefined();
      copyFileSync(png!, join(RESULTS, 'digest-page1.png'));
    }
  });

  it('yq digest --pdf prints the same page through the local Chromium', async () => {
    const { ledger, ok } = digestLedger();
    await fillW48(ok);
    ledger.close();
    const out = join(dir, '周报.pdf');
    const err: string[] = [];
    const json: string[] = [];
    const code = await runCli(['--db', ledger.path, 'digest', '--week', '2026-W48', '--pdf', out, '--json'], {
      stdout: (t) => json.push(t),
      stderr: (t) => err.push(t),
      readStdin: () => '',
      now: () => Date.parse('2026-11-30T01:00:00Z'),
    });
    expect(code, err.join('\n')).toBe(0);
    expect((JSON.parse(json.join('')) as { newIncidents: number }).newIncidents).toBe(8);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (tool('pdftotext')) expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('共发现登记舆情事件8起');
  });
});
