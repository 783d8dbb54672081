import { chinaParts } from '../../../shared/china-time.js';

// When to back up, decided here so the Electron shell only asks: at the first idle moment of a China-time day
// that has no backup yet, and when the app quits — in both cases only if the ledger changed since the last
// good backup (or there is none). "Back up now" never asks.

export type BackupMoment = 'idle' | 'quit';

export interface BackupScheduleState {
  /** When the last good backup was taken (ISO), or null if never. */
  lastGoodAt: string | null;
  /** Whether anything was written since then. */
  changedSince: boolean;
}

const sameChinaDay = (a: string, b: string) => {
  const x = chinaParts(a);
  const y = chinaParts(b);
  return x.year === y.year && x.month === y.month && x.day === y.day;
};

export function backupDue(state: BackupScheduleState, nowIso: string, moment: BackupMoment): boolean {
  if (state.lastGoodAt === null) return true;
  if (!state.changedSince) return false;
  return moment === 'quit' || !sameChinaDay(state.lastGoodAt, nowIso);
}

export const STALE_AFTER_MS = 3 * 86_400_000;

/** The 工作台 warning: no good backup for more than three days, or the second folder could not be reached. */
export function backupWarning(
  state: { lastGoodAt: string | null; secondDir: string | null; secondDirOk: boolean | null },
  nowMs: number,
): { stale: boolean; secondDirUnreachable: boolean } {
  return {
    stale: state.lastGoodAt === null || nowMs - Date.parse(state.lastGoodAt) > STALE_AFTER_MS,
    secondDirUnreachable: state.secondDir !== null && state.secondDirOk === false,
  };
}
