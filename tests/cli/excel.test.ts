import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOfficeCsv, writeOfficeXls, writeOfficeXlsx } from '../helpers/office-workbooks.js';
import { tempDir } from '../helpers/temp.js';
import { yqRunner } from './run-yq.js';

const yq = yqRunner(() => Date.parse('2026-11-28T04:00:00Z'));

describe('yq import xlsx / export xlsx', () => {
  it('refuses a file with invalid rows (exit 2, the report, nothing written), then imports with a mapping and --skip-invalid', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await yq(['--db', db, 'init']);
    const file = await writeOfficeXlsx(dir);

    const refused = await yq(['--db', db, 'import', 'xlsx', file, '--json']);
    expect(refused.code).toBe(2);
    const report = JSON.parse(refused.stdout) as { rows: number; imported: number; errors: { row: number; column: string; message: string }[] };
    expect(Object.keys(report)).toEqual(['rows', 'imported', 'duplicates', 'skipped', 'errors', 'warnings']);
    expect(report).toMatchObject({ rows: 5, imported: 0 });
    expect(report.errors[0]).toEqual({ row: 7, column: '监测时间', message: '2026年11月31日 不是有效日期（2026年11月只有30天）' });
    expect(JSON.parse((await yq(['--db', db, 'incident', 'list', '--json'])).stdout)).toEqual([]);

    const dry = await yq(['--db', db, 'import', 'xlsx', file, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ imported: 0, errors: report.errors });

    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ units: { 县宇宙局: { add: '县政府部门' } } }));
    const done = await yq(['--db', db, 'import', 'xlsx', file, '--sheet', '舆情台账', '--mapping', mapping, '--skip-invalid', '--json']);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ rows: 5, imported: 4, duplicates: 0, skipped: 1 });
    expect((JSON.parse((await yq(['--db', db, 'unit', 'list', '--json'])).stdout) as { name: string }[]).map((u) => u.name)).toContain('县宇宙局');

    // A .xls of the same rows: all four already there.
    const again = await yq(['--db', db, 'import', 'xlsx', writeOfficeXls(dir), '--mapping', mapping, '--skip-invalid', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, duplicates: 4, skipped: 1 });

    const human = await yq(['--db', db, 'import', 'xlsx', file, '--mapping', mapping, '--skip-invalid']);
    expect(human.stdout.split('\n')[0]).toBe('共 5 行：导入 0 条，重复 4 条，跳过 1 条');
    expect(human.stdout).toContain('错误 第 7 行 监测时间：2026年11月31日 不是有效日期（2026年11月只有30天）');
  });

  it('exports the filtered 台账 and the 承诺督办 table', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await yq(['--db', db, 'init']);
    await yq(['--db', db, 'import', 'xlsx', await writeOfficeXlsx(dir), '--skip-invalid', '--json']);
    const out = join(dir, '重大.xlsx');
    const ledger = await yq(['--db', db, 'export', 'xlsx', '--out', out, '--severity', '重大', '--json']);
    expect(ledger.code, ledger.stderr).toBe(0);
    expect(JSON.parse(ledger.stdout)).toEqual({ path: out, rows: 1 });
    // Without a column chooser, yq writes every 台账核查 column after the records' columns.
    const header = XLSX.utils.sheet_to_json<string[]>(XLSX.read(readFileSync(out)).Sheets['舆情回应台账']!, { header: 1, defval: '' })[3]!;
    expect(header.slice(-4)).toEqual(['首次回应时间', '按时/超时', '承诺数', '逾期承诺']);
    // --columns picks them as the column chooser does (labels or ids), 无 writes none.
    const headerOf = async (...columns: string[]) => {
      const file = join(dir, `c${columns.length}.xlsx`);
      const done = await yq(['--db', db, 'export', 'xlsx', '--out', file, ...columns.flatMap((c) => ['--columns', c]), '--json']);
      expect(done.code, done.stderr).toBe(0);
      return XLSX.utils.sheet_to_json<string[]>(XLSX.read(readFileSync(file)).Sheets['舆情回应台账']!, { header: 1, defval: '' })[3]!;
    };
    expect((await headerOf('按时/超时,overdueCommitments')).slice(-3)).toEqual(['公开情况', '按时/超时', '逾期承诺']);
    expect((await headerOf('无')).at(-1)).toBe('公开情况');
    const unknown = await yq(['--db', db, 'export', 'xlsx', '--out', out, '--columns', '回应人']);
    expect([unknown.code, unknown.stderr]).toEqual([2, 'yq: --columns 应为 首次回应时间、按时/超时、承诺数、逾期承诺 中的列（或“无”），不认识“回应人”']);
    const commitments = await yq(['--db', db, 'export', 'xlsx', '--out', join(dir, 'c.xlsx'), '--what', 'commitments', '--json']);
    expect(JSON.parse(commitments.stdout)).toMatchObject({ rows: 1 });
    const bad = await yq(['--db', db, 'export', 'xlsx', '--out', join(dir, 'x.xlsx'), '--what', 'people']);
    expect([bad.code, bad.stderr]).toEqual([2, 'yq: --what 应为 incidents 或 commitments']);
  });

  it('reads a GBK .csv the same way, and exports the 承诺督办 table of the filtered incidents only', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    await yq(['--db', db, 'init']);
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ units: { 县宇宙局: { add: '县政府部门' } } }));
    const csv = writeOfficeCsv(dir);
    const dry = await yq(['--db', db, 'import', 'xlsx', csv, '--mapping', mapping, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ rows: 5, imported: 0, errors: [{ row: 4, column: '监测时间', message: '2026年11月31日 不是有效日期（2026年11月只有30天）' }] });
    expect(JSON.parse((await yq(['--db', db, 'incident', 'list', '--json'])).stdout)).toEqual([]);
    const done = await yq(['--db', db, 'import', 'xlsx', csv, '--mapping', mapping, '--skip-invalid', '--json']);
    expect(JSON.parse(done.stdout)).toMatchObject({ rows: 5, imported: 4, skipped: 1 });

    // Only 较大 incidents (the one with a commitment) → its commitment; 一般 only → none.
    const board = (severity: string) => yq(['--db', db, 'export', 'xlsx', '--out', join(dir, `${severity}.xlsx`), '--what', 'commitments', '--severity', severity, '--json']);
    expect(JSON.parse((await board('较大')).stdout)).toMatchObject({ rows: 1 });
    expect(JSON.parse((await board('一般')).stdout)).toMatchObject({ rows: 0 });
  });
});
