import { z } from 'zod';
import { text } from '../text.js';
import { noInput } from './app.js';

// A year's holidays entered at once: the 国务院办公厅 notice pasted as text, read by shared/holiday-notice.ts in
// the core, shown to the person, and saved only when it reads cleanly and the person confirms.

const noticeInput = z.strictObject({
  text: text({ error: '请粘贴通知正文' }).trim().min(1, { error: '请粘贴通知正文' }).max(20_000, { error: '通知正文过长（不超过2万字）' }),
  /** The year chosen in 设置, used when the pasted text does not name one. */
  year: z.number().int().min(2000).max(2100).optional(),
});

const entry = z.object({ date: text(), work: z.boolean(), name: text() });

export const parsedNoticeSchema = z.object({
  year: z.number().int().optional(),
  holidays: z.array(z.object({ name: text(), off: z.array(text()), work: z.array(text()) })),
  entries: z.array(entry),
  problems: z.array(text()),
});
export type ParsedNoticeResult = z.infer<typeof parsedNoticeSchema>;

/** The years whose official arrangement ships inside the app (the core's calendar library). */
export const calendarCoverageSchema = z.object({ firstYear: z.number().int(), lastYear: z.number().int() });
export type CalendarCoverage = z.infer<typeof calendarCoverageSchema>;

export const holidayMethods = {
  /** What the notice says, day by day, and anything that does not add up; saves nothing. */
  previewHolidayNotice: { input: noticeInput, output: parsedNoticeSchema },
  /** Saves every day of the notice as the office's calendar entries in one transaction; refused while it has problems. */
  importHolidayNotice: { input: noticeInput, output: z.object({ saved: z.number().int(), recomputed: z.number().int() }) },
  /** The years the built-in official calendar covers; other years need the office's own entries. */
  getCalendarCoverage: { input: noInput, output: calendarCoverageSchema },
} as const;
