import { chinaYear } from '../../../shared/china-time.js';
import { applyWinningOps, cached, groupByRow, type LedgerContext, mutate, type Op } from '../ledger/mutate.js';
import type { WireOp } from './payload.js';

// Incident numbers (YQ-2026-0042) are handed out by each workstation on its own, so two offices registering
// offline can give one number to two incidents. The ledger keeps numbers unique (index incidents_number), so an
// import settles every collision it meets, the same way everywhere:
//   - the incident whose current number was claimed first (lowest stamp on its number operation) keeps it;
//   - every other one gets the next free number of that year through an ordinary new operation, which syncs
//     like any edit and is recorded as a conflict for review.
// The rule depends only on operations, so once every workstation holds the same operations no collision is
// left anywhere and none is resolved differently; two workstations that renumber the same incident at once
// just produce two edits of one field, settled by last-writer-wins like any other.

const NUMBER = /^(YQ-\d{4}-)(\d+)$/;

interface Claimant {
  id: string;
  claim: string; // the stamp of the operation that set its number
  incoming: boolean;
}

export function resolveNumbers(
  ctx: LedgerContext,
  wins: readonly WireOp[],
  bundleId: string,
  at: string,
): { renumbered: number; messages: string[] } {
  const { db } = ctx;
  if (wins.length === 0) return { renumbered: 0, messages: [] };
  const blank = (ids: readonly string[]) => {
    if (ids.length === 0) return;
    applyWinningOps(db, groupByRow(ids.map((id): Op => ({ hlc: '', site: '', tbl: 'incidents', row: id, col: 'number', value: '' }))));
  };
  // Clear the old numbers of every incident whose number changes, so numbers can move between incidents freely.
  blank(wins.map((op) => op.row));

  const byNumber = new Map<string, Claimant[]>();
  for (const op of wins) {
    const number = op.value as string;
    if (number === '') continue;
    let list = byNumber.get(number);
    if (!list) byNumber.set(number, (list = []));
    list.push({ id: op.row, claim: op.hlc, incoming: true });
  }
  const holder = cached(db, 'SELECT id FROM incidents WHERE number = ?');
  const claimOf = cached(db, "SELECT max(hlc) AS hlc FROM ops WHERE tbl = 'incidents' AND row = ? AND col = 'number'");
  const keep: WireOp[] = [];
  const losers: { id: string; lost: string; claim: string }[] = [];
  for (const [number, claimants] of byNumber) {
    const existing = holder.get(number) as { id: string } | undefined;
    if (existing) {
      const claim = (claimOf.get(existing.id) as { hlc: string | null }).hlc ?? '';
      claimants.push({ id: existing.id, claim, incoming: false });
    }
    claimants.sort((a, b) => (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
    const [first, ...rest] = claimants;
    if (first!.incoming) keep.push({ hlc: first!.claim, site: '', tbl: 'incidents', row: first!.id, col: 'number', value: number });
    for (const loser of rest) losers.push({ id: loser.id, lost: number, claim: loser.claim });
    blank(rest.filter((c) => !c.incoming).map((c) => c.id));
  }
  applyWinningOps(db, groupByRow(keep));

  const messages: string[] = [];
  const record = cached(
    db,
    `INSERT INTO conflicts (kind, at, bundle_id, tbl, row, col, winner_hlc, winner_value, loser_hlc, loser_value)
     VALUES ('number', ?, ?, 'incidents', ?, 'number', ?, ?, ?, ?)`,
  );
  for (const loser of losers) {
    const next = nextFreeNumber(ctx, loser.lost, loser.id);
    const title = (cached(db, 'SELECT title FROM incidents WHERE id = ?').get(loser.id) as { title: string } | undefined)?.title ?? '';
    const [op] = mutate(
      ctx,
      {
        action: 'renumber',
        entity: 'incident',
        entityId: loser.id,
        summary: `编号 ${loser.lost} 已被另一工作站先登记的事件使用，“${title}”改为 ${next}`,
      },
      [{ table: 'incidents', row: loser.id, fields: { number: next } }],
    );
    record.run(at, bundleId, loser.id, op!.hlc, JSON.stringify(next), loser.claim, JSON.stringify(loser.lost));
    messages.push(`编号冲突：${loser.lost} 已由先登记的事件使用，“${title}”改为 ${next}`);
  }
  return { renumbered: losers.length, messages };
}

/** The next number of the lost number's year (or of the incident's 发现时间 if the lost one is malformed). */
function nextFreeNumber(ctx: LedgerContext, lost: string, id: string): string {
  let prefix = NUMBER.exec(lost)?.[1];
  if (!prefix) {
    const found = (cached(ctx.db, 'SELECT found_at FROM incidents WHERE id = ?').get(id) as { found_at: string } | undefined)?.found_at;
    prefix = `YQ-${found ? chinaYear(found) : new Date(ctx.now()).getUTCFullYear()}-`;
  }
  const last = cached(
    ctx.db,
    'SELECT max(CAST(substr(number, 9) AS INTEGER)) AS seq FROM incidents WHERE substr(number, 1, 8) = ?',
  ).get(prefix) as { seq: number | null };
  return `${prefix}${String((last.seq ?? 0) + 1).padStart(4, '0')}`;
}
