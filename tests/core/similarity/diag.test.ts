import { it } from 'vitest';
import { tempLedger } from '../../helpers/temp.js';
import { fillLabelled, pairwise } from './fill.js';
import { periodProfiles } from '../../../electron/core/similarity/profile.js';
import { weigher } from '../../../electron/core/similarity/weights.js';
import { clusterProfiles } from '../../../electron/core/similarity/cluster.js';

it('diag', async () => {
  const ledger = tempLedger({ now: () => Date.parse('2026-12-01T04:00:00Z') });
  const reg = await fillLabelled(ledger);
  const label = new Map(reg.map((r) => [r.id, r.matter]));
  const ps = periodProfiles(ledger.db, '2026-10-01T00:00:00Z', '2026-12-31T00:00:00Z', weigher(ledger.db));
  for (let T = 0.22; T < 0.5; T += 0.02) {
    const groups = clusterProfiles(ps, 3, T).map((g) => g.map((i) => ps[i]!.id));
    const f = pairwise(groups, label);
    console.log(`T=${T.toFixed(2)} groups ${groups.length} p=${f.precision.toFixed(3)} r=${f.recall.toFixed(3)}`);
  }
});
