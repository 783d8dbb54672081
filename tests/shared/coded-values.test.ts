import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_SYNONYMS,
  CODED_FIELDS,
  type CodedFieldName,
  codedWords,
  normaliseWord,
  resolveCategoryWord,
  resolveCoded,
  splitWrittenList,
} from '../../shared/input/coded-values.js';

const seedCategories = JSON.parse(readFileSync(new URL('../../seeds/categories.json', import.meta.url), 'utf8')) as {
  code: string;
  name: string;
  short: string;
}[];

describe('coded values as people write them', () => {
  it('accepts the code, the label and every part of a compound label', () => {
    for (const name of Object.keys(CODED_FIELDS) as CodedFieldName[]) {
      const spec = CODED_FIELDS[name];
      for (const code of spec.codes) {
        const label = (spec.labels as Record<string, string>)[code] ?? '';
        expect(resolveCoded(name, code), `${name} ${code}`).toBe(code);
        expect(resolveCoded(name, label), `${name} ${label}`).toBe(code);
        for (const part of label.split(/\s*(?:→|\/)\s*/)) expect(resolveCoded(name, part), `${name} ${part}`).toBe(code);
      }
    }
  });

  it('knows the words offices write', () => {
    const cases: [CodedFieldName, string, string][] = [
      ['disposition', '实际困难', 'solve'],
      ['disposition', '虚假信息', 'refute'],
      ['disposition', '辟谣', 'refute'],
      ['severity', '重大', 'major'],
      ['severity', 'Ⅱ级', 'major'],
      ['severity', 'ii级', 'major'],
      ['platform', '微信群', 'wechat'],
      ['platform', '12345平台', 'hotline'],
      ['platform', '新浪微博', 'weibo'],
      ['platform', '其它', 'other'],
      ['responseMethod', '回复留言', 'online_reply'],
      ['responseMethod', '吹风会', 'press_conference'],
      ['responseChannel', '官方微博', 'gov_weibo'],
      ['responseChannel', '12345热线', 'hotline'],
      ['status', '已办结', 'closed'],
      ['status', '已完成', 'closed'],
      ['commitmentStatus', '已完成', 'fulfilled'],
      ['commitmentStatus', '已逾期', 'overdue'],
      ['followupKind', '反弹', 'rebound'],
      ['unitKind', '开发区', 'park'],
      ['keyType61', '突发事件', 'emergency'],
    ];
    for (const [name, word, code] of cases) expect(resolveCoded(name, word), `${name} ${word}`).toBe(code);
  });

  it('ignores case, width and spaces, and refuses what it does not know', () => {
    expect(resolveCoded('severity', '  MAJOR ')).toBe('major');
    expect(resolveCoded('platform', '１２３４５热线')).toBe('hotline');
    expect(resolveCoded('platform', '微 博')).toBe('weibo');
    expect(resolveCoded('responseMethod', '新闻发布会 / 吹风会')).toBe('press_conference');
    expect(resolveCoded('platform', '小红书')).toBeUndefined();
    expect(resolveCoded('severity', '')).toBeUndefined();
    expect(resolveCoded('severity', '严重')).toBeUndefined();
  });

  it('never gives one word two meanings within a field', () => {
    for (const name of Object.keys(CODED_FIELDS) as CodedFieldName[]) {
      const spec = CODED_FIELDS[name];
      const seen = new Map<string, string>();
      for (const code of spec.codes) {
        const label = (spec.labels as Record<string, string>)[code] ?? '';
        const own = [code, label, ...label.split(/\s*(?:→|\/)\s*/), ...((spec.synonyms as Record<string, readonly string[]>)[code] ?? [])];
        for (const word of new Set(own.map(normaliseWord))) {
          expect(seen.get(word) ?? code, `${name}: “${word}” means ${seen.get(word)} and ${code}`).toBe(code);
          seen.set(word, code);
        }
      }
    }
  });

  it('finds every accepted word however it is spaced and cased (property)', () => {
    const fields = Object.keys(CODED_FIELDS) as CodedFieldName[];
    const entries = fields.flatMap((name) => [...codedWords(name)].map(([word, code]) => ({ name, word, code })));
    fc.assert(
      fc.property(fc.constantFrom(...entries), fc.array(fc.constantFrom(' ', '\u3000', '\t'), { maxLength: 3 }), fc.boolean(), (e, pad, upper) => {
        const written = `${pad.join('')}${upper ? e.word.toUpperCase() : e.word}${pad.join('')}`;
        expect(resolveCoded(e.name, written)).toBe(e.code);
      }),
      { numRuns: 1000 },
    );
  });

  it('resolves categories from the ledger’s list: code, name, short label, 全称(简称) and office words', () => {
    const cases: [string, string][] = [
      ['wages', 'wages'],
      ['工资拖欠', 'wages'],
      ['欠薪', 'wages'],
      ['工资拖欠(欠薪)', 'wages'],
      ['工资拖欠（欠薪）', 'wages'],
      ['拖欠工资', 'wages'],
      ['环保', 'environment'],
      ['食品安全', 'food_drug'],
      ['教育医疗', 'edu_medical'],
      [' 疫情 ', 'epidemic'],
    ];
    for (const [word, code] of cases) expect(resolveCategoryWord(seedCategories, word), word).toBe(code);
    expect(resolveCategoryWord(seedCategories, '交通')).toBeUndefined();
    // An office's own category wins over a synonym of a built-in one.
    expect(resolveCategoryWord([...seedCategories, { code: 'c_edu', name: '教育', short: '教育' }], '教育')).toBe('c_edu');
    // Every synonym names a seeded category.
    for (const code of Object.keys(CATEGORY_SYNONYMS)) expect(seedCategories.some((c) => c.code === code), code).toBe(true);
  });

  it('splits a cell that lists several values on list marks, never inside a name', () => {
    expect(splitWrittenList('教育医疗、食品药品安全')).toEqual(['教育医疗', '食品药品安全']);
    expect(splitWrittenList('环境污染和生态破坏；欠薪,  养老 ')).toEqual(['环境污染和生态破坏', '欠薪', '养老']);
    expect(splitWrittenList('县人社局，县住建局\n县公安局')).toEqual(['县人社局', '县住建局', '县公安局']);
    expect(splitWrittenList('  ')).toEqual([]);
  });
});
