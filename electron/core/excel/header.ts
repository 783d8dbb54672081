import * as XLSX from '@e965/xlsx';
import type { ImportField } from '../../../shared/api/excel.js';
import { LedgerError } from '../../../shared/errors.js';
import { fieldOfHeader, isGroupHeader, isSequenceHeader } from './header-names.js';
import type { Cell, SheetRows, Workbook } from './read-workbook.js';

// Finds, by itself, the 台账 sheet and its header as offices make them: a 填表说明 sheet first, a merged title row,
// a 填报单位/填报日期 row, then a header of one or two rows with merged group cells over the columns they group.

export interface HeaderColumn {
  index: number;
  letter: string;
  /** As people see it: `标题`, or `回应情况/回应时间` under a group. */
  header: string;
  /** The leaf alone (`回应时间`), for messages such as “第 11 行 回应时间：…”. */
  label: string;
  /** What the table of office names suggests (undefined: no suggestion; the column goes to 备注). */
  suggested: ImportField | undefined;
}

export interface FoundHeader {
  sheet: SheetRows;
  /** 0-based rows of the header. */
  headerRows: number[];
  columns: HeaderColumn[];
  /** 0-based first row after the header. */
  dataStart: number;
}

const SCAN_ROWS = 30;
const text = (cell: Cell | null | undefined) => cell?.text.trim() ?? '';

/** How many cells of a row are names the table knows (the header row has the most). */
function score(row: readonly (Cell | null)[]): number {
  const seen = new Set<ImportField>();
  for (const cell of row) {
    const field = text(cell) === '' ? undefined : fieldOfHeader(text(cell));
    if (field && field !== 'ignore') seen.add(field);
  }
  return seen.size;
}

function hasHorizontalMerge(sheet: SheetRows, r: number): boolean {
  const row = sheet.rows[r] ?? [];
  return row.some((_, c) => c > 0 && sheet.mergedCovered.has(`${r}:${c}`) && text(row[c]) === text(row[c - 1]) && text(row[c]) !== '');
}

function findInSheet(sheet: SheetRows): FoundHeader | undefined {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(SCAN_ROWS, sheet.rows.length); r++) {
    const s = score(sheet.rows[r] ?? []);
    if (s > bestScore) [best, bestScore] = [r, s];
  }
  if (bestScore < 2) return undefined;
  // A grouped header: the group row above the leaves, or the leaves below the row that scored best.
  const row = (r: number) => sheet.rows[r] ?? [];
  const groupRowAbove = best > 0 && hasHorizontalMerge(sheet, best - 1) && row(best - 1).some((c) => isGroupHeader(text(c)));
  const leavesBelow =
    !groupRowAbove &&
    hasHorizontalMerge(sheet, best) &&
    row(best + 1).some((c, i) => !sheet.mergedCovered.has(`${best + 1}:${i}`) && text(c) !== '' && fieldOfHeader(text(c), text(row(best)[i])) !== undefined);
  const twoRows = groupRowAbove || leavesBelow;
  const headerRows = groupRowAbove ? [best - 1, best] : leavesBelow ? [best, best + 1] : [best];
  const width = Math.max(...headerRows.map((r) => (sheet.rows[r] ?? []).length));
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const upper = text(sheet.rows[headerRows[0]!]?.[c]);
    const lower = twoRows ? text(sheet.rows[headerRows[1]!]?.[c]) : '';
    const grouped = twoRows && lower !== '' && lower !== upper;
    const label = grouped ? lower : upper || lower;
    if (label === '') continue;
    const header = grouped ? `${upper}/${lower}` : label;
    const suggested = isSequenceHeader(label) ? 'ignore' : grouped ? fieldOfHeader(lower, upper) : fieldOfHeader(label);
    columns.push({ index: c, letter: XLSX.utils.encode_col(c), header, label, suggested });
  }
  return { sheet, headerRows, columns, dataStart: headerRows[headerRows.length - 1]! + 1 };
}

/** The sheet named, or the one whose header is recognised best; refused in Chinese when none has a header. */
export function findHeader(book: Workbook, fileName: string, sheetName?: string): FoundHeader {
  if (sheetName !== undefined) {
    const sheet = book.sheets.find((s) => s.name === sheetName.trim());
    if (!sheet) throw new LedgerError('invalid_input', `${fileName} 中没有名为“${sheetName}”的工作表（有：${book.sheets.map((s) => s.name).join('、')}）`);
    const found = findInSheet(sheet);
    if (!found) throw new LedgerError('invalid_input', `工作表“${sheet.name}”中找不到可识别的表头（如 标题、发现时间、首发平台）`);
    return found;
  }
  let best: FoundHeader | undefined;
  let bestScore = 0;
  for (const sheet of book.sheets) {
    const found = findInSheet(sheet);
    const s = found ? new Set(found.columns.map((c) => c.suggested).filter((f) => f && f !== 'ignore')).size : 0;
    if (found && s > bestScore) [best, bestScore] = [found, s];
  }
  if (!best) throw new LedgerError('invalid_input', `${fileName} 中找不到可识别的表头（如 标题、发现时间、首发平台），请检查是否为舆情台账`);
  return best;
}
