import { openLedger } from '../../../electron/core/open-ledger.js';
import { listIncidents } from '../../../electron/core/ledger/incidents.js';
import { incidentQuerySchema, type IncidentQuery } from '../../../shared/schemas.js';
import type { RowGroup } from '../context.js';
import { againstCeiling, ms, sample } from '../measure.js';

const BUDGET_MS = 10; // DESIGN §8: ledger page (filters + sort, 50 rows + total count) p95 ≤ 10 ms

// What people click in the ledger view: the default, common filter combinations, a deep page.
const PAGES: [string, IncidentQuery][] = [
  ['default (newest first)', {}],
  ['欠薪, newest first', { categories: ['欠薪'] }],
  ['重大+特别重大 by severity', { severities: ['重大', '特别重大'], sort: 'severity' }],
  ['已办结 + 环境 + last 90 days', { statuses: ['已办结'], categories: ['环境'], foundFrom: '2026-08-30' }],
  ['牵头单位 县人社局, by number', { leadUnit: '县人社局', sort: 'number' }],
  ['涉事地域 柳城街道 + 微博', { township: '柳城街道', platforms: ['微博'] }],
  ['page 200 of the default', { offset: 10_000 }],
];

export const ledgerPageRows: RowGroup = ({ ledger, runs }) => {
  const { db } = openLedger({ path: ledger.path });
  const rows = PAGES.map(([label, input]) => {
    const query = incidentQuerySchema.parse({ limit: 50, ...input });
    const total = listIncidents(db, query).total;
    const timing = sample(runs, () => listIncidents(db, query));
    return {
      measure: `ledger page: ${label} (${total.toLocaleString('en-US')} rows), p50 / p95`,
      value: `${ms(timing.p50)} / ${ms(timing.p95)}`,
      budget: `p95 ≤ ${BUDGET_MS} ms`,
      verdict: againstCeiling(timing.p95, BUDGET_MS),
    };
  });
  db.close();
  return rows;
};
