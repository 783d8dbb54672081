// Reading one frame of a payload as its bytes arrive, value by value, so that a frame of any length (an attachment in
// base64, an earlier version's whole audit chain in one frame) is never held whole: the caller asks for the next
// structural byte, for one whole value's bytes (an operation, an audit entry — each bounded), for a string's content
// piece by piece (an attachment's base64), or to pass a value by. Every value kept is handed to JSON.parse by the
// caller, which is where its syntax is checked; the cursor only finds where values begin and end.

export class FrameSyntaxError extends Error {}
export class ValueTooLongError extends Error {}

export interface FrameCursor {
  /** The next byte that is not whitespace, not consumed; undefined at the frame's end. */
  peek(): Promise<number | undefined>;
  /** Consumes `byte` (after whitespace), or throws FrameSyntaxError. */
  take(byte: number): Promise<void>;
  /** The bytes of the next whole value (string, number, literal, array or object), at most `cap` of them. */
  value(cap: number): Promise<Buffer>;
  /** Passes the next whole value by without keeping it. */
  skipValue(): Promise<void>;
  /** The content of the next string, in pieces as they arrive; a string with escapes is refused (base64 has none). */
  stringContent(onPiece: (piece: Buffer) => void): Promise<void>;
  /** Throws unless only whitespace remains. */
  end(): Promise<void>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const endsScalar = (c: number) => c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c);
const EMPTY = Buffer.alloc(0);

export function frameCursor(chunks: AsyncIterable<Buffer>): FrameCursor {
  const it = chunks[Symbol.asyncIterator]();
  let buf: Buffer = EMPTY;
  let pos = 0;
  let ended = false;
  /** Whether a byte is at `pos`, pulling the next chunk when the current one is spent. */
  const fill = async (): Promise<boolean> => {
    while (pos >= buf.length) {
      if (ended) return false;
      const next = await it.next();
      if (next.done) {
        ended = true;
        return false;
      }
      buf = next.value;
      pos = 0;
    }
    return true;
  };
  const peek = async (): Promise<number | undefined> => {
    for (;;) {
      if (!(await fill())) return undefined;
      while (pos < buf.length && isSpace(buf[pos]!)) pos += 1;
      if (pos < buf.length) return buf[pos];
    }
  };
  const scan = async (keep: boolean, cap: number): Promise<Buffer> => {
    const first = await peek();
    if (first === undefined) throw new FrameSyntaxError('value expected');
    const scalar = first !== QUOTE && first !== 0x5b && first !== 0x7b;
    const parts: Buffer[] = [];
    let size = 0;
    let depth = 0;
    let inString = false;
    let escaped = false;
    for (;;) {
      if (!(await fill())) {
        if (scalar && size > 0) break;
        throw new FrameSyntaxError('frame ends inside a value');
      }
      const start = pos;
      let done = false;
      for (; pos < buf.length; pos += 1) {
        const c = buf[pos]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) {
            inString = false;
            if (depth === 0) {
              pos += 1;
              done = true;
              break;
            }
          }
        } else if (scalar) {
          if (endsScalar(c)) {
            done = true;
            break;
          }
        } else if (c === QUOTE) inString = true;
        else if (c === 0x5b || c === 0x7b) depth += 1;
        else if (c === 0x5d || c === 0x7d) {
          depth -= 1;
          if (depth === 0) {
            pos += 1;
            done = true;
            break;
          }
        }
      }
      size += pos - start;
      if (size > cap) throw new ValueTooLongError(`value over ${cap} bytes`);
      if (keep) parts.push(Buffer.from(buf.subarray(start, pos)));
      if (done) break;
    }
    return keep ? (parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)) : EMPTY;
  };
  return {
    peek,
    async take(byte) {
      if ((await peek()) !== byte) throw new FrameSyntaxError(`expected ${String.fromCharCode(byte)}`);
      pos += 1;
    },
    value: (cap) => scan(true, cap),
    skipValue: async () => void (await scan(false, Number.POSITIVE_INFINITY)),
    async stringContent(onPiece) {
      if ((await peek()) !== QUOTE) throw new FrameSyntaxError('string expected');
      pos += 1;
      for (;;) {
        if (!(await fill())) throw new FrameSyntaxError('frame ends inside a string');
        const start = pos;
        while (pos < buf.length && buf[pos] !== QUOTE && buf[pos] !== BACKSLASH) pos += 1;
        if (pos > start) onPiece(buf.subarray(start, pos));
        if (pos < buf.length) {
          if (buf[pos] === BACKSLASH) throw new FrameSyntaxError('escape in a string read as it streams');
          pos += 1;
          return;
        }
      }
    },
    async end() {
      if ((await peek()) !== undefined) throw new FrameSyntaxError('bytes after the frame');
    },
  };
}
