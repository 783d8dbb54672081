import ExcelJS from 'exceljs';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatChinaDate } from '../../../shared/china-time.js';
import { LedgerError } from '../../../shared/errors.js';
import { fileProblem } from '../file-problems.js';

// A table in the layout offices hand upward: a merged title row, a 填报单位/填报日期 row, a header of one or two
// rows (group cells merged over their columns), frozen under the header, widths set, text wrapped, A4 landscape
// with the header repeated on every printed page and 第 N 页 in the footer.

export interface TableColumn {
  header: string;
  group?: string | undefined;
  width: number;
}

export interface TableSheet {
  sheetName: string;
  title: string;
  office: string;
  nowMs: number;
  columns: readonly TableColumn[];
  /** Text, or numbers for counts (kept numbers so the sheet can sum them). */
  rows: Iterable<readonly (string | number)[]>;
}

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export function buildTableWorkbook(sheet: TableSheet): { workbook: ExcelJS.Workbook; rows: number } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = sheet.office;
  workbook.created = new Date(sheet.nowMs);
  const ws = workbook.addWorksheet(sheet.sheetName);
  const width = sheet.columns.length;
  const grouped = sheet.columns.some((c) => c.group);
  const headerEnd = grouped ? 4 : 3;

  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const half = Math.max(1, Math.floor(width / 2));
  ws.mergeCells(2, 1, 2, half);
  ws.getCell(2, 1).value = `填报单位：${sheet.office}`;
  ws.mergeCells(2, half + 1, 2, width);
  ws.getCell(2, half + 1).value = `填报日期：${formatChinaDate(new Date(sheet.nowMs).toISOString())}`;
  ws.getCell(2, half + 1).alignment = { horizontal: 'right' };

  // Header: a column without a group spans both header rows; a group's cell spans its columns.
  sheet.columns.forEach((column, i) => {
    const c = i + 1;
    if (!grouped) {
      ws.getCell(3, c).value = column.header;
    } else if (!column.group) {
      ws.mergeCells(3, c, 4, c);
      ws.getCell(3, c).value = column.header;
    } else {
      ws.getCell(4, c).value = column.header;
      if (sheet.columns[i - 1]?.group !== column.group) {
        let last = i;
        while (sheet.columns[last + 1]?.group === column.group) last++;
        if (last > i) ws.mergeCells(3, c, 3, last + 1);
        ws.getCell(3, c).value = column.group;
      }
    }
    ws.getColumn(c).width = column.width;
  });
  for (let r = 3; r <= headerEnd; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = { name: '黑体', size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    }
  }

  let count = 0;
  for (const values of sheet.rows) {
    const row = ws.addRow([...values]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = border;
      cell.font = { name: '宋体', size: 10 };
    });
    count++;
  }

  ws.views = [{ state: 'frozen', ySplit: headerEnd, xSplit: 0 }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `3:${headerEnd}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  return { workbook, rows: count };
}

/** Writes to a temporary name beside the target, then renames: a reader never sees half a file. */
export async function writeWorkbookFile(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new LedgerError('storage', `无法写入 ${basename(path)}：${fileProblem(error)}`);
  }
}
