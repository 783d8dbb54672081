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
