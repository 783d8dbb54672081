// The years whose official holiday arrangement (国务院办公厅放假安排, with 调休) ships inside the app, through the
// chinese-days library the core reads (electron/core/calendar/library.ts). The renderer does not load the library's
// tables just to name their range; tests/renderer/calendar-settings.test.tsx checks these two against the core, so
// upgrading the library fails that test until they are updated.
export const LIBRARY_FIRST_YEAR = 2004;
export const LIBRARY_LAST_YEAR = 2026;
