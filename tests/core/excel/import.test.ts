import { describe, expect, it } from 'vitest';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { officeRows, writeOfficeCsv, writeOfficeXls, writeOfficeXlsx } from '../../helpers/office-workbooks.js';
import { footprint, tempDir, tempLedger } from '../../helpers/temp.js';

function setup() {
  const ledger = tempLedger();
  return { ledger, ...contractCalls(ledger), dir: tempDir() };
}

const mapping = { units: { 县宇宙局: '县生态环境分局' } };

describe('importing an office’s 台账', () => {
  it('finds the sheet and the two-row header by itself and maps the columns offices name', async () => {
    const { ok, dir } = setup();
    const path = await writeOfficeXlsx(dir);
    const preview = (await ok('previewImport', { path }));
    expect(preview.sheets).toEqual(['填表说明', '舆情台账']);
    expect(preview.sheet).toBe('舆情台账');
    expect(preview.headerRows).toEqual([3, 4]);
    expect(Object.fromEntries(preview.columns.map((c) => [c.header, c.field]))).toEqual({
      序号: 'ignore', 舆情标题: 'title', 监测时间: 'foundAt', 来源: 'platform', 涉及领域: 'categories', 舆情等级: 'severity',
      责任单位: 'leadUnit', '涉及乡镇（街道）': 'township', '回应情况/回应时间': 'responseAt', '回应情况/回应方式': 'responseMethod',
      '回应情况/回应内容': 'responseContent', '承诺事项/承诺内容': 'commitmentContent', '承诺事项/承诺时限': 'commitmentDeadline',
      '承诺事项/落实情况': 'commitmentProgress', 备注: 'note', 链接: 'url',
    });
    // Blank row, 合计 and 填表人 lines are not data.
    expect(preview.rows).toBe(5);
    expect(preview.unmatched).toEqual([{ kind: 'units', value: '县宇宙局', rows: 1, suggestions: [] }]);
  });

  it('lists every problem with the Excel row and the header people see, and writes nothing', async () => {
    const { ok, ledger, dir } = setup();
    const path = await writeOfficeXlsx(dir);
    const before = footprint(ledger);
    const report = (await ok('importSpreadsheet', { path }));
    expect(report.errors).toEqual([
      { row: 7, column: '监测时间', message: '2026年11月31日 不是有效日期（2026年11月只有30天）' },
      { row: 9, column: '责任单位', message: '没有名为“县宇宙局”的单位，请在映射中对应到已有单位或新增' },
    ]);
    expect(report).toMatchObject({ rows: 5, imported: 0, skipped: 0 });
    expect(footprint(ledger)).toEqual(before);
  });

  it('imports every valid row with skipInvalid: records, warnings, 备注, all through the write path', async () => {
    const { ok, ledger, dir } = setup();
    const path = await writeOfficeXlsx(dir);
    const auditBefore = footprint(ledger).audit;
    const report = (await ok('importSpreadsheet', { path, skipInvalid: true, mapping }));
    expect(report).toMatchObject({ rows: 5, imported: 4, duplicates: 0, skipped: 1 });
    expect(report.errors.map((e) => e.row)).toEqual([7]);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        { row: 6, column: '回应方式', message: '“约谈学校负责人”不在可选项中，记为“其他”，原文记入备注' },
        { row: 8, column: '来源', message: '“小红书”不在可选项中，记为“其他”，原文记入备注' },
      ]),
    );
    const { rows } = await ok('listIncidents', { sort: 'number', descending: false });
    expect(rows.map((i) => [i.number, i.title, i.platform, i.categories, i.severity])).toEqual([
      ['YQ-2026-0001', '某工地拖欠32名农民工工资', 'douyin', ['wages'], 'large'],
      ['YQ-2026-0002', '某学校食堂饭菜变质', 'wechat', ['edu_medical', 'food_drug'], 'general'],
      ['YQ-2026-0003', '某河道异味扰民', 'other', ['environment'], 'major'],
      ['YQ-2026-0004', '某企业违规排污', 'weibo', ['environment'], 'general'],
    ]);
    const [wages, school, river] = rows;
    expect(wages!.foundAt).toBe('2026-11-05T02:20:00.000Z'); // the Excel date cell, read as China wall-clock time
    expect(school!.foundAt).toBe('2026-11-08T00:05:00.000Z');
    expect(school!.summary).toBe('备注：家长群截图已留存；回应方式原文：约谈学校负责人');
    expect(river!.summary).toContain('来源原文：小红书');
    const responses = (await ok('listResponses', { incident: wages!.id }));
    expect(responses).toMatchObject([{ at: '2026-11-05T07:00:00.000Z', method: 'briefing', content: '县人社局已介入，督促企业限期支付' }]);
    const commitments = (await ok('listCommitments', { incident: wages!.id }));
    expect(commitments).toMatchObject([{ content: '12月底前支付全部拖欠工资', deadline: '2026-12-31', recordedStatus: 'fulfilled', evidence: '11月20日已全部支付', fulfilledAt: '2026-11-19T16:00:00.000Z' }]);
    // One audit entry per record and status step, as if typed in, plus one for the import itself.
    const entries = ledger.db.prepare('SELECT action FROM audit ORDER BY seq').pluck().all() as string[];
    expect(entries.slice(-1)).toEqual(['import.spreadsheet']);
    expect(footprint(ledger).audit - auditBefore).toBe(4 + 2 + 1 + 1 + 1);
  });

  it('adds only new rows when the same file, or a later copy with rows added above, is imported again', async () => {
    const { ok, dir } = setup();
    const first = await writeOfficeXlsx(dir, officeRows(), 'first.xlsx');
    expect(await ok('importSpreadsheet', { path: first, skipInvalid: true, mapping })).toMatchObject({ imported: 4 });
    expect(await ok('importSpreadsheet', { path: first, skipInvalid: true, mapping })).toMatchObject({ imported: 0, duplicates: 4, skipped: 1 });
    const added = [
      [{ formula: 'ROW()-4', result: 1 }, '某乡镇卫生院服务态度差', '2026-11-20 14:00', '抖音', '教育医疗', '一般', '县卫健局', '', '', '', '', '', '', '', '', ''],
      ...officeRows(),
    ];
    const later = await writeOfficeXlsx(dir, added, 'later.xlsx');
    expect(await ok('importSpreadsheet', { path: later, skipInvalid: true, mapping })).toMatchObject({ rows: 6, imported: 1, duplicates: 4, skipped: 1 });
    expect((await ok('listIncidents', {})).total).toBe(5);
  });

  it('reads the same 台账 saved by WPS as .xls and as a GBK .csv', async () => {
    const dir = tempDir();
    for (const make of [() => writeOfficeXls(dir), () => writeOfficeCsv(dir, officeRows(), 'gbk'), () => writeOfficeCsv(dir, officeRows(), 'utf8')]) {
      const { ok } = contractCalls(tempLedger());
      const path = make();
      const report = (await ok('importSpreadsheet', { path, skipInvalid: true, mapping }));
      expect(report, path).toMatchObject({ rows: 5, imported: 4, skipped: 1 });
      const titles = (await ok('listIncidents', { sort: 'number', descending: false })).rows.map((i) => i.title);
      expect(titles, path).toEqual(['某工地拖欠32名农民工工资', '某学校食堂饭菜变质', '某河道异味扰民', '某企业违规排污']);
    }
  });

  it('a dry run checks everything and writes nothing', async () => {
    const { ok, ledger, dir } = setup();
    const path = await writeOfficeXlsx(dir);
    const before = footprint(ledger);
    expect(await ok('importSpreadsheet', { path, skipInvalid: true, mapping, dryRun: true })).toMatchObject({ imported: 4, skipped: 1 });
    expect(footprint(ledger)).toEqual(before);
    expect(await ok('importSpreadsheet', { path, skipInvalid: true, mapping })).toMatchObject({ imported: 4 });
  });
});
