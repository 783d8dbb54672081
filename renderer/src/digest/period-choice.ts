import { create } from 'zustand';
import { type Period, type PeriodKind, parsePeriod, periodContaining, shiftPeriod } from '../../../shared/china-time.js';

// Which report the 报告 view shows: kept in a store so the header names it (舆情周报 / 月报 / 年报) too.

export const currentPeriod = (kind: PeriodKind, now = new Date()): Period => periodContaining(kind, now.toISOString());

/** The last whole period before today: on Monday the digest is of the week just ended. */
export const lastWhole = (kind: PeriodKind, now = new Date()): string => shiftPeriod(currentPeriod(kind, now), -1).key;

/** Whether a period has begun (a report of one that has not is refused by the core; the picker never offers it). */
export const hasBegun = (key: string, now = new Date()): boolean => {
  const period = parsePeriod(key);
  return period !== undefined && Date.parse(period.start) <= now.getTime();
};

/** The years a 年报 may be asked for: this one back to 2000, newest first. */
export const selectableYears = (now = new Date()): number[] => {
  const last = currentPeriod('year', now).year;
  return Array.from({ length: last - 2000 + 1 }, (_, i) => last - i);
};

interface PeriodChoice {
  kind: PeriodKind;
  period: string;
  choose: (period: string) => void;
  chooseKind: (kind: PeriodKind) => void;
}

export const usePeriodChoice = create<PeriodChoice>((set) => ({
  kind: 'week',
  period: lastWhole('week'),
  choose: (period) => set({ period }),
  chooseKind: (kind) => set({ kind, period: lastWhole(kind) }),
}));
