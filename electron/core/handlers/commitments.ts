import type { LedgerHandlers } from '../../../shared/contract.js';
import { LedgerError } from '../../../shared/errors.js';
import { libraryYears } from '../calendar/library.js';
import { listOverrides } from '../calendar/overrides.js';
import { parseHolidayNotice } from '../../../shared/holiday-notice.js';
import { deleteCalendarOverride, importHolidayNotice, setCalendarOverride } from '../ledger/calendar-overrides.js';
import { listClock } from '../ledger/clock.js';
import { closingBlockers } from '../ledger/closing.js';
import { commitmentAttention, getBoard, listDue } from '../ledger/commitment-board.js';
import { addCommitment, getCommitment, listCommitments, previewDeadline, updateCommitment } from '../ledger/commitments.js';
import { addFeedback, listFeedback } from '../ledger/feedback.js';
import { addFollowup, listFollowups } from '../ledger/followups.js';
import { getIncident } from '../ledger/incidents.js';
import { renderSupervisionSheet } from '../print/supervision-sheet.js';
import type { Ledger } from '../open-ledger.js';
import { chinaDateOf } from '../../../shared/china-time.js';

export function commitmentHandlers({ ctx, db }: Ledger) {
  return {
    addCommitment: (input) => addCommitment(ctx, input),
    updateCommitment: ({ id, patch }) => updateCommitment(ctx, id, patch),
    getCommitment: ({ id }) => getCommitment(db, id, ctx.now()),
    listCommitments: ({ incident }) => listCommitments(db, incident, ctx.now()),
    previewDeadline: ({ deadline, promisedAt }) => previewDeadline(db, deadline, promisedAt ?? new Date(ctx.now()).toISOString()),
    getClosingCheck: ({ incident }) => {
      const missing = closingBlockers(db, getIncident(db, incident).id, ctx.now());
      return { canClose: missing.length === 0, missing };
    },
    addFollowup: (input) => addFollowup(ctx, input),
    listFollowups: (filter) => listFollowups(db, filter),
    addFeedback: (input) => addFeedback(ctx, input),
    listFeedback: ({ incident }) => listFeedback(db, incident),
    getCommitmentBoard: ({ unit }) => getBoard(db, ctx.now(), unit),
    listDue: (options) => listDue(db, ctx.now(), options),
    getAttention: () => {
      const nowMs = ctx.now();
      const commitments = commitmentAttention(db, nowMs);
      const overdueClocks = listClock(db, { includeMet: false, withinHours: 0, limit: 5000 }, nowMs).filter((e) => e.overdue).length;
      return { ...commitments, overdueClocks, badge: commitments.overdueCommitments + commitments.dueTodayCommitments };
    },
    renderSupervisionSheet: ({ unit }) => {
      const nowMs = ctx.now();
      const group = getBoard(db, nowMs, unit).groups[0];
      if (!group) {
        const name = (db.prepare('SELECT name FROM units WHERE id = @u OR name = @u').get({ u: unit }) as { name: string } | undefined)?.name ?? unit;
        throw new LedgerError('not_found', `${name}目前没有需要督办的承诺事项`);
      }
      return renderSupervisionSheet(group, { today: chinaDateOf(nowMs) });
    },
    listCalendarOverrides: ({ year }) => listOverrides(db, year),
    setCalendarOverride: (entry) => setCalendarOverride(ctx, entry),
    deleteCalendarOverride: ({ date }) => deleteCalendarOverride(ctx, date),
    previewHolidayNotice: ({ text, year }) => parseHolidayNotice(text, year),
    importHolidayNotice: ({ text, year }) => importHolidayNotice(ctx, text, year),
    getCalendarCoverage: () => libraryYears(),
  } satisfies Partial<LedgerHandlers>;
}
