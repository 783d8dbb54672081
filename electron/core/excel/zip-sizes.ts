import { LedgerError } from '../../../shared/errors.js';

// An .xlsx is a zip. Before any part is inflated, its central directory says how large every part will be: a zip
// bomb (a few kilobytes that expand to gigabytes) is refused from those numbers, without decompressing a byte.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function checkZipSizes(bytes: Buffer, fileName: string, limits: { unzippedBytes: number; ratio: number }): void {
  const refuse = () => new LedgerError('invalid_input', `${fileName} 解压后过大（疑似压缩炸弹），已拒绝读取`);
  const broken = () => new LedgerError('invalid_input', `${fileName} 无法读取，文件可能已损坏或不是表格文件`);
  // The end record sits in the last 22 bytes plus a comment of at most 65535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken();
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw broken();
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    // 0xffffffff means the real size is in a zip64 field: no workbook an office makes needs that.
    if (size === 0xffffffff || compressed === 0xffffffff) throw refuse();
    if (size > 1024 * 1024 && size > compressed * limits.ratio) throw refuse();
    total += size;
    if (total > limits.unzippedBytes) throw refuse();
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}
