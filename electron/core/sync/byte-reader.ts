// Reading a byte stream in pieces of a known size (a length, then that many bytes), without ever holding more of it
// than the piece asked for plus one chunk of the source.

export interface ByteReader {
  /** Exactly `n` bytes, or undefined at a clean end before the first of them; a stream ending inside them throws. */
  read(n: number): Promise<Buffer | undefined>;
  /** The next `n` bytes in pieces as they arrive (none longer than a chunk of the source); a stream ending inside them throws. */
  pieces(n: number): AsyncGenerator<Buffer>;
  /** Whatever remains, chunk by chunk (after the pieces already read). */
  rest(): AsyncGenerator<Buffer>;
}

export class TruncatedError extends Error {}

/** Pieces up to this size are joined from the chunks held; larger ones are filled in place. */
const SMALL = 64 * 1024;

export function byteReader(source: AsyncIterable<Uint8Array>): ByteReader {
  const it = source[Symbol.asyncIterator]();
  let pending: Buffer[] = [];
  let have = 0;
  let done = false;
  const pull = async () => {
    const next = await it.next();
    if (next.done) {
      done = true;
      return;
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    if (chunk.length === 0) return;
    pending.push(chunk);
    have += chunk.length;
  };
  return {
    async read(n) {
      if (have >= n || n <= SMALL) {
        while (have < n && !done) await pull();
        if (have < n) {
          if (have === 0) return undefined;
          throw new TruncatedError(`stream ended ${n - have} bytes early`);
        }
        const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending, have);
        const out = joined.subarray(0, n);
        const left = joined.subarray(n);
        pending = left.length > 0 ? [left] : [];
        have = left.length;
        return out;
      }
      // A large piece (a frame of up to 64 MiB) is copied into one buffer of its size as its chunks arrive: gathering
      // the chunks and joining them at the end would hold the piece twice.
      const out = Buffer.allocUnsafe(n);
      let filled = 0;
      for (const chunk of pending) filled += chunk.copy(out, filled);
      pending = [];
      have = 0;
      while (filled < n) {
        const next = await it.next();
        if (next.done) {
          done = true;
          if (filled === 0) return undefined;
          throw new TruncatedError(`stream ended ${n - filled} bytes early`);
        }
        const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        const used = chunk.copy(out, filled, 0, n - filled);
        filled += used;
        if (used < chunk.length) {
          pending = [chunk.subarray(used)];
          have = chunk.length - used;
        }
      }
      return out;
    },
    async *pieces(n) {
      let left = n;
      while (left > 0) {
        if (have === 0) {
          if (done) throw new TruncatedError(`stream ended ${left} bytes early`);
          await pull();
          continue;
        }
        const chunk = pending[0]!;
        const piece = chunk.length <= left ? chunk : chunk.subarray(0, left);
        if (piece === chunk) pending.shift();
        else pending[0] = chunk.subarray(left);
        have -= piece.length;
        left -= piece.length;
        yield piece;
      }
    },
    async *rest() {
      for (const chunk of pending) yield chunk;
      pending = [];
      have = 0;
      while (!done) {
        await pull();
        for (const chunk of pending) yield chunk;
        pending = [];
        have = 0;
      }
    },
  };
}

/** One frame: its length, and its bytes in pieces (to be read to the end before the next frame is asked for). */
export interface FrameBytes {
  length: number;
  pieces: AsyncIterable<Buffer>;
}

/**
 * The frames of a stream of u32 BE length-prefixed records, each handed on as its bytes arrive (never gathered whole:
 * memory does not follow a frame's length); a length over `maxFrame` or a cut record throws.
 */
export async function* framesOf(source: AsyncIterable<Uint8Array>, maxFrame: number, onBadLength: (length: number) => Error): AsyncGenerator<FrameBytes> {
  const reader = byteReader(source);
  for (;;) {
    const head = await reader.read(4);
    if (head === undefined) return;
    const length = head.readUInt32BE(0);
    if (length > maxFrame) throw onBadLength(length);
    const pieces = reader.pieces(length);
    yield { length, pieces };
    // Whatever the reader of the frame left (it stopped at an error it throws) is passed by.
    for await (const piece of pieces) void piece;
  }
}
