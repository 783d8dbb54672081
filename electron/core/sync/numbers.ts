import { cached, type LedgerContext } from '../ledger/mutate.js';
import { newestStampOf } from '../ledger/op-store.js';
import type { WireOp } from './payload.js';

// Numbers are given once and never change (ledger/numbering.ts): an import applies a number like any other field
// and never renumbers. Workstations with codes cannot give the same number; two given before codes existed
// (YQ-2026-0001 on two workstations that started alone) may meet. Both incidents then keep the number people were
// shown, and the pair is listed for review once, so the office can tell them apart by title when citing them.

export function noteSharedNumbers(ctx: LedgerContext, wins: readonly WireOp[], bundleId: string, at: string): string[] {
  const { db } = ctx;
  const others = cached(db, "SELECT id, title FROM incidents WHERE number = ? AND id <> ? AND deleted = 0");
  const known = cached(db, "SELECT 1 FROM conflicts WHERE kind = 'number' AND ((row = ? AND loser_hlc = ?) OR (row = ? AND loser_hlc = ?))");
  const record = cached(
    db,
    `INSERT INTO conflicts (kind, at, bundle_id, tbl, row, col, winner_hlc, winner_value, loser_hlc, loser_value)
     VALUES ('number', ?, ?, 'incidents', ?, 'number', ?, ?, ?, ?)`,
  );
  const messages: string[] = [];
  for (const op of wins) {
    if (op.tbl !== 'incidents' || op.col !== 'number' || op.value === '') continue;
    for (const other of others.all(op.value, op.row) as { id: string; title: string }[]) {
      const otherClaim = newestStampOf(db, 'incidents', other.id, 'number') ?? '';
      if (known.get(op.row, otherClaim, other.id, op.hlc)) continue;
      const json = JSON.stringify(op.value);
      record.run(at, bundleId, op.row, op.hlc, json, otherClaim, json);
      messages.push(`编号 ${String(op.value)} 同时用于两起事件（其中一起为“${other.title}”，均为设置工作站代码之前所编），编号均保持不变，请引用时注明标题`);
    }
  }
  return messages;
}
