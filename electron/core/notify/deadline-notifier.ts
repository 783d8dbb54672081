import type { ClockEntry } from '../../../shared/api/responses.js';
import { requirementLabel } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { COMMITMENT_NUMBER_SQL } from '../ledger/numbering.js';
import { listClock } from '../ledger/clock.js';
import { recomputeDeadlines } from '../ledger/commitments.js';
import type { LedgerContext } from '../ledger/mutate.js';
import { chinaDateOf, formatYmd } from '../../../shared/china-time.js';

// Desktop notifications for deadlines that have newly passed: commitments (承诺逾期) and response clocks (回应
//超时). Checked at start and every 30 minutes. The core knows nothing of Electron: it calls an injected
// notify(title, body) — the app relays it to Electron's Notification in the main process — and reads time from
// an injected clock, so tests drive it with a fake one. What was already announced is remembered in the local
// `notified` table (not synced: each workstation tells its own user once).

export type Notify = (title: string, body: string) => void;

/** setInterval/clearInterval, or a fake. */
export interface Timer {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface DeadlineNotifierOptions {
  ctx: LedgerContext;
  notify: Notify;
  /** Defaults to ctx.now. */
  now?: () => number;
  timer?: Timer;
  intervalMs?: number;
  /** Overdue, unmet response requirements; defaults to the ledger's response clock. */
  overdueClocks?: (db: Db, nowMs: number) => ClockEntry[];
}

export interface CheckResult {
  commitments: number;
  clocks: number;
}

export const CHECK_INTERVAL_MS = 30 * 60_000;
const SHOWN_IN_BODY = 3;

const defaultOverdueClocks = (db: Db, nowMs: number): ClockEntry[] =>
  listClock(db, { includeMet: false, withinHours: 0, limit: 5000 }, nowMs).filter((e) => e.overdue && e.metAt === null);

interface Event {
  key: string;
  line: string;
}

export function createDeadlineNotifier(options: DeadlineNotifierOptions) {
  const { ctx, notify } = options;
  const db = ctx.db;
  const now = options.now ?? ctx.now;
  const timer: Timer = options.timer ?? {
    setInterval: (fn, ms) => {
      const handle = setInterval(fn, ms);
      handle.unref?.(); // never keep a process (the CLI, a test) alive for this
      return handle;
    },
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  };
  const overdueClocks = options.overdueClocks ?? defaultOverdueClocks;
  let handle: unknown;

  const seen = db.prepare('SELECT 1 FROM notified WHERE kind = ? AND key = ?');
  const remember = db.prepare('INSERT OR IGNORE INTO notified (kind, key, at) VALUES (?, ?, ?)');

  function fresh(kind: string, events: Event[]): Event[] {
    return events.filter((e) => seen.get(kind, e.key) === undefined);
  }

  function announce(kind: string, title: string, events: Event[], nowMs: number): void {
    if (events.length === 0) return;
    const shown = events.slice(0, SHOWN_IN_BODY).map((e) => e.line);
    const more = events.length > SHOWN_IN_BODY ? `\n等共 ${events.length} 项` : '';
    // Remember first: a failing notifier must not make every later check repeat the same message.
    const at = new Date(nowMs).toISOString();
    db.transaction(() => {
      for (const e of events) remember.run(kind, e.key, at);
    })();
    notify(title.replace('{n}', String(events.length)), shown.join('\n') + more);
  }

  function commitmentEvents(nowMs: number): Event[] {
    const today = chinaDateOf(nowMs);
    const rows = db
      .prepare(
        `SELECT c.id, ${COMMITMENT_NUMBER_SQL} AS number, c.content, c.deadline, u.name AS unit FROM commitments c
         JOIN incidents i ON i.id = c.incident_id LEFT JOIN units u ON u.id = c.unit_id
         WHERE c.deleted = 0 AND c.status IN ('pending', 'in_progress') AND c.deadline < ? ORDER BY c.deadline, number`,
      )
      .all(today) as { id: string; number: string; content: string; deadline: string; unit: string | null }[];
    // Keyed by deadline too: a commitment whose deadline was extended and then missed again is news again.
    return rows.map((r) => ({
      key: `${r.id}@${r.deadline}`,
      line: `${r.number} ${r.unit ?? ''}：${r.content.length > 24 ? `${r.content.slice(0, 24)}…` : r.content}（期限 ${formatYmd(r.deadline)}）`,
    }));
  }

  function clockEvents(nowMs: number): Event[] {
    return overdueClocks(db, nowMs).map((e) => ({
      key: `${e.incidentId}:${e.requirement}@${e.dueAt}`,
      line: `${e.number} ${e.title.length > 20 ? `${e.title.slice(0, 20)}…` : e.title}：${requirementLabel(e.requirement, e.hours)}`,
    }));
  }

  /** One check: announces what became overdue since the last one. Returns how many were announced. */
  function check(): CheckResult {
    const nowMs = now();
    try {
      // Overrides that arrived by sync may verify (and move) deadlines computed without them.
      recomputeDeadlines(ctx);
    } catch (error) {
      console.error('[notify] 重新计算承诺期限失败', error);
    }
    const commitments = fresh('commitment', commitmentEvents(nowMs));
    let clocks: Event[] = [];
    try {
      clocks = fresh('clock', clockEvents(nowMs));
    } catch (error) {
      console.error('[notify] 读取回应时限失败', error);
    }
    announce('commitment', '承诺逾期提醒：{n} 项承诺已超过期限', commitments, nowMs);
    announce('clock', '回应超时提醒：{n} 项回应已超过时限', clocks, nowMs);
    return { commitments: commitments.length, clocks: clocks.length };
  }

  return {
    check,
    /** Checks now, then every 30 minutes. */
    start(): void {
      if (handle !== undefined) return;
      check();
      handle = timer.setInterval(() => {
        try {
          check();
        } catch (error) {
          console.error('[notify] 期限检查失败', error);
        }
      }, options.intervalMs ?? CHECK_INTERVAL_MS);
    },
    stop(): void {
      if (handle === undefined) return;
      timer.clearInterval(handle);
      handle = undefined;
    },
  };
}

export type DeadlineNotifier = ReturnType<typeof createDeadlineNotifier>;
