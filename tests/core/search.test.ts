import { describe, expect, it } from 'vitest';
import { toIndexText, toMatchExpression } from '../../electron/core/search/bigrams.js';
import { contractCalls, sampleIncident } from '../helpers/ledger-calls.js';
import { tempLedger } from '../helpers/temp.js';

describe('CJK bigram indexing', () => {
  it('splits Chinese into overlapping bigrams and keeps other words whole', () => {
    expect(toIndexText('县城供暖不热')).toBe('县城 城供 供暖 暖不 不热 热');
    expect(toIndexText('G15高速，欠薪！')).toBe('g15 高速 速 欠薪 薪');
  });

  it('turns queries into phrases of bigrams, prefixes for single characters and words', () => {
    expect(toMatchExpression('欠薪')).toBe('{title summary responses} : ("欠薪")');
    expect(toMatchExpression('供暖不热')).toBe('{title summary responses} : ("供暖 暖不 不热")');
    expect(toMatchExpression('暖')).toBe('{title summary responses} : ("暖"*)');
    expect(toMatchExpression('G15 拆迁')).toBe('{title summary responses} : ("g15"* AND "拆迁")');
    expect(toMatchExpression('“”，。')).toBeUndefined();
    expect(toMatchExpression('"; DROP TABLE ops; --')).toBe('{title summary responses} : ("drop"* AND "table"* AND "ops"*)');
  });
});

describe('searching the ledger', () => {
  async function seeded() {
    const ledger = tempLedger();
    const { ok } = contractCalls(ledger);
    const heating = await ok('createIncident', { ...sampleIncident, summary: '室温不足16度' });
    const wages = await ok('createIncident', {
      ...sampleIncident,
      title: '某建筑工地拖欠农民工工资',
      summary: '32名工人讨薪无果',
      categories: ['欠薪'],
      leadUnit: '县人社局',
    });
    const mention = await ok('createIncident', {
      ...sampleIncident,
      title: '居民反映小区物业服务差',
      summary: '冬季供暖期间物业无人值守',
      categories: ['其他'],
    });
    return { ledger, ok, heating, wages, mention };
  }

  it('finds two-character queries, title matches ranked above summary matches, with highlights', async () => {
    const { ok, heating, mention } = await seeded();
    const page = await ok('listIncidents', { text: '供暖', sort: 'relevance' });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.id)).toEqual([heating.id, mention.id]);
    expect(page.rows[0]!.highlight!.title).toEqual([
      { text: '某小区', hit: false },
      { text: '供暖', hit: true },
      { text: '不热，居民集体投诉', hit: false },
    ]);
    expect(page.rows[1]!.highlight!.snippet.filter((r) => r.hit).map((r) => r.text)).toEqual(['供暖']);
  });

  it('finds longer queries only where the words stand together', async () => {
    const { ok, wages } = await seeded();
    expect((await ok('listIncidents', { text: '拖欠农民工' })).rows.map((r) => r.id)).toEqual([wages.id]);
    expect((await ok('listIncidents', { text: '讨薪无门' })).total).toBe(0);
    expect((await ok('listIncidents', { text: '工资 讨薪' })).total).toBe(1);
    expect((await ok('listIncidents', { text: '工资 供暖' })).total).toBe(0);
  });

  it('finds what responses said, and updates the index when text changes', async () => {
    const { ok, heating } = await seeded();
    await ok('addResponse', {
      incident: heating.id,
      at: '2026-11-28 10:00',
      method: '情况通报',
      channel: '政务微博',
      content: '县住建局已督促热力公司排查管网，今日恢复正常',
      unit: '县住建局',
    });
    expect((await ok('listIncidents', { text: '热力公司' })).rows.map((r) => r.id)).toEqual([heating.id]);
    await ok('updateIncident', { id: heating.id, patch: { title: '某小区暖气不热' } });
    expect((await ok('listIncidents', { text: '暖气' })).total).toBe(1);
    expect((await ok('listIncidents', { text: '供暖不热' })).total).toBe(0);
  });

  it('finds the incidents of a category the query names, after the text hits', async () => {
    const { ok, wages, heating } = await seeded();
    // 欠薪 is written nowhere, but it is the short label of 工资拖欠: that category's incidents are found.
    const byLabel = await ok('listIncidents', { text: '欠薪', sort: 'relevance' });
    expect(byLabel.rows.map((r) => r.id)).toEqual([wages.id]);
    expect(byLabel.total).toBe(1);
    // 工资 is in the wages incident's title (a text hit) and in the category's name: listed once.
    expect((await ok('listIncidents', { text: '工资' })).total).toBe(1);
    // A text hit in another category comes first; the category's own incidents follow, and the pages join up.
    const other = await ok('createIncident', { ...sampleIncident, title: '网传某企业欠薪跑路', categories: ['其他'] });
    const both = await ok('listIncidents', { text: '欠薪', sort: 'relevance' });
    expect(both.rows.map((r) => r.id)).toEqual([other.id, wages.id]);
    expect(both.total).toBe(2);
    expect((await ok('listIncidents', { text: '欠薪', sort: 'relevance', offset: 1, limit: 1 })).rows.map((r) => r.id)).toEqual([wages.id]);
    // Filters still apply to the category's incidents; one character names nothing.
    expect((await ok('listIncidents', { text: '欠薪', severities: ['重大'] })).total).toBe(0);
    expect((await ok('listIncidents', { text: '薪' })).rows.map((r) => r.id)).not.toContain(heating.id);
  });

  it('follows an incident into and out of a category the query names (the index lists categories too)', async () => {
    const { ok, heating, wages } = await seeded();
    expect((await ok('listIncidents', { text: '欠薪', sort: 'relevance' })).rows.map((r) => r.id)).toEqual([wages.id]);
    await ok('updateIncident', { id: heating.id, patch: { categories: ['欠薪', '其他'] } });
    // Both are filed under it only (no text hit): newest registered first.
    expect((await ok('listIncidents', { text: '欠薪', sort: 'relevance' })).rows.map((r) => r.id)).toEqual([wages.id, heating.id]);
    await ok('updateIncident', { id: wages.id, patch: { categories: ['其他'] } });
    const after = await ok('listIncidents', { text: '欠薪', sort: 'relevance' });
    expect({ ids: after.rows.map((r) => r.id), total: after.total }).toEqual({ ids: [heating.id], total: 1 });
    // A word that only looks like a category token is searched in the text, never in the categories column.
    expect((await ok('listIncidents', { text: 'k77' })).total).toBe(0);
  });

  it('combines text with filters and counts', async () => {
    const { ok } = await seeded();
    expect((await ok('listIncidents', { text: '小区', categories: ['其他'] })).total).toBe(1);
    expect((await ok('listIncidents', { text: '小区', severities: ['重大'] })).total).toBe(0);
    expect((await ok('listIncidents', { text: '，，' })).total).toBe(0);
  });
});
