import { createHash } from 'node:crypto';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments.js';
import { COLUMN_LABELS, TABLE_LABELS } from '../../../shared/field-labels.js';
import { quoteValue } from '../../../shared/text.js';
import { valueMeansSomething } from '../ledger/field-rules.js';
import type { Op } from '../ledger/mutate.js';
import { type Catalogue, fieldTypeIn, type FieldType, type FieldValue, LEDGER_TABLES, type LedgerTable, valueFits } from '../ledger/tables.js';
import { type ChainEntry, parseChainEntry, parseChainHead, type WireChain } from './audit-chains.js';
import type { FrameBytes } from './byte-reader.js';
import { frameCursor, type FrameCursor, FrameSyntaxError, ValueTooLongError } from './frame-cursor.js';
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

/** A frame of operations ends at this many, or past FRAME_BYTES of them (a frame of long texts stays small). */
const FRAME_OPS = 4096;
const FRAME_BYTES = 4 * 1024 * 1024;
/**
 * A frame's largest length: no more than a payload may hold (import.ts MAX_PAYLOAD_BYTES). Frames are read as they
 * stream, value by value (frameChecker), so their length does not bound memory — one value's does (MAX_OP_BYTES): an
 * attachment in base64 (up to 27 MiB), or an earlier version's whole audit chain in one frame (some 50 MiB at 20k
 * incidents), is read in bounded memory, and so is any frame of an earlier version's writer, which cut frames by
 * operation count only.
 */
export const MAX_FRAME_BYTES = 1024 * 1024 * 1024;
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
  let length = 0;
  // `value` arrives as the stored JSON text: spliced in as is, not parsed and re-serialised.
  for (const [hlc, tbl, row, col, value] of parts.ops) {
    const op = `[${JSON.stringify(hlc)},${JSON.stringify(tbl)},${JSON.stringify(row)},${JSON.stringify(col)},${value}]`;
    batch.push(op);
    length += Buffer.byteLength(op);
    if (batch.length >= FRAME_OPS || length >= FRAME_BYTES) {
      yield frame(`[${batch.join(',')}]`);
      batch = [];
      length = 0;
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

/** Where a payload's checked content goes as it is read (staging.ts): nothing of a frame is kept in memory. */
export interface FrameSink {
  /** One batch of operations; `firstN` is the number (from 1) of its first operation. */
  addOps(known: readonly WireOp[], held: readonly HeldOp[], firstN: number): void;
  /** Entries of the `frame`-th chain frame, in order. */
  addChainEntries(frame: number, entries: readonly ChainEntry[]): void;
  /** The chain frame's site and signed head, once the frame is read whole. */
  addChainHead(frame: number, chain: Pick<WireChain, 'site' | 'head'>): void;
  addConflicts(conflicts: readonly WireConflict[]): void;
  /** Decoded bytes of the `blob`-th attachment, in order. */
  addBlobPart(blob: number, bytes: Buffer): void;
  /** The attachment is whole and its bytes hash to `sha256`. */
  finishBlob(blob: number, sha256: string): void;
}

/** An operation's largest encoding: a field of MAX_TEXT characters, each escaped (six bytes), with room to spare. */
export const MAX_OP_BYTES = 8 * 1024 * 1024;
const MAX_ENTRY_BYTES = 64 * 1024; // an audit entry: its fields are bounded (audit-chains.ts), its summary 4,000 characters
const MAX_SMALL_BYTES = 16 * 1024; // a name, a hash, a signed head, one conflict
/** Operations (or their bytes) handed on at a time, and audit entries. */
const BATCH_OPS = 4096;
const BATCH_BYTES = 1024 * 1024;
const BATCH_ENTRIES = 2000;
/** Decoded attachment bytes handed on at a time. */
const BLOB_PART = 1024 * 1024;

const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

const notJson = () => new BundleError('payload', '同步包内容不是有效的 JSON');

function parsed(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw notJson();
  }
}

/**
 * Reads and checks the frames of one payload in order, each as it streams, handing what it checked to `sink`; throws
 * BundleError naming the first bad operation. Operations come first, then the conflict list (once), audit chains and
 * attachment contents in any order. A frame's values are parsed one at a time (an operation, an audit entry), and an
 * attachment's base64 is decoded and hashed piece by piece, so memory follows the largest value, never the frame.
 * Stamps given twice are found where the operations are kept (staging.ts), which needs no set of every stamp in memory.
 */
export function frameChecker(sink: FrameSink, reader: Reader = { catalogue: LEDGER_TABLES, newerSender: false }): (frame: FrameBytes) => Promise<void> {
  const isStamp = stampChecker();
  let opsSeen = 0;
  let blobsSeen = 0;
  let chainsSeen = 0;
  let objects = false;
  let conflictsSeen = false;

  /** `[`, values read by `each` separated by commas, `]`. */
  const eachOf = async (c: FrameCursor, each: () => Promise<void>) => {
    await c.take(OPEN_ARRAY);
    if ((await c.peek()) === CLOSE_ARRAY) return c.take(CLOSE_ARRAY);
    for (;;) {
      await each();
      const next = await c.peek();
      if (next === CLOSE_ARRAY) return c.take(CLOSE_ARRAY);
      if (next !== COMMA) throw notJson();
      await c.take(COMMA);
    }
  };
  /** `{`, members read by `member(key)` separated by commas, `}`. */
  const membersOf = async (c: FrameCursor, member: (key: unknown) => Promise<void>) => {
    await c.take(OPEN_OBJECT);
    if ((await c.peek()) === CLOSE_OBJECT) return c.take(CLOSE_OBJECT);
    for (;;) {
      const key = parsed(await c.value(MAX_SMALL_BYTES));
      await c.take(COLON);
      await member(key);
      const next = await c.peek();
      if (next === CLOSE_OBJECT) return c.take(CLOSE_OBJECT);
      if (next !== COMMA) throw notJson();
      await c.take(COMMA);
    }
  };

  const readOps = async (c: FrameCursor) => {
    let known: WireOp[] = [];
    let held: HeldOp[] = [];
    let bytes = 0;
    let firstN = opsSeen + 1;
    const flush = () => {
      if (known.length + held.length > 0) sink.addOps(known, held, firstN);
      known = [];
      held = [];
      bytes = 0;
      firstN = opsSeen + 1;
    };
    await eachOf(c, async () => {
      let text: Buffer;
      try {
        text = await c.value(MAX_OP_BYTES);
      } catch (error) {
        if (error instanceof ValueTooLongError) {
          throw new BundleError('operation', `同步包第 ${opsSeen + 1} 条操作超过 ${MAX_OP_BYTES / 1024 / 1024} MB，已拒绝整个同步包`);
        }
        throw error;
      }
      const checked = checkOp(parsed(text), ++opsSeen, isStamp, reader);
      if ('known' in checked) known.push(checked.known);
      else held.push(checked.held);
      bytes += text.length;
      if (known.length + held.length >= BATCH_OPS || bytes >= BATCH_BYTES) flush();
    });
    flush();
  };

  const readChain = async (c: FrameCursor, n: number) => {
    const bad = () => new BundleError('payload', '同步包中的审计链格式无效，已拒绝');
    const seen = new Set<string>();
    let site: unknown;
    let head: unknown;
    await membersOf(c, async (key) => {
      if (typeof key !== 'string' || seen.has(key)) throw bad();
      seen.add(key);
      if (key === 'site') site = parsed(await c.value(MAX_SMALL_BYTES));
      else if (key === 'head') head = parsed(await c.value(MAX_SMALL_BYTES));
      else if (key === 'entries') {
        let batch: ChainEntry[] = [];
        await eachOf(c, async () => {
          let text: Buffer;
          try {
            text = await c.value(MAX_ENTRY_BYTES);
          } catch (error) {
            if (error instanceof ValueTooLongError) throw bad();
            throw error;
          }
          batch.push(parseChainEntry(parsed(text)));
          if (batch.length >= BATCH_ENTRIES) {
            sink.addChainEntries(n, batch);
            batch = [];
          }
        });
        if (batch.length > 0) sink.addChainEntries(n, batch);
      } else throw bad();
    });
    if (!seen.has('entries')) throw bad();
    sink.addChainHead(n, parseChainHead(site, head));
  };

  const readBlob = async (c: FrameCursor, n: number) => {
    const bad = (why: string) => new BundleError('payload', `同步包中的第 ${n} 个附件无效：${why}，已拒绝整个同步包`);
    let sha256: unknown;
    let data = false;
    const hash = createHash('sha256');
    let size = 0;
    let carry = '';
    let padded = false;
    let part: Buffer[] = [];
    let partBytes = 0;
    const keep = (bytes: Buffer) => {
      if (bytes.length === 0) return;
      size += bytes.length;
      if (size > MAX_ATTACHMENT_BYTES) throw bad('超过附件大小上限');
      hash.update(bytes);
      part.push(bytes);
      partBytes += bytes.length;
      if (partBytes >= BLOB_PART) {
        sink.addBlobPart(n, Buffer.concat(part, partBytes));
        part = [];
        partBytes = 0;
      }
    };
    await membersOf(c, async (key) => {
      if (key === 'sha256' && sha256 === undefined) {
        sha256 = parsed(await c.value(MAX_SMALL_BYTES));
        if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) throw bad('校验值格式错误');
      } else if (key === 'data' && !data) {
        data = true;
        try {
          await c.stringContent((piece) => {
            // Base64 decoded four characters at a time; padding only at the very end. Once padding has begun, only
            // more padding may follow (the carry still holds the group's data characters before it).
            const more = piece.toString('latin1');
            const text = carry + more;
            if (!BASE64.test(text) || (padded && /[^=]/.test(more))) throw bad('内容不是 base64');
            const pad = text.indexOf('=');
            if (pad >= 0) padded = true;
            const whole = pad >= 0 ? pad - (pad % 4) : text.length - (text.length % 4);
            keep(Buffer.from(text.slice(0, whole), 'base64'));
            carry = text.slice(whole);
          });
        } catch (error) {
          if (error instanceof FrameSyntaxError) throw bad('内容不是 base64');
          throw error;
        }
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(carry) || /=[^=]/.test(carry)) throw bad('内容不是 base64');
        keep(Buffer.from(carry, 'base64'));
      } else throw bad('结构不符');
    });
    if (sha256 === undefined || !data) throw bad('结构不符');
    if (partBytes > 0) sink.addBlobPart(n, Buffer.concat(part, partBytes));
    if (hash.digest('hex') !== sha256) throw bad('内容与校验值不符');
    sink.finishBlob(n, sha256);
  };

  const readConflicts = async (c: FrameCursor) => {
    let batch: WireConflict[] = [];
    await eachOf(c, async () => {
      batch.push(...checkConflict(parsed(await c.value(MAX_SMALL_BYTES)), reader));
      if (batch.length >= BATCH_OPS) {
        sink.addConflicts(batch);
        batch = [];
      }
    });
    sink.addConflicts(batch);
  };

  return async (frame) => {
    const c = frameCursor(frame.pieces);
    try {
      const first = await c.peek();
      if (first === OPEN_ARRAY) {
        if (objects) throw new BundleError('payload', '同步包内容格式无效（冲突清单或附件之后还有操作）');
        await readOps(c);
      } else if (first === OPEN_OBJECT) {
        objects = true;
        // An object frame is one member, its kind: {"blob": …}, {"audit": …}, {"conflicts": […]}; a newer version may
        // send kinds this one does not know, passed by.
        await membersOf(c, async (kind) => {
          if (kind === 'blob') await readBlob(c, ++blobsSeen);
          else if (kind === 'audit') await readChain(c, ++chainsSeen);
          else if (kind === 'conflicts') {
            if (conflictsSeen) throw new BundleError('payload', '同步包内容格式无效（冲突清单重复）');
            conflictsSeen = true;
            await readConflicts(c);
          } else if (reader.newerSender) await c.skipValue();
          else throw new BundleError('payload', '同步包中的冲突清单格式无效，已拒绝');
        });
      } else throw notJson();
      await c.end();
    } catch (error) {
      if (error instanceof FrameSyntaxError || error instanceof ValueTooLongError) throw notJson();
      throw error;
    }
  };
}

const BASE64 = /^[A-Za-z0-9+/]*=*$/;

function checkConflict(item: unknown, reader: Reader): WireConflict[] {
  const bad = () => new BundleError('payload', '同步包中的冲突清单格式无效，已拒绝');
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
