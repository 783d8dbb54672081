import type { ImportResult } from '../../../shared/sync-schemas.js';
import { appendAudit } from '../ledger/audit.js';
import { recomputeDeadlines } from '../ledger/commitments.js';
import { applyWinningOps, cached, catalogueOf, groupByRow, type LedgerContext, noteSeen } from '../ledger/mutate.js';
import { heldOrPruned, opAt, storeOps, winnersOfRow } from '../ledger/op-store.js';
import { BundleError } from './errors.js';
import { createHlc, parseHlc } from './hlc.js';
import type { Manifest } from './manifest.js';
import { notePeerAuditSeen, receiveChains } from './audit-chains.js';
import { holdForUpgrade, NEWER_VERSION_NOTICE } from './held.js';
import { noteSharedNumbers } from './numbers.js';
import type { WireConflict, WireOp } from './payload.js';
import type { Staging } from './staging.js';
import { FIRST_SYNC_VERSION } from '../ledger/tables.js';
import { notePeerSeen } from './peers.js';
import { releaseQuarantine, quarantine } from './quarantine.js';
import { checkRows } from './row-rules.js';

// Applying a verified, validated bundle: one IMMEDIATE transaction that records the new operations, writes the
// winner of every field (last writer wins by stamp; the stamp ends with the site id, so equal times break ties
// by site), keeps concurrent edits for review, lists a number given twice before workstation codes (never renumbering),
// notes what the sender holds, records the bundle and appends the audit entry. Any throw rolls all of it back.
//
// Invariant kept by every import: each field of each row holds the value of its highest-stamped operation. Two
// ledgers holding the same operations therefore hold the same rows, whatever order the bundles came in.

export interface Incoming {
  manifest: Manifest;
  senderName: string;
  /** The bundle's checked content, verified against the manifest (staging.ts). */
  staging: Staging;
  file: string;
  bytes: number;
}

/**
 * A chunk's size: whole rows are applied together, so a chunk may run past these by one row. Every operation of a chunk
 * is held as an object, with the maps the rules and the winners build over it, for the chunk's whole time: the bytes
 * bound keeps a chunk of long texts (a field may hold 1,000,000 characters) as small as one of short fields.
 */
const CHUNK = { ops: 4096, bytes: 1024 * 1024 };
/** Audit entries received at a time: short-lived objects, gone before the collector moves them to the old heap. */
const CHAIN_PIECE = 500;
/**
 * The ledger's page cache while a bundle applies, in KiB (PRAGMA cache_size, negative): the ledger keeps 64 MiB
 * (db/open.ts), which a full bundle fills with pages it writes once — a quarter of the memory budget. The import's
 * pages spill to the WAL instead, and the cache is given back when the import ends. Only for a bundle that large (a
 * newcomer's first full bundle): a small one keeps the ledger's pages it looks its rows up in.
 */
const IMPORT_CACHE_KIB = 16 * 1024;
const LARGE_BUNDLE_OPS = 100_000;

export interface ApplyOptions {
  confirmMassDelete: boolean;
  /** Compute the result and roll everything back (a preview). */
  dryRun: boolean;
  maxDriftMs: number;
}

interface Stored {
  hlc: string;
  value: string; // JSON text as stored
}

/** Thrown to roll a preview back: carries the result out of the transaction. */
class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

export function applyBundle(ctx: LedgerContext, incoming: Incoming, options: ApplyOptions): ImportResult {
  const { db } = ctx;
  // The import works on a copy of the clock, handed on only once the transaction has committed: a preview, or an
  // import that fails and rolls back, leaves this workstation's clock exactly where it was.
  const scratch = createHlc({ site: ctx.site, now: ctx.now, last: ctx.hlc.last() });
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  if (incoming.manifest.opCount > LARGE_BUNDLE_OPS) db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    const result = db.transaction(() => ctx.guard.allow(() => applyInTransaction({ ...ctx, hlc: scratch }, incoming, options))).immediate();
    if (scratch.last() > ctx.hlc.last()) ctx.hlc.receive(scratch.last());
    return result;
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      // Deferred foreign keys are checked at COMMIT: an operation pointed at a record neither side has.
      throw new BundleError('operation', '同步包中的记录引用了本台账和同步包里都不存在的记录（如单位、乡镇或事件），已拒绝整个同步包');
    }
    throw error;
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

function applyInTransaction(ctx: LedgerContext, incoming: Incoming, options: ApplyOptions): ImportResult {
  const { db } = ctx;
  const { manifest } = incoming;
  const nowMs = ctx.now();
  const at = new Date(nowMs).toISOString();
  const base: ImportResult = {
    bundleId: manifest.bundleId,
    sender: { siteId: manifest.sender.site, name: incoming.senderName, fingerprint: manifest.sender.fingerprint },
    createdAt: manifest.createdAt,
    applied: 0,
    duplicates: 0,
    conflicts: 0,
    quarantined: 0,
    released: 0,
    renumbered: 0,
    deletions: 0,
    liveRows: 0,
    alreadyImported: false,
    needsConfirmation: false,
    messages: [],
  };
  if (cached(db, "SELECT 1 FROM bundles WHERE bundle_id = ? AND direction = 'in'").get(manifest.bundleId)) {
    return { ...base, duplicates: manifest.opCount, alreadyImported: true, messages: ['此同步包此前已导入，本次未作任何改变'] };
  }
  // Rows may arrive before what they point at (an incident before its new township): check at COMMIT.
  db.pragma('defer_foreign_keys = ON');
  const { staging } = incoming;
  const forged = () => new BundleError('operation', '同步包中有声称由本工作站产生、但本工作站并无记录的操作（可能是伪造），已拒绝');
  const maxBySite = new Map<string, string>();
  const noteMax = (op: { site: string; hlc: string }) => {
    if ((maxBySite.get(op.site) ?? '') < op.hlc) maxBySite.set(op.site, op.hlc);
  };

  // Operations on fields a newer version syncs are kept for it.
  let keptForLater = 0;
  for (const batch of staging.newerOps(CHUNK.ops)) {
    for (const op of batch) {
      if (op.site === ctx.site && !heldOrPruned(db, op.hlc)) throw forged();
      noteMax(op);
    }
    keptForLater += holdForUpgrade(db, batch, manifest.syncVersion ?? FIRST_SYNC_VERSION, manifest.bundleId, at);
  }
  // Earlier quarantined operations whose time has come join the bundle's; one the sender sent again is the bundle's.
  const releasedAll = releaseQuarantine(db, nowMs, options.maxDriftMs);
  staging.addReleased(releasedAll);
  const releasedStamps = new Set(releasedAll.map((op) => op.hlc));
  const live = staging.hasDeletions() ? liveCounts(ctx) : { liveRows: 0, liveIncidents: 0 };

  let drifted = 0;
  let duplicates = 0;
  let applied = 0;
  let releasedHeld = 0;
  let deletions = 0;
  let incidentDeletions = 0;
  let recorded = 0;
  const heldRows = { rows: 0, ops: 0, first: '' };
  const numberMessages: string[] = [];
  const calendarYears = new Set<number>();
  // Applied whole rows at a time, tables in reference order: a row's references were decided by an earlier chunk
  // (applied, so in the ledger; or held, so not) or are in its own chunk, where the row rules see both.
  for (const { ops, released } of staging.rowChunks(CHUNK)) {
    // Stamps far ahead of our clock are held aside; our own operations can only come back to us (a "new" one in our
    // name is forged: it would also break the audit chain, which seals this site's operations).
    const accepted: WireOp[] = [];
    const ahead: WireOp[] = [];
    for (const op of ops) {
      if (op.site === ctx.site && !released.has(op.hlc) && !heldOrPruned(db, op.hlc)) throw forged();
      if (!released.has(op.hlc) && parseHlc(op.hlc)!.millis - nowMs > options.maxDriftMs) ahead.push(op);
      else accepted.push(op);
    }
    quarantine(db, ahead, manifest.bundleId, at);
    drifted += ahead.length;

    // What each touched field holds now, before this bundle.
    const stored = storedWinners(ctx, accepted);
    // A row the bundle would leave incomplete or pointing at nothing waits in quarantine instead (row-rules.ts).
    const rows = checkRows(db, accepted, (op) => (stored.get(fieldKey(op))?.hlc ?? '') < op.hlc);
    quarantine(db, rows.hold, manifest.bundleId, at);
    heldRows.rows += rows.held.length;
    heldRows.ops += rows.hold.length;
    if (heldRows.first === '' && rows.held.length > 0) heldRows.first = rows.held[0]!.reason;
    for (const op of rows.hold) if (releasedStamps.has(op.hlc)) releasedHeld += 1;
    const all = rows.apply;

    // Record the operations; ones we already hold must be identical (a stamp names one operation forever).
    const fresh: WireOp[] = [];
    const outcomes = storeOps(db, all);
    all.forEach((op, i) => {
      if (outcomes[i] === 'new') fresh.push(op);
      else if (outcomes[i] === 'same') duplicates += 1;
      else throw new BundleError('operation', `同步包中的操作与本机已有的同一时间戳操作内容不同（${op.hlc}），文件可能被篡改，已拒绝`);
    });

    // The winner of each field among the new operations, against what the field held.
    const newest = new Map<string, WireOp>();
    for (const op of fresh) {
      const key = fieldKey(op);
      const best = newest.get(key);
      if (!best || op.hlc > best.hlc) newest.set(key, op);
    }
    const winners: WireOp[] = [];
    const found: WireConflict[] = [];
    for (const [key, op] of newest) {
      const had = stored.get(key);
      if (had && !released.has(op.hlc) && !HOUSEKEEPING.has(op.col) && isConcurrent(op, had, manifest.seen)) {
        const incomingWins = op.hlc > had.hlc;
        found.push({ tbl: op.tbl, row: op.row, col: op.col, winner: incomingWins ? op.hlc : had.hlc, loser: incomingWins ? had.hlc : op.hlc });
      }
      if (!had || op.hlc > had.hlc) winners.push(op);
    }
    const gone = countDeletions(ctx, winners);
    deletions += gone.deletions;
    incidentDeletions += gone.incidentDeletions;

    // The clock moves past what we accepted (never past what we held aside), so our next edits win over these.
    const top = fresh.reduce<string | undefined>((max, op) => (max === undefined || op.hlc > max ? op.hlc : max), undefined);
    if (top) ctx.hlc.receive(top);

    applyWinningOps(db, groupByRow(winners));
    numberMessages.push(...noteSharedNumbers(ctx, winners, manifest.bundleId, at));
    for (const op of fresh) noteMax(op);
    recorded += recordConflicts(ctx, found, manifest.bundleId, at);
    applied += fresh.filter((op) => !released.has(op.hlc)).length;
    for (const op of winners) if (op.tbl === 'calendar_overrides') calendarYears.add(Number(op.row.slice(0, 4)));
  }
  const releasedApplied = releasedAll.length - releasedHeld;

  const { liveRows, liveIncidents } = live;
  const needsConfirmation =
    deletions > 0 && (deletions * 2 > liveRows || (incidentDeletions > 0 && incidentDeletions * 2 > liveIncidents));
  if (needsConfirmation && !options.confirmMassDelete && !options.dryRun) {
    // Everything applied so far rolls back with this throw.
    throw new BundleError(
      'confirm',
      `此同步包将删除 ${deletions} 条记录（本台账现有 ${liveRows} 条，其中舆情事件删除 ${incidentDeletions} / ${liveIncidents} 条），超过一半。` +
        '请与发送方核实无误后，确认再导入（命令行加 --confirm-delete）。',
    );
  }

  for (const [site, hlc] of maxBySite) noteSeen(db, site, hlc);
  notePeerSeen(db, manifest.sender.site, manifest.seen);
  for (const chain of staging.chains(CHAIN_PIECE)) receiveChains(db, ctx.site, [chain], at);
  notePeerAuditSeen(db, manifest.sender.site, manifest.auditSeen ?? {});
  // Conflicts the sender recorded, once all the bundle's operations are stored.
  for (const list of staging.conflicts()) recorded += recordConflicts(ctx, list, manifest.bundleId, at);

  const result: ImportResult = {
    ...base,
    applied,
    duplicates,
    conflicts: recorded + numberMessages.length,
    quarantined: drifted + heldRows.ops,
    released: releasedApplied,
    renumbered: 0, // numbers never change on import any more (sync/numbers.ts)
    deletions,
    liveRows,
    needsConfirmation,
    messages: [
      ...(drifted > 0
        ? [`${drifted} 条操作的时间比本机时钟快 24 小时以上（发送方时钟可能有误），已隔离，未应用，也未改动本机时钟`]
        : []),
      ...(releasedApplied > 0 ? [`此前隔离的 ${releasedApplied} 条操作已具备条件，本次已应用`] : []),
      ...(heldRows.rows > 0
        ? [
            `${heldRows.rows} 条记录不完整或引用了本台账没有的记录（如${heldRows.first}），其 ${heldRows.ops} 条操作已隔离，` +
              '待补全它们的操作到达后自动应用',
          ]
        : []),
      ...(keptForLater > 0 ? [`${NEWER_VERSION_NOTICE}（${keptForLater} 条内容已保存，本程序升级后自动显示）`] : []),
      ...numberMessages,
    ],
  };

  cached(
    db,
    `INSERT INTO bundles (bundle_id, direction, peer_site, peer_name, at, created_at, file, bytes, op_count, full, passphrase,
       applied, duplicates, conflicts, quarantined, renumbered, payload_sha256)
     VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    manifest.bundleId, manifest.sender.site, incoming.senderName, at, manifest.createdAt, incoming.file, incoming.bytes,
    manifest.opCount, manifest.full ? 1 : 0, manifest.recipients.passphrase ? 1 : 0, result.applied, result.duplicates,
    result.conflicts, result.quarantined, result.renumbered, manifest.payload.sha256,
  );
  // The audit entry seals the bundle id and its counts; the operations it brought belong to other sites and are
  // sealed by the bundle's signature and payload hash (recorded above), so the entry itself carries none.
  appendAudit(
    ctx,
    {
      action: 'import',
      entity: 'bundle',
      entityId: manifest.bundleId,
      summary:
        `导入来自“${incoming.senderName}”（${manifest.sender.site}）的同步包 ${manifest.bundleId.slice(0, 8)}` +
        `（SHA-256 ${manifest.payload.sha256.slice(0, 12)}）：新操作 ${result.applied} 条，已有 ${duplicates} 条，` +
        `冲突 ${result.conflicts} 条，隔离 ${result.quarantined} 条`,
    },
    [],
  );
  // Deadlines follow the calendar: an office entry for a day that arrives here moves this workstation's open
  // commitments of that year too — the sender could recompute only the commitments it held.
  let recomputed = 0;
  for (const year of calendarYears) recomputed += recomputeDeadlines(ctx, year);
  if (recomputed > 0) result.messages.push(`按收到的节假日调整，重新计算了 ${recomputed} 项承诺期限`);
  if (options.dryRun) throw new DryRun(result);
  return result;
}

/** Fields every edit touches: two edits of one incident always "conflict" on them, which tells nobody anything. */
const HOUSEKEEPING = new Set(['updated_at']);

/**
 * Records conflicts found here or carried by the bundle, once each: only for fields whose two operations we
 * hold, with the values read from our own operation log (a bundle cannot put words in a conflict).
 */
function recordConflicts(ctx: LedgerContext, list: readonly WireConflict[], bundleId: string, at: string): number {
  const opOf = (stamp: string) => {
    const op = opAt(ctx.db, stamp);
    return op && { tbl: op.tbl, row: op.row, col: op.col, value: JSON.stringify(op.value) };
  };
  const known = cached(ctx.db, 'SELECT 1 FROM conflicts WHERE tbl = ? AND row = ? AND col = ? AND winner_hlc = ? AND loser_hlc = ?');
  const insert = cached(
    ctx.db,
    `INSERT INTO conflicts (kind, at, bundle_id, tbl, row, col, winner_hlc, winner_value, loser_hlc, loser_value)
     VALUES ('field', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let recorded = 0;
  for (const c of list) {
    if (c.winner <= c.loser || HOUSEKEEPING.has(c.col)) continue;
    const winner = opOf(c.winner);
    const loser = opOf(c.loser);
    const sameField = (op: typeof winner) => op !== undefined && op.tbl === c.tbl && op.row === c.row && op.col === c.col;
    if (!sameField(winner) || !sameField(loser)) continue;
    if (known.get(c.tbl, c.row, c.col, c.winner, c.loser)) continue;
    insert.run(at, bundleId, c.tbl, c.row, c.col, c.winner, winner!.value, c.loser, loser!.value);
    recorded += 1;
  }
  return recorded;
}

const fieldKey = (op: { tbl: string; row: string; col: string }) => `${op.tbl}\u0000${op.row}\u0000${op.col}`;

/**
 * Two edits of one field are concurrent when, at this exchange, neither side had seen the other's: the edit
 * is new to us, and the sender's version vector does not cover the value we hold. Equal values or one site
 * editing its own field twice are not conflicts.
 */
function isConcurrent(op: WireOp, had: Stored, senderSeen: Readonly<Record<string, string>>): boolean {
  if (had.value === JSON.stringify(op.value)) return false;
  const hadSite = parseHlc(had.hlc)!.site;
  if (hadSite === op.site) return false;
  const covered = senderSeen[hadSite];
  return covered === undefined || covered < had.hlc;
}

function storedWinners(ctx: LedgerContext, ops: readonly WireOp[]): Map<string, Stored> {
  const rows = new Map<string, { tbl: string; row: string }>();
  for (const op of ops) rows.set(`${op.tbl}\u0000${op.row}`, op);
  const out = new Map<string, Stored>();
  for (const { tbl, row } of rows.values()) {
    for (const [col, op] of winnersOfRow(ctx.db, tbl, row)) out.set(fieldKey({ tbl, row, col }), { hlc: op.hlc, value: JSON.stringify(op.value) });
  }
  return out;
}

/** Deletions among the winning operations of rows live in the ledger now. */
function countDeletions(ctx: LedgerContext, winners: readonly WireOp[]) {
  let deletions = 0;
  let incidentDeletions = 0;
  for (const op of winners) {
    if (op.col !== 'deleted' || op.value !== true) continue;
    const live = cached(ctx.db, `SELECT 1 FROM ${op.tbl} WHERE id = ? AND deleted = 0`).get(op.row);
    if (!live) continue;
    deletions += 1;
    if (op.tbl === 'incidents') incidentDeletions += 1;
  }
  return { deletions, incidentDeletions };
}

/** Live rows before the bundle, to weigh its deletions against. */
function liveCounts(ctx: LedgerContext) {
  let liveRows = 0;
  let liveIncidents = 0;
  for (const table of Object.keys(catalogueOf(ctx))) {
    const n = (cached(ctx.db, `SELECT count(*) AS n FROM ${table} WHERE deleted = 0`).get() as { n: number }).n;
    liveRows += n;
    if (table === 'incidents') liveIncidents = n;
  }
  return { liveRows, liveIncidents };
}
