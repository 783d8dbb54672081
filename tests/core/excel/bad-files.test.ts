import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { writeOfficeXlsx } from '../../helpers/office-workbooks.js';
import { footprint, tempDir, tempLedger } from '../../helpers/temp.js';

// Every file that must not be imported gets one Chinese line and changes nothing.

const CFB = XLSX.CFB as unknown as {
  utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, content: Buffer): void };
  write(cfb: unknown, options: { type: 'buffer' }): Buffer;
};

function sheetFile(dir: string, name: string, aoa: unknown[][], bookType: XLSX.BookType = 'xlsx'): string {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
  return path;
}

/** A real .xlsx whose zip directory says a part inflates to 3 GB (as a zip bomb's does). */
async function zipBomb(dir: string): Promise<string> {
  const path = await writeOfficeXlsx(dir, undefined, 'bomb.xlsx');
  const bytes = readFileSync(path);
  for (let at = 0; at < bytes.length - 4; at++) {
    if (bytes.readUInt32LE(at) === 0x02014b50) {
      bytes.writeUInt32LE(0xb0000000, at + 24);
      break;
    }
  }
  writeFileSync(path, bytes);
  return path;
}

describe('files that are refused', () => {
  it('answers each with one Chinese line and writes nothing', async () => {
    const ledger = tempLedger();
    const { call } = contractCalls(ledger);
    const dir = tempDir();
    const png = join(dir, '截图.xlsx');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.alloc(64, 1));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 2));
    const locked = join(dir, '加密台账.xlsx');
    writeFileSync(locked, CFB.write(cfb, { type: 'buffer' }));
    const bigCell = join(dir, '大单元格.csv');
    writeFileSync(bigCell, `舆情标题,发现时间,来源\n${'很'.repeat(40_000)},2026-11-01,微博\n`);
    const tooMany = join(dir, '二十万行.csv');
    writeFileSync(tooMany, `舆情标题,发现时间,来源\n${'某事,2026-11-01,微博\n'.repeat(200_100)}`);
    const cases: [string, RegExp][] = [
      [png, /^截图\.xlsx 不是 Excel、WPS 表格或 CSV 文件$/],
      [locked, /^加密台账\.xlsx 设有打开密码，请在 Excel 或 WPS 中取消密码后再导入$/],
      [await zipBomb(dir), /^bomb\.xlsx 解压后过大（疑似压缩炸弹），已拒绝读取$/],
      [sheetFile(dir, '无表头.xlsx', [['甲', '乙'], [1, 2]]), /^无表头\.xlsx 中找不到可识别的表头/],
      [bigCell, /^工作表“Sheet1”A2 单元格有 40000 个字符，超过 32767 字的上限$/],
      [tooMany, /^二十万行\.csv 有 200101 行，超过 200000 行的上限，请拆分后导入$/],
      [join(dir, '不存在.xlsx'), /^无法读取 不存在\.xlsx：所在文件夹不存在$/],
    ];
    const before = footprint(ledger);
    for (const [path, message] of cases) {
      const result = await call('importSpreadsheet', { path });
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.error.message, path).toMatch(message);
    }
    expect(footprint(ledger)).toEqual(before);
  });

  it('names a missing sheet and lists those there are', async () => {
    const { call } = contractCalls(tempLedger());
    const path = await writeOfficeXlsx(tempDir());
    const result = await call('previewImport', { path, sheet: '2025年' });
    expect(!result.ok && result.error.message).toBe('台账.xlsx 中没有名为“2025年”的工作表（有：填表说明、舆情台账）');
  });
});
