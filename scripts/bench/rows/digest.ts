import { BENCH_NOW } from '../bench-ledger.js';
import { computeDigest } from '../../../electron/core/digest/compute.js';
import { renderDigest } from '../../../electron/core/digest/render.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { reportSimilarity } from '../../../electron/core/similarity/report.js';
import type { RowGroup } from '../context.js';
import { againstCeiling, ms, sample } from '../measure.js';
import { periodContaining, shiftPeriod } from '../../../shared/china-time.js';

const BUDGET_MS = 50; // DESIGN §8: weekly digest data ≤ 50 ms
const YEAR_BUDGET_MS = 500; // issue 12: year report data ≤ 500 ms at 100k

// The Monday-morning digest: the week just ended, at the bench ledger's "now" (a Monday). The budget is for the
// figures (every section's numbers, the one computation); rendering the print page with its two ECharts SVGs
// is shown beside it for information, as are the month and year reports (long work, run off the window thread).
export const digestRows: RowGroup = ({ ledger, runs }) => {
  const { db } = openLedger({ path: ledger.path, now: () => BENCH_NOW });
  const week = shiftPeriod(periodContaining('week', new Date(BENCH_NOW).toISOString()), -1);
  const month = periodContaining('month', new Date(BENCH_NOW).toISOString());
  const year = periodContaining('year', new Date(BENCH_NOW).toISOString());
  const digest = computeDigest(db, week.key, BENCH_NOW);
  const data = sample(runs, () => computeDigest(db, week.key, BENCH_NOW));
  // Its 共性问题 and 反弹 (the whole week clustered, the closed incidents of the year before looked through): the
  // part of the figures issue 16 added, measured alone so its share of the budget shows.
  const similarity = sample(runs, () => reportSimilarity(db, { start: digest.start, end: digest.end, asOf: digest.asOf }));
  // Everything else: the same computation with the similarity part read beforehand (issue 12's share of the work).
  const readBefore = (of: Pick<typeof digest, 'commonIssues' | 'recurrences'>) => () => of;
  const rest = sample(runs, () => computeDigest(db, week.key, BENCH_NOW, undefined, undefined, readBefore(digest)));
  const render = sample(runs, () => renderDigest(digest));
  const monthly = sample(Math.max(3, Math.floor(runs / 4)), () => computeDigest(db, month.key, BENCH_NOW));
  const yearly = sample(3, () => computeDigest(db, year.key, BENCH_NOW));
  const yearDigest = computeDigest(db, year.key, BENCH_NOW);
  const yearRest = sample(3, () => computeDigest(db, year.key, BENCH_NOW, undefined, undefined, readBefore(yearDigest)));
  db.close();
  const what = `${week.key}, ${digest.newIncidents} new, ${digest.overdueItems.length} overdue commitments`;
  return [
    {
      measure: `weekly digest data (${what}), p50 / p95`,
      value: `${ms(data.p50)} / ${ms(data.p95)}`,
      budget: `p95 ≤ ${BUDGET_MS} ms`,
      verdict: againstCeiling(data.p95, BUDGET_MS),
    },
    {
      measure: `  of which 共性问题 and 反弹 (${digest.commonIssues.length} groups, ${digest.recurrences.length} 反弹), p50 / p95`,
      value: `${ms(similarity.p50)} / ${ms(similarity.p95)}`,
      budget: '—',
      verdict: `${Math.round((100 * similarity.p50) / data.p50)}% of the digest's p50`,
    },
    {
      measure: '  of which everything else (共性问题 and 反弹 read beforehand), p50 / p95',
      value: `${ms(rest.p50)} / ${ms(rest.p95)}`,
      budget: '—',
      verdict: `${Math.round((100 * rest.p50) / data.p50)}% of the digest's p50`,
    },
    { measure: 'weekly digest print page (HTML + 2 ECharts SVG), p50 / p95', value: `${ms(render.p50)} / ${ms(render.p95)}`, budget: '—', verdict: 'informational' },
    { measure: `month report data (${month.key}), p50 / p95`, value: `${ms(monthly.p50)} / ${ms(monthly.p95)}`, budget: '—', verdict: 'informational' },
    {
      measure: `year report data (${year.key}), p50 / p95`,
      value: `${ms(yearly.p50)} / ${ms(yearly.p95)}`,
      budget: `≤ ${YEAR_BUDGET_MS} ms (at 100k)`,
      verdict: againstCeiling(yearly.p50, YEAR_BUDGET_MS),
    },
    {
      measure: '  of which everything else (共性问题 and 反弹 read beforehand), p50 / p95',
      value: `${ms(yearRest.p50)} / ${ms(yearRest.p95)}`,
      budget: '—',
      verdict: `${Math.round((100 * yearRest.p50) / yearly.p50)}% of the year's p50`,
    },
  ];
};
