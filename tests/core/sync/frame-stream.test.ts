import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments.js';
import { framesOf, TruncatedError } from '../../../electron/core/sync/byte-reader.js';
import { encodePayload, frameChecker, MAX_FRAME_BYTES, MAX_OP_BYTES } from '../../../electron/core/sync/payload.js';
import { openStaging, type Staging } from '../../../electron/core/sync/staging.js';
import { inChunks } from './helpers.js';

// Frames are read as they stream (sync/frame-cursor.ts, payload.ts frameChecker): operations and audit entries parsed
// one at a time, an attachment's base64 decoded and hashed piece by piece into the staging database. Whatever the
// chunking of the stream, what is staged is what was sent; a frame cut, altered or overlong anywhere is refused.

const SITE = '00000000000000aa';
const stamp = (i: number) => `2026-11-28T04:00:${String(Math.floor(i / 65536)).padStart(2, '0')}.000Z-${(i % 65536).toString(16).padStart(4, '0')}-${SITE}`;

/** One frame: a u32 BE length, then the body. */
function framed(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const head = Buffer.alloc(4);
  head.writeUInt32BE(bytes.length);
  return Buffer.concat([head, bytes]);
}

/** Reads the frames into a new staging database, as import.ts does. */
async function stage(bytes: Buffer, sizes: readonly number[] = [65536]): Promise<Staging> {
  const staging = openStaging();
  const check = frameChecker(staging);
  try {
    for await (const frame of framesOf(inChunks(bytes, sizes), MAX_FRAME_BYTES, () => new Error('length'))) await check(frame);
  } catch (error) {
    staging.close();
    throw error;
  }
  return staging;
}

const refusal = (bytes: Buffer, sizes?: readonly number[]) =>
  stage(bytes, sizes).then(
    (staging) => {
      staging.close();
      return undefined;
    },
    (error: unknown) => error as Error,
  );

const blobFrame = (sha256: string, data: string) => framed(`{"blob":{"sha256":${JSON.stringify(sha256)},"data":"${data}"}}`);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('frames read as they stream', () => {
  it('one frame far longer than the writer makes (an earlier version cut frames by count only) stages every operation, however it is chunked', async () => {
    const long = '县城供暖不热，'.repeat(140_000); // 980,000 characters, near a field's largest
    const ops = Array.from({ length: 6000 }, (_, i) => [stamp(i), 'responses', `row-${i}`, 'content', i % 1000 === 0 ? long : `回应${i}`] as const);
    const body = `[${ops.map((op) => JSON.stringify(op)).join(',')}]`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(16 * 1024 * 1024);
    for (const sizes of [[1, 7, 4093], [65536]]) {
      const staging = await stage(framed(body), sizes);
      expect(staging.opCount()).toBe(6000);
      const back = [...staging.rowChunks({ ops: 100_000, bytes: Number.POSITIVE_INFINITY })].flatMap((c) => c.ops);
      expect(back.map((op) => [op.hlc, op.tbl, op.row, op.col, op.value]).sort()).toEqual(ops.map((op) => [...op]).sort());
      staging.close();
    }
  });

  it('texts full of quotes, backslashes and brackets come back the same wherever the chunks cut them (property)', async () => {
    const text = fc.array(fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', ':', ' ', '中', '文', '😀', 'a', '\n'), { maxLength: 40 }).map((cs) => cs.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }), async (texts, sizes) => {
        const ops = texts.map((t, i) => [stamp(i), 'responses', `row-${i}`, 'content', t] as const);
        const bytes = Buffer.concat([...encodePayload({ ops: ops.map(([h, tb, r, c, v]) => [h, tb, r, c, JSON.stringify(v)] as const) })]);
        const staging = await stage(bytes, sizes);
        const back = [...staging.rowChunks({ ops: 1000, bytes: Number.POSITIVE_INFINITY })].flatMap((c) => c.ops);
        staging.close();
        expect(back.map((op) => [op.hlc, op.value]).sort()).toEqual(ops.map((op) => [op[0], op[4]]).sort());
      }),
      { numRuns: 200 },
    );
  });

  it("the writer's frames end past 4 MiB of operations, so a frame of long texts stays small", () => {
    const long = JSON.stringify('网'.repeat(900_000));
    const frames = [...encodePayload({ ops: Array.from({ length: 8 }, (_, i) => [stamp(i), 'incidents', `row-${i}`, 'summary', long] as const) })];
    expect(frames.length).toBe(4);
    for (const frame of frames) expect(frame.length).toBeLessThan(8 * 1024 * 1024);
  });

  it('an attachment is decoded, hashed and staged in pieces, and comes back whole', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    const frame = blobFrame(sha(bytes), bytes.toString('base64'));
    for (const sizes of [[1, 2, 3, 5, 8191], [65536], [frame.length]]) {
      const staging = await stage(frame, sizes);
      const blobs = [...staging.blobs()];
      expect(blobs.map((b) => b.sha256)).toEqual([sha(bytes)]);
      const parts = [...blobs[0]!.parts()];
      expect(parts.length).toBeGreaterThan(1); // kept in pieces, not whole
      expect(Buffer.concat(parts).equals(bytes)).toBe(true);
      staging.close();
    }
  });

  it('an attachment ending in one or two padding characters is accepted wherever the chunks cut it', async () => {
    for (const length of [7, 8]) {
      const bytes = Buffer.from('hello world'.slice(0, length)); // 7 bytes end in "==", 8 in "="
      const frame = blobFrame(sha(bytes), bytes.toString('base64'));
      expect(bytes.toString('base64')).toMatch(length === 7 ? /==$/ : /[^=]=$/);
      for (let cut = 1; cut < frame.length; cut++) {
        const staging = await stage(frame, [cut, frame.length]);
        const blobs = [...staging.blobs()];
        expect(Buffer.concat([...blobs[0]!.parts()]).equals(bytes), `cut after ${cut} bytes`).toBe(true);
        staging.close();
      }
    }
  });

  it('an attachment altered, cut, escaped, padded mid-way, with a member too many or over the size limit is refused', async () => {
    const bytes = randomBytes(200_000);
    const data = bytes.toString('base64');
    const good = sha(bytes);
    const flipped = `${data.slice(0, 1000)}${data[1000] === 'A' ? 'B' : 'A'}${data.slice(1001)}`;
    expect(await refusal(blobFrame(good, flipped), [333])).toMatchObject({ message: expect.stringMatching(/第 1 个附件无效：内容与校验值不符/) as unknown });
    expect(await refusal(blobFrame(good, `${data.slice(0, 5000)}\\u0041${data.slice(5000)}`))).toMatchObject({
      message: expect.stringMatching(/内容不是 base64/) as unknown,
    });
    expect(await refusal(blobFrame(good, `${data.slice(0, 4000)}==${data.slice(4000)}`), [1000])).toMatchObject({
      message: expect.stringMatching(/内容不是 base64/) as unknown,
    });
    const withExtra = framed(`{"blob":{"sha256":"${good}","data":"${data}","name":"x"}}`);
    expect(await refusal(withExtra)).toMatchObject({ message: expect.stringMatching(/结构不符/) as unknown });
    const whole = blobFrame(good, data);
    const cut = Buffer.concat([whole.subarray(0, 4), whole.subarray(4, whole.length - 100)]);
    cut.writeUInt32BE(cut.length - 4);
    expect(await refusal(cut, [4096])).toMatchObject({ message: expect.stringMatching(/不是有效的 JSON|附件无效/) as unknown });
    // The frame's length says more bytes than the stream has: the stream is cut.
    expect(await refusal(whole.subarray(0, whole.length - 100))).toBeInstanceOf(TruncatedError);
    const over = Buffer.alloc(MAX_ATTACHMENT_BYTES + 3);
    expect(await refusal(blobFrame(sha(over), over.toString('base64')), [1024 * 1024])).toMatchObject({
      message: expect.stringMatching(/超过附件大小上限/) as unknown,
    });
  });

  it('an operation longer than any field allows is refused without reading it whole; bytes after a frame, too', async () => {
    const huge = `[${JSON.stringify([stamp(0), 'incidents', 'row-0', 'summary', 'a'.repeat(MAX_OP_BYTES)])}]`;
    expect(await refusal(framed(huge))).toMatchObject({ message: expect.stringMatching(/第 1 条操作超过 8 MB/) as unknown });
    const trailing = `[${JSON.stringify([stamp(0), 'incidents', 'row-0', 'title', '标题'])}] x`;
    expect(await refusal(framed(trailing))).toMatchObject({ message: '同步包内容不是有效的 JSON' });
    const unclosed = `[${JSON.stringify([stamp(0), 'incidents', 'row-0', 'title', '标题'])},`;
    expect(await refusal(framed(unclosed))).toMatchObject({ message: '同步包内容不是有效的 JSON' });
    const tampered = `[${JSON.stringify([stamp(0), 'incidents', 'row-0', 'title', '标题'])}}`;
    expect(await refusal(framed(tampered))).toMatchObject({ message: '同步包内容不是有效的 JSON' });
  });
});
