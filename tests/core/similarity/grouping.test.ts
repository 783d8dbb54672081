import { describe, expect, it } from 'vitest';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { tempLedger } from '../../helpers/temp.js';
import { fillLabelled, pairwise } from './fill.js';
import { LABELLED } from './labelled-set.js';

// The grouping of 共性问题 measured against a labelled set (labelled-set.ts): at least 60 incidents written as
// offices write them in twelve known matters, plus unrelated ones. Pairwise precision and recall must each reach 0.9.

describe('共性问题 grouping on the labelled set', () => {
  it('finds the twelve matters with pairwise precision and recall of at least 0.9', async () => {
    const ledger = tempLedger({ now: () => Date.parse('2026-12-01T04:00:00Z') });
    const registered = await fillLabelled(ledger);
    expect(LABELLED.filter((l) => l.matter !== null).length).toBeGreaterThanOrEqual(55);
    expect(new Set(LABELLED.map((l) => l.matter).filter(Boolean)).size).toBe(12);
    const { ok } = contractCalls(ledger);
    const issues = await ok('listCommonIssues', { from: '2026-11-01', to: '2026-11-30' });
    const labels = new Map(registered.map((r) => [r.id, r.matter]));
    const figures = pairwise(issues.map((g) => g.incidentIds), labels);
    console.log(`labelled set: ${registered.length} incidents, ${issues.length} groups; pairwise precision ${figures.precision.toFixed(3)}, recall ${figures.recall.toFixed(3)} (${figures.predicted} predicted pairs, ${figures.truePairs} true)`);
    for (const g of issues) console.log(`  ${g.label} ← ${g.incidentIds.map((id) => labels.get(id) ?? '-').join(' ')}`);
    expect(figures.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('共性问题 grouping does not chain two matters through a post about both', () => {
  it('keeps two matters of one 小区 apart when one post mentions both', async () => {
    const ledger = tempLedger({ now: () => Date.parse('2026-12-01T04:00:00Z') });
    const { ok } = contractCalls(ledger);
    const add = (title: string, summary: string, day: number, lift = false) =>
      ok('createIncident', {
        title,
        summary,
        platform: '抖音',
        foundAt: `2026-11-${String(day).padStart(2, '0')} 09:00`,
        severity: '一般',
        categories: [lift ? '安全生产' : '困难群众'],
        leadUnit: lift ? '县市场监管局' : '县住建局',
        township: '柳城街道',
      });
    const heating = [
      await add('翰林苑小区暖气不热，室温只有十三度', '翰林苑小区居民反映，入冬以来暖气片冰凉，室温只有十三度，老人孩子受冻，热力公司迟迟不来维修。', 2),
      await add('翰林苑暖气片冰凉 室温不达标', '翰林苑多户居民称暖气片冰凉，室温不达标，给热力公司打电话没人来维修。', 4),
      await add('翰林苑小区供暖差，家里室温十三度', '网友发帖称翰林苑小区供暖效果差，家里室温十三度，暖气片冰凉，热力公司推诿。', 6),
    ];
    const lifts = [
      await add('翰林苑小区电梯频繁故障停运', '翰林苑小区居民反映，小区电梯频繁故障，经常停运困人，物业维保不到位，老人上下楼困难。', 3, true),
      await add('翰林苑电梯又坏了 困人半小时', '翰林苑一部电梯又发生故障困人半小时，居民质疑物业电梯维保形同虚设。', 5, true),
      await add('翰林苑小区电梯故障困人，物业维保不力', '网友称翰林苑小区电梯故障频发，多次困人，物业维保不力，老人不敢乘坐电梯。', 7, true),
    ];
    // One post mostly about the heating that also names the lifts: alike enough to posts of both matters.
    await add('翰林苑小区暖气不热，电梯也常坏', '翰林苑小区居民反映，暖气片冰凉，室温只有十三度，热力公司不来维修；小区电梯频繁故障困人。', 9);
    const issues = await ok('listCommonIssues', { from: '2026-11-01', to: '2026-11-30' });
    const ids = (list: { id: string }[]) => list.map((i) => i.id);
    for (const issue of issues) {
      const heatingHere = ids(heating).filter((id) => issue.incidentIds.includes(id)).length;
      const liftsHere = ids(lifts).filter((id) => issue.incidentIds.includes(id)).length;
      expect(heatingHere === 0 || liftsHere === 0, `${issue.label}: ${heatingHere} 暖气 + ${liftsHere} 电梯`).toBe(true);
    }
    expect(issues.map((i) => ids(heating).every((id) => i.incidentIds.includes(id)) || ids(lifts).every((id) => i.incidentIds.includes(id))).filter(Boolean)).toHaveLength(2);
  });
});
