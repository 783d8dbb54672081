import { BENCH_NOW } from '../bench-ledger.js';
import { openLedger } from '../../../electron/core/ledger.js';
import { listCommonIssues } from '../../../electron/core/similarity/common-issues.js';
import { listSimilar } from '../../../electron/core/similarity/similar.js';
import type { RowGroup } from '../context.js';
import { againstCeiling, ms, sample, summarize, timeMs } from '../measure.js';

const GROUPS_BUDGET_MS = 300; // issue 16: 共性问题 for a month of the bench ledger ≤ 300 ms
const SIMILAR_BUDGET_MS = 20; // issue 16: similar incidents of one incident ≤ 20 ms

// 共性问题 of the month before the bench ledger's "now" (a full month), and the similar incidents of incidents
// spread over the ledger (every 500th by rowid, each asked once after a warm-up of the first).
export const similarityRows: RowGroup = ({ ledger, runs }) => {
  const { db } = openLedger({ path: ledger.path, now: () => BENCH_NOW });
  const month = { from: '2026-10-01', to: '2026-10-31' };
  const groups = listCommonIssues(db, month, BENCH_NOW);
  const inMonth = db.prepare("SELECT count(*) FROM incidents WHERE deleted = 0 AND found_at >= '2026-09-30T16:00:00Z' AND found_at < '2026-10-31T16:00:00Z'").pluck().get() as number;
  const monthly = sample(Math.max(3, Math.floor(runs / 4)), () => listCommonIssues(db, month, BENCH_NOW));
  const ids = db.prepare('SELECT id FROM incidents WHERE deleted = 0 AND rowid % 500 = 0').pluck().all() as string[];
  listSimilar(db, { incident: ids[0]!, limit: 20 });
  let found = 0;
  const times = ids.map((id) => timeMs(() => (found += listSimilar(db, { incident: id, limit: 20 }).length)));
  const one = summarize(times);
  db.close();
  return [
    {
      measure: `共性问题 for a month (${month.from}…${month.to}: ${inMonth} incidents → ${groups.length} groups, largest ${groups[0]?.incidents.length ?? 0}), p50 / p95`,
      value: `${ms(monthly.p50)} / ${ms(monthly.p95)}`,
      budget: `p95 ≤ ${GROUPS_BUDGET_MS} ms`,
      verdict: againstCeiling(monthly.p95, GROUPS_BUDGET_MS),
    },
    {
      measure: `similar incidents of one incident (${ids.length} incidents, ${(found / Math.max(1, ids.length)).toFixed(1)} similar each), p50 / p95`,
      value: `${ms(one.p50)} / ${ms(one.p95)}`,
      budget: `p95 ≤ ${SIMILAR_BUDGET_MS} ms`,
      verdict: againstCeiling(one.p95, SIMILAR_BUDGET_MS),
    },
  ];
};
