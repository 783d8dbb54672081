import { inflateRawSync } from 'node:zlib';
import { LedgerError } from '../../../shared/errors.js';

// An .xlsx is a zip, and a zip bomb is a few kilobytes that inflate to gigabytes. The sizes a zip declares are the
// sender's word: the xlsx reader ignores them and inflates each part to the end of its deflate stream. So every part
// is inflated here first, exactly where the reader will inflate it, into a buffer that may not grow past what the
// part can honestly hold (`ratio` times the bytes it occupies, and what is left of `unzippedBytes`). Inflating stops
// at that cap: memory stays bounded whatever the file claims. What is inflated is dropped; the reader reads it again.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Parts up to this size pass the ratio check (tiny XML parts compress very well). */
const SMALL_PART = 1024 * 1024;

export interface ZipLimits {
  /** Bytes all parts together may inflate to. */
  unzippedBytes: number;
  /** How many times larger than the bytes it occupies in the file a part may inflate to. */
  ratio: number;
}

interface Part {
  method: number;
  /** Where its data starts (after the local header). */
  dataStart: number;
  /** Bytes declared by the local header for a stored part. */
  storedSize: number;
}

export function checkZipSizes(bytes: Buffer, fileName: string, limits: ZipLimits): void {
  const refuse = () => new LedgerError('invalid_input', `${fileName} 解压后过大（疑似压缩炸弹），已拒绝读取`);
  const broken = () => new LedgerError('invalid_input', `${fileName} 无法读取，文件可能已损坏或不是表格文件`);
  const u16 = (at: number) => (at >= 0 && at + 2 <= bytes.length ? bytes.readUInt16LE(at) : Number.NaN);
  const u32 = (at: number) => (at >= 0 && at + 4 <= bytes.length ? bytes.readUInt32LE(at) : Number.NaN);

  // The end record, found as the reader finds it: the last signature in the file.
  let end = -1;
  for (let at = bytes.length - 4; at >= 0; at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken();
  const entries = u16(end + 10);
  const directoryStart = u32(end + 16);
  if (Number.isNaN(entries) || Number.isNaN(directoryStart)) throw broken();

  const parts: Part[] = [];
  let declared = 0;
  for (let i = 0, at = directoryStart; i < entries; i++) {
    if (u32(at) !== CENTRAL) throw broken();
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const local = u32(at + 42);
    // 0xffffffff sends the real size to a zip64 field: no workbook an office makes needs one.
    if (size === 0xffffffff || compressed === 0xffffffff) throw refuse();
    declared += size;
    // A directory that owns up to a bomb is refused before anything is inflated.
    if (declared > limits.unzippedBytes) throw refuse();
    if (u32(local) !== LOCAL) throw broken();
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (Number.isNaN(dataStart) || dataStart > bytes.length) throw broken();
    parts.push({ method: u16(local + 8), dataStart, storedSize: u32(local + 18) });
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    if (Number.isNaN(at)) throw broken();
  }

  // The bytes a part can occupy: up to the next part's data or the directory. (Parts that share bytes each count
  // in full, as the reader inflates each of them.)
  const boundaries = [...new Set([...parts.map((p) => p.dataStart), directoryStart, bytes.length])].sort((a, b) => a - b);
  const extentOf = (start: number) => (boundaries.find((b) => b > start) ?? bytes.length) - start;

  let inflated = 0;
  for (const part of parts) {
    const left = limits.unzippedBytes - inflated;
    let size: number;
    if (part.method === 0) {
      size = part.storedSize;
    } else if (part.method === 8) {
      const cap = Math.min(left, Math.max(SMALL_PART, extentOf(part.dataStart) * limits.ratio));
      size = inflatedSize(bytes.subarray(part.dataStart), cap, refuse, broken);
    } else {
      throw broken(); // the reader knows no other method either
    }
    inflated += size;
    if (inflated > limits.unzippedBytes) throw refuse();
  }
}

/** The size the deflate stream at the start of `data` inflates to, never holding more than `cap` bytes of it. */
function inflatedSize(data: Buffer, cap: number, refuse: () => Error, broken: () => Error): number {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }).length;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw refuse();
    throw broken();
  }
}
