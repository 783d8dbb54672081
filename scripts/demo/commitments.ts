import type { FollowupKind, RecordedCommitmentStatus, ResponseChannel, Severity } from '../../shared/domain.js';
import type { WorkCalendar } from '../../electron/core/calendar/calendar.js';
import { addWorkdays, computeDeadline } from '../../electron/core/calendar/workdays.js';
import { specOf } from '../../electron/core/ledger/commitments.js';
import type { FieldValue } from '../../electron/core/ledger/tables.js';
import { hashSeed } from './prng.js';
import type { DemoCategory } from './templates.js';
import { FULFIL_DAYS } from './timeline.js';
import { COMMITMENT_EVIDENCE, GIVEN_NAMES, NOT_PUBLISHED_NOTES, PRIMARY_COMMITMENTS, REGISTRARS, SECONDARY_COMMITMENTS, SURNAMES, UNFULFILLABLE_REASONS } from './vocab.js';
import { addDays, chinaDateOf, chinaDayStart, daysBetween, formatYmd, type Ymd } from '../../shared/china-time.js';

// The commitments (承诺) a story implies: made when it enters 跟踪落实 (tied to the first response), fulfilled —
// or, now and then, judged 无法兑现 — in the very mutation that closes it, so the ledger never breaks the closing
// rule; left open when the story is cut at `now` while still tracked, some of them past their deadline and
// 督办/催办 by the office. Like responses.ts, every choice is arithmetic on the incident's index, not a draw from
// the generator's streams, so adding commitments changed no field of any incident a seed already gave.
//
// The rows carry exactly the fields, value types and derived values the core's addCommitment/updateCommitment
// and addFollowup store: the deadline is the core's own specOf + computeDeadline on the ledger's calendar.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A number in [0, n) fixed by the incident's index and what it is for. */
const choose = (index: number, what: string, n: number) => hashSeed('demo-commitments', index, what) % n;

/** The instant of `hh:mm` China time on a China calendar date. */
const chinaTime = (date: Ymd, minutes: number) => Date.parse(chinaDayStart(date)) + minutes * MINUTE;
const floorMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** Working-day factors around a category's typical fulfilment time: most deadlines leave some room. */
const FACTORS = [0.8, 1, 1.2, 1.5, 1.8];
const PUB_CHANNELS: ResponseChannel[] = ['gov_website', 'gov_weibo', 'gov_wechat', 'gov_website', 'gov_douyin', 'media'];

export interface PlannedCommitment {
  /** 1-based: C1, C2 … */
  k: number;
  content: string;
  person: string;
  promisedAt: string;
  /** deadline_kind, deadline_n, deadline_from, deadline, calendar_verified, as the core stores them. */
  deadline: Record<string, FieldValue>;
  deadlineDate: Ymd;
  /** The fields that change when the story closes (null when the story is still tracked at its cut). */
  closing: Record<string, FieldValue> | null;
  outcome: RecordedCommitmentStatus;
}

/** Something done to an open commitment between the story's steps: marked 推进中, or a 督办/催办 follow-up. */
export interface LaterEvent {
  at: string;
  k: number;
  kind: 'in_progress' | Extract<FollowupKind, 'supervise' | 'urge'>;
  content: string;
}

export interface CommitmentPlan {
  commitments: PlannedCommitment[];
  later: LaterEvent[];
}

export interface PlanInput {
  index: number;
  category: DemoCategory;
  severity: Severity;
  unitName: string;
  /** When the story entered 跟踪落实: the commitments are made then. */
  trackingAt: string;
  /** When it reached 已办结, if it has by its cut. */
  closedAt: string | null;
  /** The moment the story is cut at: nothing later happens. */
  asOf: number;
  calendar: WorkCalendar;
}

function personOf(index: number, k: number): string {
  if (choose(index, `nobody${k}`, 20) === 0) return ''; // 责任人 is optional, and sometimes left out
  return `${SURNAMES[choose(index, `surname${k}`, SURNAMES.length)]}${GIVEN_NAMES[choose(index, `given${k}`, GIVEN_NAMES.length)]}`;
}

/** The last day of the month `date` falls in. */
function monthEnd(date: Ymd): Ymd {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** How the deadline was given: mostly N 工作日, sometimes a fixed date (月底前), for a second one N 日. */
function deadlineInput(input: PlanInput, k: number, from: Ymd): { date?: Ymd; workdays?: number; days?: number } {
  const { index, category } = input;
  const typical = (FULFIL_DAYS[category] * 5) / 7;
  const workdays = Math.min(30, Math.max(5, Math.round(typical * FACTORS[choose(index, `factor${k}`, FACTORS.length)]!)));
  const form = choose(index, `form${k}`, 10);
  if (form === 0) {
    let date = monthEnd(addDays(from, Math.round((workdays * 7) / 5)));
    if (daysBetween(from, date) < 7) date = monthEnd(addDays(date, 1));
    return { date };
  }
  if (k > 1 && form <= 3) return { days: [15, 30, 30, 60][choose(index, 'days', 4)]! };
  return { workdays: k > 1 ? Math.min(30, workdays + 5 + choose(index, 'more', 6)) : workdays };
}

function publicationUrl(index: number, k: number, channel: ResponseChannel, at: number): string {
  const h = (what: string) => hashSeed('demo-pub', index, k, what);
  const digits = (what: string, n: number) => {
    let out = String(1 + (h(what) % 9));
    for (let i = 0; out.length < n; i++) out += String(h(`${what}${i}`) % 10);
    return out;
  };
  const alnum = (what: string, n: number) => {
    const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
    let out = '';
    for (let i = 0; out.length < n; i++) out += chars[h(`${what}${i}`) % chars.length];
    return out;
  };
  const day = chinaDateOf(at).replaceAll('-', '');
  switch (channel) {
    case 'gov_website':
      return `https://www.example.gov.cn/zwgk/gsgg/${day.slice(0, 6)}/t${day}_${digits('site', 7)}.html`;
    case 'gov_weibo':
      return `https://weibo.com/${digits('weibo', 10)}/${alnum('weibo', 9)}`;
    case 'gov_wechat':
      return `https://mp.weixin.qq.com/s/${alnum('wechat', 22)}`;
    case 'gov_douyin':
      return `https://www.douyin.com/video/7${digits('douyin', 18)}`;
    case 'media':
      return `https://news.example.cn/${digits('news', 8)}.html`;
    default:
      return '';
  }
}

/**
 * What closing the story records on a commitment: the patch updateCommitment would turn a pending commitment's
 * 已兑现 (evidence, time, 公开情况, sometimes 核查) or 无法兑现 (reason, not published with the reason) into —
 * only the fields that differ from the pending row, as updateCommitment writes them, plus updated_at.
 */
function closingFields(input: PlanInput, k: number, unfulfillable: boolean): Record<string, FieldValue> {
  const { index, category } = input;
  const closedAt = Date.parse(input.closedAt!);
  const span = closedAt - Date.parse(input.trackingAt);
  const after = (gap: number) => iso(Math.max(Date.parse(input.trackingAt), floorMinute(closedAt - gap)));
  const fields: Record<string, FieldValue> = {};
  if (unfulfillable) {
    const reason = UNFULFILLABLE_REASONS[choose(index, 'reason', UNFULFILLABLE_REASONS.length)]!;
    Object.assign(fields, { status: 'unfulfillable', status_reason: reason, pub_state: 'not_published', pub_note: `无法兑现：${reason}` });
  } else {
    const fulfilledAt = after(Math.min(3 * DAY, 0.3 * span) / k);
    Object.assign(fields, { status: 'fulfilled', evidence: COMMITMENT_EVIDENCE[category], fulfilled_at: fulfilledAt });
    if (choose(index, `unpublished${k}`, 100) < 8) {
      Object.assign(fields, { pub_state: 'not_published', pub_note: NOT_PUBLISHED_NOTES[choose(index, 'note', NOT_PUBLISHED_NOTES.length)]! });
    } else {
      const channel = PUB_CHANNELS[choose(index, `channel${k}`, PUB_CHANNELS.length)]!;
      const pubAt = after(Math.min(DAY, 0.1 * span) / k);
      const url = publicationUrl(index, k, channel, Date.parse(pubAt));
      Object.assign(fields, { pub_state: 'published', pub_channel: channel, pub_at: pubAt, ...(url ? { pub_url: url } : {}) });
    }
    if (choose(index, `check${k}`, 4) === 0) {
      Object.assign(fields, {
        check_by: REGISTRARS[choose(index, 'checker', REGISTRARS.length)]!,
        check_at: after(Math.min(2 * HOUR, 0.05 * span)),
        check_result: '经电话回访反映人并现场核实，承诺事项已落实，反映人表示认可',
      });
    }
  }
  fields.updated_at = input.closedAt!;
  return fields;
}

/** The commitments and later events a story that entered 跟踪落实 implies. */
export function planCommitments(input: PlanInput): CommitmentPlan {
  const { index, severity, calendar, asOf } = input;
  const grave = severity === 'major' || severity === 'extreme';
  const count = choose(index, 'count', 10) < (grave ? 6 : 3) ? 2 : 1;
  const unfulfillableK = input.closedAt !== null && choose(index, 'unfulfillable', 100) < 4 ? count : 0;
  const closedAt = input.closedAt === null ? null : Date.parse(input.closedAt);
  const commitments: PlannedCommitment[] = [];
  const later: LaterEvent[] = [];

  for (let k = 1; k <= count; k++) {
    const spec = specOf(deadlineInput(input, k, chinaDateOf(Date.parse(input.trackingAt))), input.trackingAt);
    const computed = computeDeadline(calendar, spec);
    const templates = (k === 1 ? PRIMARY_COMMITMENTS : SECONDARY_COMMITMENTS)[input.category];
    const content = templates[choose(index, `content${k}`, templates.length)]!.replace('{deadline}', formatYmd(computed.date));
    const closing = input.closedAt === null ? null : closingFields(input, k, k === unfulfillableK);
    commitments.push({
      k,
      content,
      person: personOf(index, k),
      promisedAt: input.trackingAt,
      deadline: {
        deadline_kind: 'workdays' in spec ? 'workdays' : 'days' in spec ? 'days' : 'date',
        deadline_n: 'workdays' in spec ? spec.workdays : 'days' in spec ? spec.days : 0,
        deadline_from: 'from' in spec ? spec.from : '',
        deadline: computed.date,
        calendar_verified: computed.verified,
      },
      deadlineDate: computed.date,
      closing,
      outcome: closing === null ? 'pending' : (closing.status as RecordedCommitmentStatus),
    });

    // Open until: the moment it was fulfilled (or the story closed), else the cut.
    const openUntil = closing === null ? asOf : Math.min(closedAt!, Date.parse((closing.fulfilled_at as string | undefined) ?? input.closedAt!)) - HOUR;
    const short = content.length > 30 ? `${content.slice(0, 30)}…` : content;
    if (closing === null && choose(index, `progress${k}`, 2) === 0) {
      const at = chinaTime(addWorkdays(calendar, chinaDateOf(Date.parse(input.trackingAt)), 2), 10 * 60 + choose(index, `pm${k}`, 120));
      if (at <= asOf) later.push({ at: iso(at), k, kind: 'in_progress', content: '' });
    }
    // 督办 the working day after the deadline passed; 催办 five working days later if it is still not done.
    const supervised = choose(index, `supervise${k}`, 10) < (closing === null ? 7 : 4);
    const superviseAt = chinaTime(addWorkdays(calendar, computed.date, 1), 9 * 60 + 30 + choose(index, `sm${k}`, 90));
    if (supervised && superviseAt <= openUntil) {
      later.push({
        at: iso(superviseAt),
        k,
        kind: 'supervise',
        content: `${input.unitName}：承诺“${short}”已超过期限（${formatYmd(computed.date)}）仍未兑现，请于3个工作日内书面报告落实进展。`,
      });
      const urgeAt = chinaTime(addWorkdays(calendar, computed.date, 5), 15 * 60 + choose(index, `um${k}`, 60));
      if (choose(index, `urge${k}`, 2) === 0 && urgeAt <= openUntil) {
        later.push({
          at: iso(urgeAt),
          k,
          kind: 'urge',
          content: `再次催办${input.unitName}：承诺“${short}”已逾期5个工作日，请主要负责同志亲自过问，尽快兑现并公开落实情况。`,
        });
      }
    }
  }
  return { commitments, later: later.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.k - b.k)) };
}
