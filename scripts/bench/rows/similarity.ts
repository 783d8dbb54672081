import { BENCH_NOW } from '../bench-ledger.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { listCommonIssues } from '../../../electron/core/similarity/common-issues.js';
import { listSimilar } from '../../../electron/core/similarity/similar.js';
import type { RowGroup } from '../context.js';
import { againstCeiling, ms, sample, summarize, timeMs } from '../measure.js';

const GROUPS_BUDGET_MS = 300; // issue 16: 共性问题 for a month of the bench ledger ≤ 300 ms
const SIMILAR_BUDGET_MS = 20; // issue 16: similar incidents of one incident ≤ 20 ms
const CANDIDATES = 80; // similar.ts scores this many candidates of one incident

// 共性问题 of the month before the bench ledger's "now" (a full month), and the similar incidents of incidents
// spread over the ledger (every 500th by rowid, each asked once after a warm-up of the first). Beside each, a
// baseline from the same run: reading the month's incident rows with one plain SELECT (what any grouping must
// read at least), and reading as many incident rows by rowid as similar incidents are looked among (the 80
// candidates one look scores).
export const similarityRows: RowGroup = ({ ledger, runs }) => {
  const { db } = openLedger({ path: ledger.path, now: () => BENCH_NOW });
  const month = { from: '2026-10-01', to: '2026-10-31' };
  const range = ['2026-09-30T16:00:00Z', '2026-10-31T16:00:00Z'] as const;
  const groups = listCommonIssues(db, month, BENCH_NOW);
  const inMonth = db.prepare('SELECT count(*) FROM incidents WHERE deleted = 0 AND found_at >= ? AND found_at < ?').pluck().get(...range) as number;
  const monthRows = db.prepare(
    'SELECT id, number, title, summary, found_at, status, categories, lead_unit_id, township_id FROM incidents WHERE deleted = 0 AND found_at >= ? AND found_at < ?',
  );
  const baseRuns = Math.max(3, Math.floor(runs / 4));
  const readMonth = sample(baseRuns, () => monthRows.all(...range));
  const monthly = sample(baseRuns, () => listCommonIssues(db, month, BENCH_NOW));
  const ids = db.prepare('SELECT id FROM incidents WHERE deleted = 0 AND rowid % 500 = 0').pluck().all() as string[];
  const inLedger = db.prepare('SELECT max(rowid) FROM incidents').pluck().get() as number;
  listSimilar(db, { incident: ids[0]!, limit: 20 });
  let found = 0;
  const times = ids.map((id) => timeMs(() => (found += listSimilar(db, { incident: id, limit: 20 }).length)));
  const one = summarize(times);
  const candidateRows = db.prepare('SELECT id, number, title, summary, found_at, status, categories, lead_unit_id, township_id FROM incidents WHERE rowid = ?');
  const readOne = summarize(
    ids.map((_id, k) =>
      timeMs(() => {
        for (let r = 0; r < CANDIDATES; r += 1) candidateRows.get(1 + ((k * 997 + r * 211) % inLedger));
      }),
    ),
  );
  db.close();
  return [
    {
      measure: `共性问题 for a month (${month.from}…${month.to}: ${inMonth} incidents → ${groups.length} groups, largest ${groups[0]?.incidents.length ?? 0}), p50 / p95`,
      value: `${ms(monthly.p50)} / ${ms(monthly.p95)} (${(monthly.p50 / readMonth.p50).toFixed(1)}× the baseline)`,
      budget: `p95 ≤ ${GROUPS_BUDGET_MS} ms`,
      verdict: againstCeiling(monthly.p95, GROUPS_BUDGET_MS),
    },
    {
      measure: '  baseline: the month’s incident rows read with one SELECT, p50',
      value: ms(readMonth.p50),
      budget: '—',
      verdict: 'baseline',
    },
    {
      measure: `similar incidents of one incident (${ids.length} incidents, ${(found / Math.max(1, ids.length)).toFixed(1)} similar each), p50 / p95`,
      value: `${ms(one.p50)} / ${ms(one.p95)} (${(one.p50 / readOne.p50).toFixed(1)}× the baseline)`,
      budget: `p95 ≤ ${SIMILAR_BUDGET_MS} ms`,
      verdict: againstCeiling(one.p95, SIMILAR_BUDGET_MS),
    },
    {
      measure: `  baseline: ${CANDIDATES} incident rows read by rowid, spread over the ledger, p50`,
      value: ms(readOne.p50),
      budget: '—',
      verdict: 'baseline',
    },
  ];
};
