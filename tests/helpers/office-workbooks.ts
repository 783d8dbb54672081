import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Workbooks made the way county offices make their 舆情回应台账: a 填表说明 sheet first, a merged title row, a
// 填报单位/填报日期 row, a two-row header with 回应情况 and 承诺事项 grouped over their columns, 序号 as a formula,
// dates typed in every form (and one Excel date cell), two categories in a cell, bad rows, a blank row and a
// 合计 footer. Also the same rows as a WPS-style .xls (BIFF8) and a GBK .csv.

/** An Excel date cell's value: the wall-clock time as Excel keeps it (no zone). */
const excelDate = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

export const HEADER_TOP = ['序号', '舆情标题', '监测时间', '来源', '涉及领域', '舆情等级', '责任单位', '涉及乡镇（街道）', '回应情况', '', '', '承诺事项', '', '', '备注', '链接'];
export const HEADER_LEAVES = ['', '', '', '', '', '', '', '', '回应时间', '回应方式', '回应内容', '承诺内容', '承诺时限', '落实情况', '', ''];

export type RowValues = (string | number | Date | { formula: string; result: number } | null)[];

/** The data rows (Excel rows 5…): see the comments for what each one tests. */
export function officeRows(): RowValues[] {
  return [
    // 5: an Excel date cell, a full response and a fulfilled commitment.
    [{ formula: 'ROW()-4', result: 1 }, '某工地拖欠32名农民工工资', excelDate(2026, 11, 5, 10, 20), '抖音', '欠薪', '较大', '县人社局', '羊山镇',
      '2026/11/05 15:00', '情况通报', '县人社局已介入，督促企业限期支付', '12月底前支付全部拖欠工资', '2026年12月31日', '已完成，11月20日已全部支付', '', 'https://www.douyin.com/video/1'],
    // 6: two categories in a cell, a WeChat group, 年月日 with time, an unrecognised 方式 (→ 其他 + 备注).
    [{ formula: 'ROW()-4', result: 2 }, '某学校食堂饭菜变质', '2026年11月8日 8:05', '微信群', '教育医疗、食品药品安全', '一般', '县教育局', '柳城街道',
      '2026.11.09', '约谈学校负责人', '已责令整改并公开检测结果', '', '', '', '家长群截图已留存', ''],
    // 7: an impossible date.
    [{ formula: 'ROW()-4', result: 3 }, '某小区供暖不热', '2026年11月31日', '12345平台', '困难群众', '一般', '县住建局', '', '', '', '', '', '', '', '', ''],
    // 8: a platform nobody listed (→ 其他, warning), a date with a dot.
    [{ formula: 'ROW()-4', result: 4 }, '某河道异味扰民', '2026.11.10', '小红书', '环境', '重大', '县生态环境分局', '羊山镇', '', '', '', '', '', '', '', ''],
    // 9: a unit the ledger does not have.
    [{ formula: 'ROW()-4', result: 5 }, '某企业违规排污', '2026/11/12 9:30', '新浪微博', '环保', '一般', '县宇宙局', '', '', '', '', '', '', '', '', ''],
    // 10: blank (not data).
    [{ formula: 'ROW()-4', result: 6 }, '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  ];
}

function fillSheet(ws: ExcelJS.Worksheet, rows: readonly RowValues[]): void {
  ws.mergeCells('A1:P1');
  ws.getCell('A1').value = '朝阳县2026年网络舆情回应台账';
  ws.getCell('A2').value = '填报单位：县委宣传部';
  ws.getCell('L2').value = '填报日期：2026年11月28日';
  ws.addRow(HEADER_TOP);
  ws.addRow(HEADER_LEAVES);
  for (const [i, text] of HEADER_TOP.entries()) {
    const c = i + 1;
    if (text !== '' && HEADER_LEAVES[i] === '' && text !== '回应情况' && text !== '承诺事项') ws.mergeCells(3, c, 4, c);
  }
  ws.mergeCells('I3:K3');
  ws.mergeCells('L3:N3');
  for (const values of rows) {
    const row = ws.addRow(values);
    const found = row.getCell(3);
    if (found.value instanceof Date) found.numFmt = 'yyyy-mm-dd hh:mm';
  }
  ws.addRow(['合计', '', '共 5 件']);
  ws.addRow(['填表人：王敏', '', '', '', '', '', '', '', '', '', '审核人：李强']);
}

/** The office's .xlsx as Excel saves it (exceljs, with merges, a formula 序号 and an Excel date cell). */
export async function writeOfficeXlsx(dir: string, rows: readonly RowValues[] = officeRows(), name = '台账.xlsx'): Promise<string> {
  const book = new ExcelJS.Workbook();
  const help = book.addWorksheet('填表说明');
  help.addRow(['填表说明']);
  help.addRow(['1. 监测时间精确到分钟；2. 舆情类别按省网信办分类填写；3. 一事一行。']);
  fillSheet(book.addWorksheet('舆情台账'), rows);
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

/** Plain cell values of the rows (formulas as their result, dates as typed text), for .xls and .csv. */
function plain(rows: readonly RowValues[]): (string | number)[][] {
  return rows.map((r) =>
    r.map((v) => (v === null ? '' : v instanceof Date ? `${v.toISOString().slice(0, 10)} ${v.toISOString().slice(11, 16)}` : typeof v === 'object' ? v.result : v)),
  );
}

/** The same 台账 as WPS saves a .xls: BIFF8, merged title and group cells. */
export function writeOfficeXls(dir: string, rows: readonly RowValues[] = officeRows()): string {
  const aoa = [['朝阳县2026年网络舆情回应台账'], ['填报单位：县委宣传部'], HEADER_TOP, HEADER_LEAVES, ...plain(rows), ['合计', '', '共 5 件']];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 15 } },
    { s: { r: 2, c: 8 }, e: { r: 2, c: 10 } },
    { s: { r: 2, c: 11 }, e: { r: 2, c: 13 } },
    ...HEADER_TOP.flatMap((t, c) => (t !== '' && HEADER_LEAVES[c] === '' && t !== '回应情况' && t !== '承诺事项' ? [{ s: { r: 2, c }, e: { r: 3, c } }] : [])),
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['填表说明'], ['一事一行']]), '填表说明');
  XLSX.utils.book_append_sheet(book, ws, '舆情台账');
  const path = join(dir, '台账.xls');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer);
  return path;
}

/** A one-row-header .csv as Chinese Excel saves it: GBK, no BOM. */
export function writeOfficeCsv(dir: string, rows: readonly RowValues[] = officeRows(), encoding: 'gbk' | 'utf8' = 'gbk'): string {
  const header = ['序号', '舆情标题', '监测时间', '来源', '涉及领域', '舆情等级', '责任单位', '涉及乡镇（街道）', '回应时间', '回应方式', '回应内容', '承诺内容', '承诺时限', '落实情况', '备注', '链接'];
  const quote = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const text = [header, ...plain(rows)].map((r) => r.map(quote).join(',')).join('\r\n');
  const path = join(dir, `台账-${encoding}.csv`);
  writeFileSync(path, encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  return path;
}
