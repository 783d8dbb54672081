import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_WORD_LIST, codeWords } from '../../shared/code-words.js';

describe('code words compared by phone', () => {
  it('are 256 distinct two-character words, one per byte', () => {
    expect(CODE_WORD_LIST).toHaveLength(256);
    expect(new Set(CODE_WORD_LIST).size).toBe(256);
    for (const word of CODE_WORD_LIST) expect(word).toMatch(/^\p{Script=Han}{2}$/u);
  });

  it('are fixed for a fingerprint: the same card always reads the same', () => {
    expect(codeWords('0001 0203 FFFE 1011 0000 0000 0000 0000')).toEqual(['春天', '夏天', '秋天', '冬天', '口袋', '衬衫', '老虎', '狮子']);
    expect(codeWords('not a fingerprint')).toEqual([]);
  });

  it('differ whenever the first eight bytes differ', () => {
    const hex = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(''));
    fc.assert(
      fc.property(hex, hex, (a, b) => (a.slice(0, 16) === b.slice(0, 16)) === (codeWords(a).join() === codeWords(b).join())),
    );
  });
});
