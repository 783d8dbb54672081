import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import { type CalendarOverride, createCalendar, type WorkCalendar } from './calendar.js';

// The office's calendar entries, read from the synced table. A calendar is built per request: entries are few
// (a few dozen per year) and this keeps every answer in step with what sync last brought in.

export function listOverrides(db: Db, year?: number): CalendarOverride[] {
  const rows = (
    year === undefined
      ? cached(db, 'SELECT id, work, name FROM calendar_overrides WHERE deleted = 0 ORDER BY id').all()
      : cached(db, 'SELECT id, work, name FROM calendar_overrides WHERE deleted = 0 AND substr(id, 1, 4) = ? ORDER BY id').all(
          String(year),
        )
  ) as { id: string; work: number; name: string }[];
  return rows.map((r) => ({ date: r.id, work: r.work === 1, name: r.name }));
}

// The calendar last built per connection, with the entries it was built from: a calendar is a pure function of
// its entries, so while they stay the same (a whole import, say) its memo of computed days is kept, not rebuilt.
const lastBuilt = new WeakMap<Db, { key: string; calendar: WorkCalendar }>();

export function loadCalendar(db: Db): WorkCalendar {
  const overrides = listOverrides(db);
  const key = JSON.stringify(overrides);
  const last = lastBuilt.get(db);
  if (last?.key === key) return last.calendar;
  const calendar = createCalendar(overrides);
  lastBuilt.set(db, { key, calendar });
  return calendar;
}
