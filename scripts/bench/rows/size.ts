import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { RowGroup } from '../context.js';
import { againstCeiling, bytes, count } from '../measure.js';

const BUDGET_PER_INCIDENT = 6 * 1024; // DESIGN §8: ≤ 6 KiB per incident with its history

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** What the ledger weighs on disk and where the bytes go (sync operations and audit dominate, by design). */
export const sizeRows: RowGroup = ({ ledger }) => {
  const total = sizeOf(ledger.path) + sizeOf(`${ledger.path}-wal`);
  const db = new Database(ledger.path, { readonly: true });
  let parts: { name: string; bytes: number }[];
  try {
    parts = db
      .prepare(
        `SELECT CASE
           WHEN name IN ('ops', 'ops_field', 'ops_site_hlc') OR name LIKE 'op!_%' ESCAPE '!' OR name LIKE 'sqlite_autoindex_op!_%' ESCAPE '!'
             THEN 'sync operations (op log, its keys + index)'
           WHEN name = 'audit' THEN 'audit chain'
           WHEN name = 'incidents' OR name LIKE 'incidents_%' OR name = 'sqlite_autoindex_incidents_1' THEN 'incidents + indexes'
           ELSE 'other tables + indexes' END AS name,
         sum(pgsize) AS bytes
         FROM dbstat GROUP BY 1 ORDER BY bytes DESC`,
      )
      .all() as { name: string; bytes: number }[];
  } finally {
    db.close();
  }
  const perIncident = total / ledger.size;
  return [
    {
      measure: `ledger file size (${count(ledger.size)} incidents)`,
      value: `${bytes(total)} (${bytes(perIncident)} per incident)`,
      budget: `≤ ${bytes(BUDGET_PER_INCIDENT)} per incident`,
      verdict: againstCeiling(perIncident, BUDGET_PER_INCIDENT),
    },
    ...parts.map((p) => ({
      measure: `  of which ${p.name}`,
      value: bytes(p.bytes),
      budget: '—',
      verdict: `informational: ${((100 * p.bytes) / total).toFixed(0)}% of file`,
    })),
  ];
};
