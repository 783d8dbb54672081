import type { CalendarOverrideEntry } from '../../../shared/api/commitments.js';
import { LedgerError } from '../../../shared/errors.js';
import { parseHolidayNotice } from '../../../shared/holiday-notice.js';
import { recomputeDeadlines } from './commitments.js';
import { type LedgerContext, mutate } from './mutate.js';
import { cached } from './statements.js';
import { formatYmd, yearOf } from '../../../shared/china-time.js';

// The office's own calendar entries (节假日调休), synced like other reference data. Entering the first entry
// of a year marks that year as verified; every open commitment whose deadline depends on the year is then
// recomputed in the same transaction.

export function setCalendarOverride(ctx: LedgerContext, entry: CalendarOverrideEntry): { override: CalendarOverrideEntry; recomputed: number } {
  return ctx.db.transaction(() => {
    mutate(
      ctx,
      {
        action: 'calendar.set',
        entity: 'calendar',
        entityId: entry.date,
        summary: `节假日调休：${formatYmd(entry.date)} ${entry.work ? '上班' : '放假'}${entry.name ? `（${entry.name}）` : ''}`,
      },
      [{ table: 'calendar_overrides', row: entry.date, fields: { work: entry.work, name: entry.name, deleted: false } }],
    );
    return { override: entry, recomputed: recomputeDeadlines(ctx, yearOf(entry.date)) };
  })();
}

export function deleteCalendarOverride(ctx: LedgerContext, date: string): { recomputed: number } {
  return ctx.db.transaction(() => {
    const row = cached(ctx.db, 'SELECT id FROM calendar_overrides WHERE id = ? AND deleted = 0').get(date);
    if (!row) throw new LedgerError('not_found', `${formatYmd(date)} 没有节假日调休记录`);
    mutate(ctx, { action: 'calendar.delete', entity: 'calendar', entityId: date, summary: `删除节假日调休：${formatYmd(date)}` }, [
      { table: 'calendar_overrides', row: date, fields: { deleted: true } },
    ]);
    return { recomputed: recomputeDeadlines(ctx, yearOf(date)) };
  })();
}

/**
 * A whole notice at once (shared/holiday-notice.ts reads it): every entry set in one transaction, so the calendar
 * never holds half a year's holidays. A notice that does not read cleanly is refused with its first problem.
 */
export function importHolidayNotice(ctx: LedgerContext, text: string, year?: number): { saved: number; recomputed: number } {
  const parsed = parseHolidayNotice(text, year);
  if (parsed.problems.length > 0) throw new LedgerError('invalid_input', parsed.problems[0]!);
  return ctx.db.transaction(() => {
    let recomputed = 0;
    for (const entry of parsed.entries) recomputed += setCalendarOverride(ctx, entry).recomputed;
    return { saved: parsed.entries.length, recomputed };
  })();
}
