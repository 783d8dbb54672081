import type { Db } from '../db/open.js';
import { formatHlc } from '../sync/hlc.js';
import type { Op } from './mutate.js';
import { cached } from './statements.js';

// The status history in its own compact form (migration 18): one row per status operation of an incident or a
// commitment, with the reason and the updated_at written by the same move. It is what the timeline, the digest's
// status as of a date and 反弹's closed-at read of the past, so the superseded status operations themselves can be
// pruned (ledger/prune.ts). Kept by every path that stores operations (op-store.ts storeOps: local writes, applied
// bundles, released held or quarantined operations), with the rule migration 18 filled it by.

const NEXT_STATUS = `coalesce((SELECT min(n.hlc) FROM op_log n WHERE n.row = s.row AND n.field = s.field AND n.site = s.site AND n.hlc > s.hlc), 9223372036854775807)`;

const RECORD = `INSERT INTO status_history (row, hlc, site, status, reason, at)
SELECT s.row, s.hlc, s.site, s.value,
  (SELECT r.value FROM op_log r WHERE r.row = s.row AND r.field = rf.id AND r.site = s.site
     AND r.hlc > s.hlc AND r.hlc < ${NEXT_STATUS} ORDER BY r.hlc LIMIT 1),
  (SELECT u.value FROM op_log u WHERE u.row = s.row AND u.field = uf.id AND u.site = s.site AND u.hlc > s.hlc ORDER BY u.hlc LIMIT 1)
FROM op_log s JOIN op_fields sf ON sf.id = s.field
  JOIN op_fields rf ON rf.tbl = sf.tbl AND rf.col = 'status_reason'
  JOIN op_fields uf ON uf.tbl = sf.tbl AND uf.col = 'updated_at'
WHERE s.site = ? AND s.hlc = ?
ON CONFLICT (row, hlc, site) DO NOTHING`;

const TRACKED = new Set(['incidents', 'commitments']);

/** Whether an operation is one the status history records. */
export const isStatusOp = (op: Pick<Op, 'tbl' | 'col'>): boolean => op.col === 'status' && TRACKED.has(op.tbl);

/**
 * Records the status operations just stored (by site number and clock), once the whole batch is in op_log: the
 * reason and updated_at of the same move are found among the operations stored with them.
 */
export function recordStatusHistory(db: Db, stored: readonly { site: number; clock: bigint }[]): void {
  if (stored.length === 0) return;
  const insert = cached(db, RECORD);
  for (const { site, clock } of stored) insert.run(site, clock);
}

export interface StatusMove {
  /** The status operation's stamp. */
  hlc: string;
  site: string;
  status: string;
  reason?: string;
  /** updated_at of the same move (ISO), if it wrote one. */
  at?: string;
}

/** A stored text value (op-store.ts keeps a time in a text field as its milliseconds). */
const textOf = (stored: unknown): string | undefined =>
  stored === null || stored === undefined ? undefined : typeof stored === 'number' ? new Date(stored).toISOString() : (stored as string);

/** Every status move of one incident or commitment, oldest first (ties between sites by site id, as stamps sort). */
export function statusMovesOf(db: Db, tbl: 'incidents' | 'commitments', row: string): StatusMove[] {
  const rows = cached(
    db,
    `SELECT h.hlc >> 16 AS millis, h.hlc & 65535 AS counter, s.site AS site, h.status AS status, h.reason AS reason, h.at AS at
     FROM op_rows r JOIN status_history h ON h.row = r.id JOIN op_sites s ON s.id = h.site
     WHERE r.row = ? AND r.tbl = ? ORDER BY h.hlc, s.site`,
  ).all(row, tbl) as { millis: number; counter: number; site: string; status: string; reason: unknown; at: unknown }[];
  return rows.map((r) => {
    const reason = textOf(r.reason);
    const at = textOf(r.at);
    return {
      hlc: formatHlc(r),
      site: r.site,
      status: r.status,
      ...(reason !== undefined ? { reason } : {}),
      ...(at !== undefined ? { at } : {}),
    };
  });
}

/** SQL: the ISO text of a stored time value (op-store.ts stores a time in a text field as its milliseconds). */
export const isoOfStored = (expr: string): string =>
  `CASE WHEN typeof(${expr}) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%S', ${expr} / 1000, 'unixepoch') || printf('.%03dZ', ${expr} % 1000) ELSE ${expr} END`;

/** SQL: the ISO time (with milliseconds) of a stored clock. */
export const isoOfClock = (expr: string): string =>
  `strftime('%Y-%m-%dT%H:%M:%S', (${expr} >> 16) / 1000, 'unixepoch') || printf('.%03dZ', (${expr} >> 16) % 1000)`;
