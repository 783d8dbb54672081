import { chinaYear } from '../../../shared/china-time.js';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { audited } from './audit.js';
import { cached } from './statements.js';
import type { Workstation } from './workstation.js';

// Human numbers that never change (issue 11). Each workstation numbers its own incidents under its own short code,
// chosen by the office and unique among its peers (checked when a peer is added and when the code is set):
// YQ-2026-宣-0001, YQ-2026-城关-0001. Two workstations therefore never give one number, and an import never has a
// reason to renumber anything. A workstation without a code numbers as before (YQ-2026-0001): right for a ledger
// kept on one machine; such numbers may meet a peer's equal one, which is then listed for review, never changed.
//
// A commitment's number is its incident's number and its own ordinal (YQ-2026-宣-0001-C2): read through the
// incident, never copied, so it can never disagree with the incident's. The copy stored in the operation is kept for
// older versions of the app and for people who still have a number from before a renumbering: lookups accept both.

/** This workstation's code ('' while none is set). */
export function workstationCode(db: Db): string {
  const row = cached(db, "SELECT value FROM meta WHERE key = 'site_code'").get() as { value: string } | undefined;
  return row?.value ?? '';
}

/** The next number of the year the incident was found (China time), under this workstation's code. */
export function nextIncidentNumber(db: Db, foundAt: string): string {
  const code = workstationCode(db);
  const year = chinaYear(foundAt);
  // The year's numbers are read through the number index (a range of it, not every incident): without this the
  // next number cost a scan of the whole ledger, and registering slowed as the ledger grew. Numbers of other
  // workstations' codes in the range read as 0 and do not count.
  const prefix = code === '' ? `YQ-${year}-` : `YQ-${year}-${code}-`;
  const last = cached(
    db,
    `SELECT max(CAST(substr(number, length(@prefix) + 1) AS INTEGER)) AS seq FROM incidents
     WHERE number > @prefix AND number < @prefix || '~'`,
  ).get({ prefix }) as { seq: number | null };
  return `${prefix}${String((last.seq ?? 0) + 1).padStart(4, '0')}`;
}

/**
 * SQL for a commitment's number as people see it: the incident's number (table alias `i`) followed by the
 * commitment's own ordinal, the `-C<n>` that ends its stored number (alias `c`).
 */
export const COMMITMENT_NUMBER_SQL = `(i.number || substr(c.number, length(rtrim(c.number, '0123456789')) - 1))`;

/**
 * A commitment named by id, by the number people see now, or by the number stored when it was made (what a 督办单
 * printed before an old renumbering still says). Needs aliases `c` and `i`; parameters from commitmentRef().
 */
export const COMMITMENT_REF_SQL = `(c.id = @ref OR c.number = @ref OR (i.number = @incident AND c.number LIKE '%' || @ordinal))`;

export function commitmentRef(ref: string): { ref: string; incident: string; ordinal: string } {
  const match = /^(.*)(-C\d+)$/.exec(ref);
  return { ref, incident: match?.[1] ?? '', ordinal: match?.[2] ?? '\u0000' };
}

/** A commitment's number from its incident's number and its stored one (the JS twin of COMMITMENT_NUMBER_SQL). */
export function commitmentNumber(incidentNumber: string, stored: string): string {
  const ordinal = /-C\d+$/.exec(stored)?.[0];
  return ordinal ? `${incidentNumber}${ordinal}` : stored;
}

/** The next ordinal of an incident's commitments (whatever incident number their stored copies carry). */
export function nextCommitmentNumber(db: Db, incidentId: string, incidentNumber: string): string {
  const stored = cached(db, 'SELECT number FROM commitments WHERE incident_id = ?').pluck().all(incidentId) as string[];
  const max = stored.reduce((m, n) => Math.max(m, Number(/-C(\d+)$/.exec(n)?.[1] ?? 0)), 0);
  return `${incidentNumber}-C${max + 1}`;
}

/** Sets this workstation's code (already validated by the contract); audited like a rename. */
export function setWorkstationCode(ws: Workstation, code: string): void {
  const before = workstationCode(ws.db);
  if (code === before) return;
  const peer = cached(ws.db, 'SELECT name FROM peers WHERE code = ?').get(code) as { name: string } | undefined;
  if (peer) {
    throw new LedgerError('conflict', `对方工作站“${peer.name}”已使用代码“${code}”，请换一个代码`, [
      { path: 'code', message: `“${peer.name}”已使用此代码` },
    ]);
  }
  audited(
    ws.ctx,
    {
      action: 'workstation.code',
      entity: 'workstation',
      entityId: ws.siteId,
      summary: before === '' ? `设置工作站代码“${code}”（此后登记的事件编号如 YQ-年份-${code}-0001）` : `工作站代码“${before}”改为“${code}”（已编的号不变）`,
    },
    () => {
      cached(ws.db, "INSERT INTO meta (key, value) VALUES ('site_code', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(code);
    },
  );
}
