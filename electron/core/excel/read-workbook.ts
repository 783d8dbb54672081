import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { LedgerError } from '../../../shared/errors.js';
import { checkZipSizes } from './zip-sizes.js';

// Reads an office's spreadsheet — .xlsx, .xls (Excel or WPS), .csv in UTF-8 or GBK — into plain rows of cells,
// refusing what must not be parsed (a password-protected workbook, a zip bomb, an absurd row count or cell).

export const LIMITS = {
  /** Data rows a sheet may have. */
  rows: 200_000,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
  /** Bytes the parts of an .xlsx may inflate to, measured by inflating them (capped) before the reader does. */
  unzippedBytes: 400 * 1024 * 1024,
  /** How many times a part may be larger than its compressed form (real workbooks stay far below). */
  ratio: 200,
  /** Bytes of the file itself. */
  fileBytes: 100 * 1024 * 1024,
} as const;

/** One cell as read: its text, or the China wall-clock time a date cell holds (`2026-11-05 10:20`). */
export interface Cell {
  text: string;
  /** Set for cells Excel stores as a date: the wall-clock time as written, for the shared parser. */
  date?: string;
  /** The cell held a number (序号, 承诺时限 as days). */
  number?: number;
}

export interface SheetRows {
  name: string;
  /** rows[r][c]; merged ranges carry their top-left value in every cell they cover. */
  rows: (Cell | null)[][];
  /** The cells of a merged range other than its top-left one, as `r:c` (a grouped header spans several). */
  mergedCovered: ReadonlySet<string>;
}

export interface Workbook {
  kind: 'xlsx' | 'xls' | 'csv';
  sheets: SheetRows[];
}

// @e965/xlsx types its CFB and SSF helpers as `any`; these are the two calls made of them.
const CFB = XLSX.CFB as { read(data: Buffer, options: { type: 'buffer' }): { FullPaths: string[] } };
const SSF = XLSX.SSF as { is_date(format: string): boolean };

const refuse = (message: string) => new LedgerError('invalid_input', message);

function kindOf(bytes: Buffer, fileName: string): Workbook['kind'] {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) return 'xls';
  if (/\.(csv|txt)$/i.test(fileName) && !bytes.subarray(0, 4096).includes(0)) return 'csv';
  throw refuse(`${fileName} 不是 Excel、WPS 表格或 CSV 文件`);
}

/** CSV text: UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise GBK as Chinese Excel and WPS save it. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gbk');
  }
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

function isEncrypted(bytes: Buffer): boolean {
  try {
    const cfb = CFB.read(bytes, { type: 'buffer' });
    return cfb.FullPaths.some((path: string) => /\/(EncryptionInfo|EncryptedPackage)$/i.test(path));
  } catch {
    return false;
  }
}

export function readWorkbook(bytes: Buffer, fileName: string): Workbook {
  if (bytes.length > LIMITS.fileBytes) throw refuse(`${fileName} 超过 ${LIMITS.fileBytes / 1024 / 1024} MB，请拆分后导入`);
  const kind = kindOf(bytes, fileName);
  if (kind === 'xlsx') checkZipSizes(bytes, fileName, LIMITS);
  if (kind === 'xls' && isEncrypted(bytes)) throw refuse(`${fileName} 设有打开密码，请在 Excel 或 WPS 中取消密码后再导入`);
  let book: XLSX.WorkBook;
  try {
    const options: XLSX.ParsingOptions = { cellDates: false, cellNF: true, cellFormula: false, sheetRows: LIMITS.rows + 50, dense: false };
    if (kind === 'csv') {
      const text = decodeCsv(bytes);
      const lines = countLines(text);
      if (lines > LIMITS.rows + 50) throw refuse(`${fileName} 有 ${lines} 行，超过 ${LIMITS.rows} 行的上限，请拆分后导入`);
      book = XLSX.read(text, { ...options, type: 'string', raw: true });
    } else {
      book = XLSX.read(bytes, { ...options, type: 'buffer' });
    }
  } catch (error) {
    if (error instanceof LedgerError) throw error;
    const message = String((error as Error).message ?? error);
    if (/password|encrypt/i.test(message)) throw refuse(`${fileName} 设有打开密码，请在 Excel 或 WPS 中取消密码后再导入`);
    throw refuse(`${fileName} 无法读取，文件可能已损坏或不是表格文件`);
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  return { kind, sheets: book.SheetNames.map((name) => readSheet(name, book.Sheets[name], date1904)) };
}

function readSheet(name: string, sheet: XLSX.WorkSheet | undefined, date1904: boolean): SheetRows {
  if (!sheet?.['!ref']) return { name, rows: [], mergedCovered: new Set() };
  const full = XLSX.utils.decode_range((sheet['!fullref'] as string | undefined) ?? sheet['!ref']);
  if (full.e.r + 1 > LIMITS.rows + 50) {
    throw refuse(`工作表“${name}”有 ${full.e.r + 1} 行，超过 ${LIMITS.rows} 行的上限，请拆分后导入`);
  }
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const rows: (Cell | null)[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: (Cell | null)[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      row.push(cell ? toCell(cell, name, r, c, date1904) : null);
    }
    rows.push(row);
  }
  const mergedCovered = new Set<string>();
  for (const merge of sheet['!merges'] ?? []) {
    const top = rows[merge.s.r]?.[merge.s.c] ?? null;
    for (let r = merge.s.r; r <= merge.e.r; r++) {
      for (let c = merge.s.c; c <= merge.e.c; c++) {
        if (r === merge.s.r && c === merge.s.c) continue;
        const line = rows[r];
        if (line && c < line.length) line[c] = top;
        mergedCovered.add(`${r}:${c}`);
      }
    }
  }
  return { name, rows, mergedCovered };
}

function toCell(cell: XLSX.CellObject, sheet: string, r: number, c: number, date1904: boolean): Cell | null {
  if (cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const format = typeof cell.z === 'string' ? cell.z : '';
    if (format !== '' && SSF.is_date(format)) return { text: cell.w ?? String(cell.v), date: serialToWallClock(cell.v, date1904), number: cell.v };
    return { text: cell.w !== undefined && !/E\+/i.test(cell.w) ? cell.w : String(cell.v), number: cell.v };
  }
  if (cell.t === 'd' && cell.v instanceof Date) {
    const iso = cell.v.toISOString();
    return { text: iso, date: `${iso.slice(0, 10)} ${iso.slice(11, 16)}` };
  }
  const text = String(cell.v);
  if (text.length > LIMITS.cellChars) {
    throw refuse(`工作表“${sheet}”${XLSX.utils.encode_cell({ r, c })} 单元格有 ${text.length} 个字符，超过 ${LIMITS.cellChars} 字的上限`);
  }
  return { text: text.trim() };
}

/** An Excel date serial as the wall-clock time it shows (`2026-11-05 10:20`): Excel dates carry no zone. */
export function serialToWallClock(serial: number, date1904 = false): string {
  const days = serial + (date1904 ? 1462 : 0);
  // Day 0 is 1899-12-30 in the 1900 system (Excel's phantom 1900-02-29 is before any ledger date).
  const ms = Math.round((days * 86_400_000) / 60_000) * 60_000 + Date.UTC(1899, 11, 30);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
