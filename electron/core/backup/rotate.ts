import { chinaParts } from '../../../shared/china-time.js';

// Which backups to keep: the newest of each of the last N days, N ISO weeks and N months that have backups
// (China time), the usual grandfather-father-son scheme. A backup kept by any rule stays. Pure: the caller
// deletes what this returns.

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

const dayKey = (iso: string) => {
  const p = chinaParts(iso);
  return `${p.year}-${p.month}-${p.day}`;
};

const monthKey = (iso: string) => {
  const p = chinaParts(iso);
  return `${p.year}-${p.month}`;
};

/** The China-time Monday that starts the week of `iso`, as a day key. */
const weekKey = (iso: string) => {
  const p = chinaParts(iso);
  const daysSinceMonday = (p.weekday + 6) % 7;
  return dayKey(new Date(Date.parse(iso) - daysSinceMonday * 86_400_000).toISOString());
};

/** The backups (by their `at`) to delete; the newest backup is always kept. */
export function backupsToPrune<T extends { at: string }>(backups: readonly T[], policy: RotationPolicy): T[] {
  const newestFirst = [...backups].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const keep = new Set<T>(newestFirst.slice(0, 1));
  for (const [key, limit] of [
    [dayKey, policy.daily],
    [weekKey, policy.weekly],
    [monthKey, policy.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const bucket = key(backup.at);
      if (seen.has(bucket)) continue;
      if (seen.size >= limit) break;
      seen.add(bucket);
      keep.add(backup);
    }
  }
  return newestFirst.filter((b) => !keep.has(b));
}
