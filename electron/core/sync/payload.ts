import { createHash } from 'node:crypto';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments.js';
import { COLUMN_LABELS, TABLE_LABELS } from '../../../shared/field-labels.js';
import { quoteValue } from '../../../shared/text.js';
import { valueMeansSomething } from '../ledger/field-rules.js';
import type { Op } from '../ledger/mutate.js';
import { type Catalogue, fieldTypeIn, type FieldType, type FieldValue, LEDGER_TABLES, type LedgerTable, valueFits } from '../ledger/tables.js';
import { parseChainFrame, type WireChain } from './audit-chains.js';
import { BundleError } from './errors.js';
import { formatHlc, parseHlc } from './hlc.js';

// The operations of a bundle: frames of at most FRAME_OPS operations, each a u32 BE length and a JSON array of
// [hlc, table, row, column, value]. Framing keeps every string handed to JSON.parse small, however large the
// bundle. The site is not sent separately: it is the last part of the stamp, so the two cannot disagree.
//
// Decoding treats every byte as hostile: tables and columns must be in the whitelist (they are spliced into SQL
// later), values must have their field's type, stamps must be canonical, sizes are bounded.

/** An operation as carried in a bundle: exactly the ledger's own operation. */
export type WireOp = Op;

const FRAME_OPS = 4096;
/**
 * A frame's largest length: one attachment in base64, or (from earlier versions) a whole audit chain. Every frame,
 * an old bundle's one-frame chain included, is read whole, so this bounds the memory of reading one — but not within
 * the 256 MiB budget: a frame at this limit peaks at about 420 MiB (bench `sync memory at the cap`, 64 MiB frames),
 * against about 210 MiB for frames the size the writer makes, whatever the bundle's size.
 */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
const MAX_TEXT = 1_000_000; // characters in one field (a 摘要 pasted from a long post fits many times over)
const MAX_LIST = 10_000;
// Row ids are uuids or seed codes: printable, no spaces or control characters, bounded.
const ROW_ID = /^[^\s\p{Cc}]{1,128}$/u;

/** A concurrent edit the sender recorded, so the receiver lists it too: field, winning and losing stamps. */
export interface WireConflict {
  tbl: LedgerTable;
  row: string;
  col: string;
  winner: string;
  loser: string;
}

/** One frame: a u32 BE length, then the frame's JSON. */
function frame(body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(bytes.length);
  return Buffer.concat([head, bytes]);
}

/** What a payload carries, each part as an iterable so that a bundle of any size is written without holding it. */
export interface PayloadParts {
  /** [hlc, table, row, column, value as stored JSON text]. */
  ops: Iterable<readonly [string, string, string, string, string]>;
  conflicts?: () => readonly (readonly [string, string, string, string, string])[];
  chains?: () => Iterable<WireChain>;
  blobs?: () => Iterable<Blob>;
}

/** The payload's frames, in order: operations, then the conflict list, the audit chains and attachment contents. */
export function* encodePayload(parts: PayloadParts): Generator<Buffer> {
  let batch: string[] = [];
  // `value` arrives as the stored JSON text: spliced in as is, not parsed and re-serialised.
  for (const [hlc, tbl, row, col, value] of parts.ops) {
    batch.push(`[${JSON.stringify(hlc)},${JSON.stringify(tbl)},${JSON.stringify(row)},${JSON.stringify(col)},${value}]`);
    if (batch.length >= FRAME_OPS) {
      yield frame(`[${batch.join(',')}]`);
      batch = [];
    }
  }
  if (batch.length > 0) yield frame(`[${batch.join(',')}]`);
  const conflicts = parts.conflicts?.() ?? [];
  // A trailing frame that is an object, not an array: the conflicts the sender knows of.
  if (conflicts.length > 0) yield frame(JSON.stringify({ conflicts }));
  // Signed audit chains, in pieces (a receiver, this version or the previous one, keeps each piece in turn, going on
  // where it stands): whose operations these are, and who did each (sync/audit-chains.ts).
  for (const chain of parts.chains?.() ?? []) yield frame(JSON.stringify({ audit: chain }));
  for (const blob of parts.blobs?.() ?? []) {
    // Attachment contents, one per frame, after the operations: covered by the payload hash the manifest signs.
    yield frame(JSON.stringify({ blob: { sha256: blob.sha256, data: Buffer.from(blob.bytes).toString('base64') } }));
  }
}

/** An attachment's bytes, named by their sha256. */
export interface Blob {
  sha256: string;
  bytes: Uint8Array;
}

/** What the reader knows: its catalogue, and whether the sender's version is newer than its own. */
export interface Reader {
  catalogue: Catalogue;
  /** A newer sender may carry fields and tables this version does not know: those are held, not refused. */
  newerSender: boolean;
}

/** An operation on a field this version does not know, from a newer sender: checked for shape only, kept as is. */
export interface HeldOp {
  hlc: string;
  site: string;
  tbl: string;
  row: string;
  col: string;
  /** The value's JSON text. */
  value: string;
}

/** One frame of a payload, checked. */
export type CheckedFrame =
  | { kind: 'ops'; known: WireOp[]; held: HeldOp[] }
  | { kind: 'conflicts'; conflicts: WireConflict[] }
  | { kind: 'chain'; chain: WireChain }
  | { kind: 'blob'; blob: Blob }
  | { kind: 'newer' };

/**
 * Checks the frames of one payload in order; throws BundleError naming the first bad operation. Operations come
 * first, then the conflict list (once), audit chains and attachment contents in any order. Stamps given twice are
 * found where the operations are kept (staging.ts), which needs no set of every stamp in memory.
 */
export function frameChecker(reader: Reader = { catalogue: LEDGER_TABLES, newerSender: false }): (body: Buffer) => CheckedFrame {
  const isStamp = stampChecker();
  let opsSeen = 0;
  let blobsSeen = 0;
  let objects = false;
  let conflictsSeen = false;
  return (body) => {
    let frame: unknown;
    try {
      frame = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BundleError('payload', '同步包内容不是有效的 JSON');
    }
    if (!Array.isArray(frame)) {
      objects = true;
      if (frame !== null && typeof frame === 'object' && 'blob' in frame) return { kind: 'blob', blob: checkBlob(frame, ++blobsSeen) };
      if (frame !== null && typeof frame === 'object' && 'audit' in frame) return { kind: 'chain', chain: parseChainFrame(frame) };
      if (frame !== null && typeof frame === 'object' && !('conflicts' in frame) && reader.newerSender) return { kind: 'newer' };
      if (conflictsSeen) throw new BundleError('payload', '同步包内容格式无效（冲突清单重复）');
      conflictsSeen = true;
      return { kind: 'conflicts', conflicts: checkConflicts(frame, reader) };
    }
    if (objects) throw new BundleError('payload', '同步包内容格式无效（冲突清单或附件之后还有操作）');
    const known: WireOp[] = [];
    const held: HeldOp[] = [];
    for (const item of frame as unknown[]) {
      const checked = checkOp(item, ++opsSeen, isStamp, reader);
      if ('known' in checked) known.push(checked.known);
      else held.push(checked.held);
    }
    return { kind: 'ops', known, held };
  };
}

/** An attachment's contents: its name must be the sha256 of its bytes, and it must fit an attachment's size. */
function checkBlob(frame: object, n: number): Blob {
  const bad = (why: string) => new BundleError('payload', `同步包中的第 ${n} 个附件无效：${why}，已拒绝整个同步包`);
  const blob = (frame as { blob?: unknown }).blob as { sha256?: unknown; data?: unknown } | null | undefined;
  if (typeof blob !== 'object' || blob === null) throw bad('结构不符');
  const { sha256, data } = blob;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) throw bad('校验值格式错误');
  if (typeof data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw bad('内容不是 base64');
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw bad('超过附件大小上限');
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw bad('内容与校验值不符');
  return { sha256, bytes };
}

function checkConflicts(frame: unknown, reader: Reader): WireConflict[] {
  const bad = () => new BundleError('payload', '同步包中的冲突清单格式无效，已拒绝');
  const list = (frame as { conflicts?: unknown } | null)?.conflicts;
  if (typeof frame !== 'object' || frame === null || Object.keys(frame).length !== 1 || !Array.isArray(list)) throw bad();
  return (list as unknown[]).flatMap((item) => {
    if (!Array.isArray(item) || item.length !== 5) throw bad();
    const [tbl, row, col, winner, loser] = item as unknown[];
    if (typeof tbl !== 'string' || typeof col !== 'string') throw bad();
    if (fieldTypeIn(reader.catalogue, tbl, col) === undefined) {
      // A conflict on a field a newer version syncs: that version lists it once it has the operations.
      if (reader.newerSender && NAME.test(tbl) && NAME.test(col)) return [];
      throw bad();
    }
    if (typeof row !== 'string' || !ROW_ID.test(row)) throw bad();
    for (const stamp of [winner, loser]) {
      const parts = typeof stamp === 'string' ? parseHlc(stamp) : undefined;
      if (!parts || formatHlc(parts) !== stamp) throw bad();
    }
    return [{ tbl: tbl as LedgerTable, row, col, winner: winner as string, loser: loser as string }];
  });
}

/**
 * Whether a string is a canonical stamp (what formatHlc would write: no 24:00, no 30 February). The date part
 * is checked once per second of time, since a bundle's stamps crowd into few seconds.
 */
function stampChecker(): (hlc: string) => boolean {
  const seconds = new Map<string, boolean>();
  const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
  return (hlc) => {
    if (hlc.length !== 46 || !SHAPE.test(hlc)) return false;
    const second = hlc.slice(0, 19);
    let ok = seconds.get(second);
    if (ok === undefined) {
      const parts = parseHlc(hlc);
      ok = parts !== undefined && formatHlc(parts) === hlc;
      seconds.set(second, ok);
    }
    return ok;
  };
}

// Names of tables and fields a newer version may sync: plain identifiers (never spliced into SQL before a version
// that knows them has checked them against its own catalogue).
const NAME = /^[a-z][a-z0-9_]{0,62}$/;
const MAX_HELD_VALUE = 4 * MAX_TEXT;

function checkOp(item: unknown, n: number, isStamp: (hlc: string) => boolean, reader: Reader): { known: WireOp } | { held: HeldOp } {
  const bad = (why: string) => new BundleError('operation', `同步包第 ${n} 条操作无效：${why}，已拒绝整个同步包`);
  if (!Array.isArray(item) || item.length !== 5) throw bad('结构不符');
  const [hlc, tbl, row, col, value] = item as unknown[];
  if (typeof hlc !== 'string') throw bad('缺少时间戳');
  if (!isStamp(hlc)) throw bad(`时间戳格式错误${quoteValue(hlc, 60) && `：${quoteValue(hlc, 60)}`}`);
  if (typeof tbl !== 'string') throw bad('缺少表名');
  if (typeof col !== 'string') throw bad('缺少字段名');
  if (typeof row !== 'string' || !ROW_ID.test(row)) throw bad('记录编号无效');
  const type = fieldTypeIn(reader.catalogue, tbl, col);
  if (type === undefined) {
    if (reader.newerSender && NAME.test(tbl) && NAME.test(col)) {
      const json = JSON.stringify(value ?? null);
      if (json.length > MAX_HELD_VALUE) throw bad(`字段${quoteValue(`${tbl}.${col}`, 60)}的值过长`);
      return { held: { hlc, site: hlc.slice(30), tbl, row, col, value: json } };
    }
    if (!Object.hasOwn(reader.catalogue, tbl)) throw bad(`不允许同步的表${quoteValue(tbl, 40)}`);
    throw bad(`${TABLE_LABELS[tbl as LedgerTable] ?? tbl}没有可同步的字段${quoteValue(col, 40)}`);
  }
  const field = `${TABLE_LABELS[tbl as LedgerTable] ?? tbl}的“${COLUMN_LABELS[col] ?? col}”`;
  if (!valueFits(type, value) || !withinLimits(type, value)) throw bad(`${field}的值类型或长度不符`);
  if (!valueMeansSomething(tbl, col, value)) throw bad(`${field}的值${quoteValue(value)}不是有效的取值`);
  // The catalogue vouched for the table (LEDGER_TABLES, or a later version's that extends it).
  return { known: { hlc, site: hlc.slice(30), tbl: tbl as LedgerTable, row, col, value } };
}

function withinLimits(type: FieldType, value: FieldValue): boolean {
  if (typeof value === 'string') return value.length <= MAX_TEXT;
  if (Array.isArray(value)) return type === 'json-strings' && value.length <= MAX_LIST && value.every((s: string) => s.length <= 1000);
  return true;
}
