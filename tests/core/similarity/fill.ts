import type { Ledger } from '../../../electron/core/open-ledger.js';
import { contractCalls } from '../../helpers/ledger-calls.js';
import { LABELLED, type LabelledIncident } from './labelled-set.js';

/** A labelled incident as the contract's createIncident input (the CLI tests send the same body). */
export function incidentInputOf(item: LabelledIncident) {
  return {
    title: item.title,
    summary: item.summary,
    platform: '微博',
    foundAt: `2026-11-${String(item.day).padStart(2, '0')} ${String(item.hour).padStart(2, '0')}:00`,
    severity: '一般',
    categories: item.categories,
    leadUnit: item.lead,
    township: item.township,
  };
}

/** The labelled set registered through the contract; returns each incident's id beside its label. */
export async function fillLabelled(ledger: Ledger, set: readonly LabelledIncident[] = LABELLED) {
  const { ok } = contractCalls(ledger);
  const registered: { id: string; number: string; matter: string | null }[] = [];
  for (const item of set) {
    const incident = await ok('createIncident', incidentInputOf(item));
    registered.push({ id: incident.id, number: incident.number, matter: item.matter });
  }
  return registered;
}

/** Pairwise precision and recall of predicted groups against the labels. */
export function pairwise(groups: readonly (readonly string[])[], labels: ReadonlyMap<string, string | null>) {
  const predicted = new Set<string>();
  for (const g of groups) for (let a = 0; a < g.length; a += 1) for (let b = a + 1; b < g.length; b += 1) predicted.add([g[a], g[b]].sort().join('|'));
  const ids = [...labels.keys()];
  let truePairs = 0;
  let hit = 0;
  for (let a = 0; a < ids.length; a += 1) {
    for (let b = a + 1; b < ids.length; b += 1) {
      const m = labels.get(ids[a]!);
      if (m === null || m !== labels.get(ids[b]!)) continue;
      truePairs += 1;
      if (predicted.has([ids[a], ids[b]].sort().join('|'))) hit += 1;
    }
  }
  const correct = [...predicted].filter((pair) => {
    const [x, y] = pair.split('|');
    const m = labels.get(x!);
    return m !== null && m !== undefined && m === labels.get(y!);
  }).length;
  return { precision: predicted.size === 0 ? 0 : correct / predicted.size, recall: truePairs === 0 ? 0 : hit / truePairs, predicted: predicted.size, truePairs };
}
