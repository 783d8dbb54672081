import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkZipSizes } from '../../../electron/core/excel/zip-sizes.js';
import { LIMITS } from '../../../electron/core/excel/read-workbook.js';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { writeOfficeXlsx } from '../../helpers/office-workbooks.js';
import { footprint, tempDir, tempLedger } from '../../helpers/temp.js';

// A zip bomb does not announce itself: its directory may say every part is a few hundred bytes. The check inflates
// what the reader would inflate, and stops at a cap.

interface Entry {
  name: string;
  content: Buffer;
  /** What the headers claim the part inflates to (a liar's number); the real size when absent. */
  claims?: number;
}

/** A zip written by hand, so its headers can say what a bomb's say. */
function zipOf(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = deflateRawSync(e.content);
    const size = e.claims ?? e.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// @e965/xlsx types its CFB helper as `any`: this is the one call made of it.
const CFB = XLSX.CFB as { read(data: Buffer, options: { type: 'buffer' }): { FullPaths: string[]; FileIndex: { type: number; content: Uint8Array }[] } };

/** The parts of a real workbook, read with the xlsx library's own zip reader (less the marker entry it adds). */
function partsOf(bytes: Buffer): Entry[] {
  const zip = CFB.read(bytes, { type: 'buffer' });
  return zip.FileIndex.flatMap((file, i) => {
    const name = zip.FullPaths[i]!.replace(/^[^/]*\//, '');
    return file.type === 2 && !name.endsWith('/') && !name.endsWith('Sh33tJ5') ? [{ name, content: Buffer.from(file.content) }] : [];
  });
}

describe('a zip bomb', () => {
  it('is refused by what it inflates to, not by what its directory says, with one line and nothing written', async () => {
    const dir = tempDir();
    const real = partsOf(readFileSync(await writeOfficeXlsx(dir)));
    // 64 MiB of one byte deflate to about 64 KiB; the headers say 900 bytes.
    const sheet = real.findIndex((e) => e.name.endsWith('sheet2.xml'));
    expect(sheet).toBeGreaterThanOrEqual(0);
    const bomb = real.map((e, i) => (i === sheet ? { name: e.name, content: Buffer.alloc(64 * 1024 * 1024, 0x20), claims: 900 } : e));
    const path = join(dir, '台账（炸弹）.xlsx');
    writeFileSync(path, zipOf(bomb));

    const ledger = tempLedger();
    const before = footprint(ledger);
    const { call } = contractCalls(ledger);
    for (const method of ['previewImport', 'importSpreadsheet'] as const) {
      const result = await call(method, { path });
      expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: '台账（炸弹）.xlsx 解压后过大（疑似压缩炸弹），已拒绝读取' } });
    }
    expect(footprint(ledger)).toEqual(before);
  });

  it('is told from a real workbook at the edge of the limit by the bytes it really inflates to', async () => {
    const bytes = readFileSync(await writeOfficeXlsx(tempDir()));
    const total = partsOf(bytes).reduce((sum, e) => sum + e.content.length, 0);
    expect(total).toBeGreaterThan(bytes.length);
    expect(() => checkZipSizes(bytes, '台账.xlsx', { unzippedBytes: total, ratio: LIMITS.ratio })).not.toThrow();
    expect(() => checkZipSizes(bytes, '台账.xlsx', { unzippedBytes: total - 1, ratio: LIMITS.ratio })).toThrow('台账.xlsx 解压后过大（疑似压缩炸弹），已拒绝读取');
    // The same parts, rewritten with headers that understate every size, are measured the same.
    const liar = zipOf(partsOf(bytes).map((e) => ({ ...e, claims: 1 })));
    expect(() => checkZipSizes(liar, 'x.xlsx', { unzippedBytes: total, ratio: LIMITS.ratio })).not.toThrow();
    expect(() => checkZipSizes(liar, 'x.xlsx', { unzippedBytes: total - 1, ratio: LIMITS.ratio })).toThrow('解压后过大');
  });

  it('refuses a part that inflates far beyond the bytes it occupies, before holding all of it', () => {
    // 8 MiB from about 8 KiB: under the total limit, over the ratio a real workbook keeps.
    const zip = zipOf([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(8 * 1024 * 1024, 0x41), claims: 100 }]);
    expect(() => checkZipSizes(zip, 'r.xlsx', { unzippedBytes: 100 * 1024 * 1024, ratio: 200 })).toThrow('r.xlsx 解压后过大（疑似压缩炸弹），已拒绝读取');
    expect(() => checkZipSizes(zip, 'r.xlsx', { unzippedBytes: 100 * 1024 * 1024, ratio: 2000 })).not.toThrow();
  });
});
