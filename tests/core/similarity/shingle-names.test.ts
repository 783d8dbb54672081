import { describe, expect, it } from 'vitest';
import { hash32 } from '../../../electron/core/similarity/minhash.js';
import { shingleNames, shingleNamesOf } from '../../../electron/core/similarity/profile.js';
import { LABELLED } from './labelled-set.js';

// A 反弹's reason names the words two incidents share. The report names them from neighbouring characters
// (shingleNamesOf) instead of tokenizing each text (shingleNames): the words must be the same, Latin ones too.

const TEXTS = [
  ...LABELLED.map((l) => `${l.title}\n${l.summary}`),
  'APP 无法登录 12345 热线\nWiFi 信号差，App 闪退，ETC 扣费两次',
  '“供暖”不热！！室温 14 度。\n（网友）反映：暖气不热',
];

describe('shingleNamesOf', () => {
  it('names every wanted shingle hash as the tokenizer does, whatever part of the text is asked for', () => {
    for (const text of TEXTS) {
      const all = shingleNames(text);
      const hashes = [...all.keys()];
      for (const step of [1, 2, 3, 7]) {
        const wanted = hashes.filter((_h, k) => k % step === 0);
        expect(shingleNamesOf(text, wanted)).toEqual(new Map(wanted.map((h) => [h, all.get(h)!])));
      }
    }
  });

  it('names nothing when nothing is wanted, and leaves out a hash the text does not hold', () => {
    expect(shingleNamesOf('供暖不热', []).size).toBe(0);
    expect(shingleNamesOf('供暖不热', [hash32('拖欠')]).size).toBe(0);
  });
});
