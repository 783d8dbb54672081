import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../electron/core/open-ledger.js';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { tempDir, tempLedger } from '../../helpers/temp.js';

// Export → import into an empty ledger → the same incidents, responses and commitments.

async function fill(ledger: Ledger) {
  const { ok } = contractCalls(ledger);
  const a = await ok('createIncident', {
    title: '某工地拖欠农民工工资', summary: '多名工人\n在抖音发视频讨薪', platform: '抖音', url: 'https://www.douyin.com/video/9',
    firstSeenAt: '2026-11-20 07:10', foundAt: '2026-11-20 08:30', registrar: '王敏', township: '羊山镇', involvedUnit: '某建筑公司',
    categories: ['欠薪', '安全生产'], keyType61: '涉及公众切身利益且产生较大影响', severity: '重大', sentiment: '负面',
    leadUnit: '县人社局', coUnits: ['县住建局', '县信访局'], leaderInstruction: '请人社局牵头，三日内反馈',
  });
  await ok('addResponse', { incident: a.id, at: '2026-11-20 12:00', method: '发布权威信息', channel: '政务微博', url: 'https://weibo.com/1', content: '县人社局已介入', unit: '县人社局', disposition: '实际困难' });
  await ok('addResponse', { incident: a.id, at: '2026-11-21 09:00', method: '新闻发布会/吹风会', channel: '媒体', content: '召开新闻发布会通报处置进展\n第二段', unit: '县政府办公室' });
  const c1 = await ok('addCommitment', { incident: a.id, content: '11月底前结清全部工资', unit: '县人社局', person: '张三', promisedAt: '2026-11-21 09:00', deadline: { date: '2026-11-25' } });
  await ok('updateCommitment', { id: c1.id, patch: { status: '已兑现', evidence: '已全部支付，工人签字确认', fulfilledAt: '2026-11-24 16:00', publication: { published: true, channel: '政务微信', at: '2026-11-25 10:00', url: 'https://mp.weixin.qq.com/s/1' } } });
  const c2 = await ok('addCommitment', { incident: a.id, content: '约谈企业负责人', unit: '县住建局', promisedAt: '2026-11-21 09:00', deadline: { workdays: 5 } });
  await ok('updateCommitment', { id: c2.id, patch: { status: '无法兑现', statusReason: '企业负责人下落不明', publication: { published: false, note: '涉及个人信息' } } });
  const b = await ok('createIncident', { title: '某河道异味', platform: '微博', foundAt: '2026-11-26 10:00', severity: '一般', categories: ['环境'] });
  await ok('transitionIncident', { id: b.id, to: '无需回应', reason: '经核实为正常检修' });
  await ok('createIncident', { title: '某小区供暖不热', platform: '12345热线', foundAt: '2026-11-27 19:45', severity: '较大', categories: ['困难群众'], leadUnit: '县住建局' });
}

async function snapshot(ledger: Ledger) {
  const { ok } = contractCalls(ledger);
  const { rows } = await ok('listIncidents', { sort: 'number', descending: false });
  return Promise.all(
    rows.map(async ({ id, createdAt: _c, updatedAt: _u, ...incident }) => ({
      incident,
      responses: (await ok('listResponses', { incident: id })).map(({ id: _id, incidentId: _i, createdAt: _c2, ...r }) => r),
      commitments: (await ok('listCommitments', { incident: id })).map(
        ({ id: _id, incidentId: _i, createdAt: _c3, updatedAt: _u3, responseId: _r, deadlineSpec: _spec, ...c }) => c,
      ),
    })),
  );
}

describe('the 台账 as a spreadsheet', () => {
  it('exports in the office layout and imports back into an empty ledger as the same records', async () => {
    const source = tempLedger();
    await fill(source);
    const path = join(tempDir(), '台账.xlsx');
    const exported = await contractCalls(source).ok('exportLedgerXlsx', { path, query: { sort: 'number', descending: false } });
    expect(exported.rows).toBe(3);

    // The layout: title, 填报单位/填报日期, a two-row header with groups, frozen, A4 landscape, header on every page.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`${source.siteName}舆情回应台账`);
    expect(ws.getCell('A2').value).toBe(`填报单位：${source.siteName}`);
    expect(ws.getCell('T3').value).toBe('回应情况');
    expect(ws.getCell('T4').value).toBe('回应时间');
    expect(ws.getCell('AA3').value).toBe('承诺事项');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:4' });
    expect(ws.getCell('T5').value).toBe('1. 2026年11月20日 12:00\n2. 2026年11月21日 09:00');

    const target = tempLedger();
    const report = await contractCalls(target).ok('importSpreadsheet', { path });
    expect(report).toMatchObject({ rows: 3, imported: 3, duplicates: 0, skipped: 0, errors: [] });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    // And it is recognised as imported if it comes again.
    expect(await contractCalls(target).ok('importSpreadsheet', { path })).toMatchObject({ imported: 0, duplicates: 3 });
  });

  it('carries the 台账核查 columns the view shows (首次回应时间, 按时/超时, 承诺数, 逾期承诺) after the records', async () => {
    const ledger = tempLedger();
    await fill(ledger);
    const { ok } = contractCalls(ledger);
    // One more incident whose commitment ran out on 2026-11-27 (the ledger's today is 2026-11-28).
    const late = await ok('createIncident', { title: '某路段积水', platform: '微博', foundAt: '2026-11-23 09:00', severity: '重大', categories: ['其他'] });
    await ok('addResponse', { incident: late.id, at: '2026-11-23 18:30', method: '情况通报', channel: '政务微博', content: '已组织抽排', unit: '县住建局' });
    await ok('addCommitment', { incident: late.id, content: '一周内疏通管网', unit: '县住建局', promisedAt: '2026-11-23 18:30', deadline: { date: '2026-11-27' } });
    const sheetRows = (path: string) =>
      XLSX.utils.sheet_to_json<(string | number)[]>(XLSX.read(readFileSync(path)).Sheets['舆情回应台账']!, { header: 1, defval: '' });

    const all = join(tempDir(), '全部.xlsx');
    await ok('exportLedgerXlsx', { path: all, query: { sort: 'number', descending: false } });
    const rows = sheetRows(all);
    expect(rows[2]!.slice(33)).toEqual(['台账核查', '', '', '']);
    expect(rows[3]!.slice(33)).toEqual(['首次回应时间', '按时/超时', '承诺数', '逾期承诺']);
    const checks = Object.fromEntries(rows.slice(4).map((r) => [String(r[2]), r.slice(33)] as const));
    expect(checks).toEqual({
      某工地拖欠农民工工资: ['2026年11月20日 12:00', '超时', 2, 0],
      某河道异味: ['未回应', '', 0, 0],
      某小区供暖不热: ['未回应', '计时中', 0, 0],
      某路段积水: ['2026年11月23日 18:30', '超时', 1, 1],
    });
    // The counts stay numbers, so the sheet can sum them.
    const ws = XLSX.read(readFileSync(all)).Sheets['舆情回应台账']!;
    expect(ws['AJ5']).toMatchObject({ t: 'n', v: 2 });

    // Only the columns chosen in the 台账, in the chooser's order; none when none are shown.
    const two = join(tempDir(), '两列.xlsx');
    await ok('exportLedgerXlsx', { path: two, query: {}, columns: ['overdueCommitments', 'firstResponseAt'] });
    expect(sheetRows(two)[3]!.slice(33)).toEqual(['首次回应时间', '逾期承诺']);
    const none = join(tempDir(), '无.xlsx');
    await ok('exportLedgerXlsx', { path: none, query: {}, columns: [] });
    expect(sheetRows(none)[3]!.length).toBe(33);
    expect(sheetRows(none)[3]![32]).toBe('公开情况');
    const refused = await contractCalls(ledger).call('exportLedgerXlsx', { path: none, columns: ['回应人'] });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('台账核查列应为') as unknown } });

    // Imported back, the computed columns add nothing (no 备注 lines, no second response time).
    const target = tempLedger();
    expect(await contractCalls(target).ok('importSpreadsheet', { path: all })).toMatchObject({ imported: 4, errors: [], warnings: [] });
    const back = await contractCalls(target).ok('listIncidents', { text: '积水' });
    expect(back.rows[0]).toMatchObject({ title: '某路段积水', summary: '' });
  });

  it('says 逾期 in 落实情况 where an upward reader looks, and still reads each recorded status back exactly', async () => {
    // The clock: 2026-11-28 12:00 China time (a Saturday). Deadlines 11-24 and 11-25 have passed by 3 and 2 working days.
    const source = tempLedger();
    const { ok } = contractCalls(source);
    const a = await ok('createIncident', { title: '某小区供暖不热', platform: '12345热线', foundAt: '2026-11-20 19:45', severity: '较大', categories: ['困难群众'], leadUnit: '县住建局' });
    await ok('addCommitment', { incident: a.id, content: '三日内入户检测室温', unit: '县住建局', promisedAt: '2026-11-21 09:00', deadline: { date: '2026-11-24' } });
    const c2 = await ok('addCommitment', { incident: a.id, content: '一周内更换老旧管网', unit: '县住建局', promisedAt: '2026-11-21 09:00', deadline: { date: '2026-11-25' } });
    await ok('updateCommitment', { id: c2.id, patch: { status: '推进中', evidence: '已进场施工' } });
    await ok('addCommitment', { incident: a.id, content: '月底前公布检测结果', unit: '县住建局', promisedAt: '2026-11-21 09:00', deadline: { date: '2026-11-30' } });
    const statuses = (await ok('listCommitments', { incident: a.id })).map((c) => [c.status, c.overdueWorkdays]);
    expect(statuses).toEqual([['overdue', 3], ['overdue', 2], ['pending', 0]]);

    const path = join(tempDir(), '台账.xlsx');
    await ok('exportLedgerXlsx', { path, query: {} });
    const row = XLSX.utils.sheet_to_json<(string | number)[]>(XLSX.read(readFileSync(path)).Sheets['舆情回应台账']!, { header: 1, defval: '' })[4]!;
    expect(row[31]).toBe('1. 未开始（已逾期3个工作日）\n2. 推进中（已逾期2个工作日）：已进场施工\n3. 未到期');
    expect(row.at(-1)).toBe(2); // 逾期承诺, the 台账核查 count, agrees

    const target = tempLedger();
    expect(await contractCalls(target).ok('importSpreadsheet', { path })).toMatchObject({ imported: 1, errors: [] });
    expect(await snapshot(target)).toEqual(await snapshot(source));

    // The 承诺督办 table has its own 状态 and 逾期工作日 columns: 落实情况 there is the record alone.
    const board = join(tempDir(), '承诺督办.xlsx');
    await ok('exportCommitmentsXlsx', { path: board });
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(readFileSync(board)).Sheets['承诺督办']!, { header: 1, defval: '' });
    expect(rows.slice(3).map((r) => [r[8], r[9], r[10]])).toEqual([['逾期', '3', '未开始'], ['逾期', '2', '推进中：已进场施工'], ['未到期', '', '未到期']]);
  });

  it('exports the 承诺督办 table, one row per commitment', async () => {
    const ledger = tempLedger();
    await fill(ledger);
    const path = join(tempDir(), '承诺督办.xlsx');
    expect(await contractCalls(ledger).ok('exportCommitmentsXlsx', { path })).toMatchObject({ rows: 2 });
    const sheet = XLSX.read(readFileSync(path)).Sheets['承诺督办']!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
    expect(rows[2]).toEqual(['序号', '编号', '所属舆情', '承诺事项', '责任单位', '责任人', '承诺时间', '期限', '状态', '逾期工作日', '落实情况', '公开情况', '核查']);
    expect(rows.slice(3).map((r) => [r[3], r[4], r[8], r[10], r[11]])).toEqual([
      ['11月底前结清全部工资', '县人社局', '已兑现', '已兑现（2026年11月24日 16:00）：已全部支付，工人签字确认', '已公开：政务微信 2026年11月25日 10:00 https://mp.weixin.qq.com/s/1'],
      ['约谈企业负责人', '县住建局', '无法兑现', '无法兑现：企业负责人下落不明', '未公开：涉及个人信息'],
    ]);
  });

  it('prints the filtered 台账 as an A4 landscape table whose header repeats on every page', async () => {
    const ledger = tempLedger();
    await fill(ledger);
    const { html, title } = await contractCalls(ledger).ok('renderLedgerTable', { query: { severities: ['重大'] } });
    expect(title).toBe(`${ledger.siteName}舆情回应台账`);
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('<thead><tr><th>序号</th>');
    expect(html).toContain('某工地拖欠农民工工资');
    expect(html).not.toContain('某河道异味');
    expect(html).toContain('<th>首次回应时间</th><th>按时/超时</th><th>承诺数</th><th>逾期承诺</th></tr></thead>');
    expect(html).toContain('<td class="nw">超时</td><td class="nw">2</td><td class="nw">0</td></tr>');

    // The paper follows the columns chosen in the 台账, as the export does.
    const chosen = await contractCalls(ledger).ok('renderLedgerTable', { query: {}, columns: ['commitmentCount'] });
    expect(chosen.html).toContain('<th>公开情况</th><th>承诺数</th></tr></thead>');
    expect(chosen.html).not.toContain('首次回应时间');
  });
});
