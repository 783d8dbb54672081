import type { Db } from '../db/open.js';
import { formatHlc, parseHlc } from '../sync/hlc.js';
import type { AuditRow } from './audit.js';
import { clockOf, siteNumber } from './op-store.js';
import { cached } from './statements.js';

// How audit entries are stored (migration 19): `audit_log` keeps the time as milliseconds, the site as its op_sites
// number, the stamps as clock integers and the three sha256 values as 32 bytes, each only where decoding gives back
// the very text that was sealed; the view `audit` shows them as text again. Readers use the view; this is the one
// writer.

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HEX32 = /^[0-9a-f]{64}$/;

/** Milliseconds as a bigint: better-sqlite3 binds a JS number as REAL, which the view would not read as a time. */
function storedTime(at: string): bigint | string {
  if (!ISO_MILLIS.test(at)) return at;
  const millis = Date.parse(at);
  return millis >= 0 && new Date(millis).toISOString() === at ? BigInt(millis) : at;
}

const storedHash = (hex: string): Buffer | string => (HEX32.test(hex) ? Buffer.from(hex, 'hex') : hex);

/** The stamps as clocks of one site, when both are in the exact form the view gives back; else as they are. */
function storedStamps(db: Db, first: string, last: string): { site: number | null; first: bigint | string; last: bigint | string } {
  const a = parseHlc(first);
  const b = parseHlc(last);
  if (!a || !b || a.site !== b.site || formatHlc(a) !== first || formatHlc(b) !== last || a.millis < 0) {
    return { site: null, first, last };
  }
  return { site: siteNumber(db, a.site, true)!, first: clockOf(a.millis, a.counter), last: clockOf(b.millis, b.counter) };
}

/** Appends one sealed entry; the caller holds the transaction and the write guard. */
export function insertAuditRow(db: Db, row: AuditRow): void {
  const stamps = storedStamps(db, row.first_hlc, row.last_hlc);
  cached(
    db,
    `INSERT INTO audit_log (seq, at, site, actor, action, entity, entity_id, summary, op_count, stamp_site, first_hlc, last_hlc,
       ops_digest, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.seq,
    storedTime(row.at),
    siteNumber(db, row.site, true)!,
    row.actor,
    row.action,
    row.entity,
    row.entity_id,
    row.summary,
    row.op_count,
    stamps.site,
    stamps.first,
    stamps.last,
    storedHash(row.ops_digest),
    storedHash(row.prev_hash),
    storedHash(row.hash),
  );
}
