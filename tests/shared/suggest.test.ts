import { describe, expect, it } from 'vitest';
import { SEEDS } from '../../electron/core/ledger/seed.js';
import type { Category } from '../../shared/schemas.js';
import { suggestCategories } from '../../shared/suggest.js';

const categories: Category[] = SEEDS.categories.map((c) => ({ ...c, builtin: true }));

describe('category suggestions', () => {
  it('suggests categories whose keywords appear, strongest first, naming the keywords', () => {
    const suggestions = suggestCategories('某工地拖欠农民工工资，工人到县政府讨薪', categories);
    expect(suggestions[0]).toEqual({ code: 'wages', matched: ['农民工', '拖欠', '讨薪', '工资'] });
  });

  it('finds several categories in one text and skips those already chosen', () => {
    const text = '化工厂爆炸后河道污染，下游村民饮水困难';
    expect(suggestCategories(text, categories).map((s) => s.code)).toEqual(expect.arrayContaining(['work_safety', 'environment']));
    expect(suggestCategories(text, categories, ['environment']).map((s) => s.code)).not.toContain('environment');
  });

  it('suggests nothing for empty or unrelated text', () => {
    expect(suggestCategories('   ', categories)).toEqual([]);
    expect(suggestCategories('今天天气不错', categories)).toEqual([]);
  });
});
