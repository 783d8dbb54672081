import type { IncidentStatus, Severity } from '../../shared/domain.js';
import type { Rng } from './prng.js';
import type { DemoCategory } from './templates.js';
import { NO_RESPONSE_REASONS, REBOUND_REASONS } from './vocab.js';

// An incident's life as the office lives it: registered minutes after it is found, taken up within hours,
// answered (mostly) inside the response rule (5 h for 重大/特别重大, 48 h otherwise), then either closed or kept
// under 跟踪落实 while commitments are carried out. The whole life is drawn first and then cut at `now`, so the
// mix of statuses follows from age alone: last night's incidents are still 待研判, last year's are 已办结.

export interface StatusStep {
  to: IncidentStatus;
  /** UTC ISO instant of the transition. */
  at: string;
  reason: string;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const NO_RESPONSE_ODDS: Record<Severity, number> = { general: 0.14, large: 0.05, major: 0, extreme: 0 };
const TAKE_UP_HOURS: Record<Severity, number> = { general: 2.5, large: 1.2, major: 0.4, extreme: 0.2 };
const RESPOND_HOURS: Record<Severity, number> = { general: 14, large: 10, major: 2.5, extreme: 2 };
/** How often the response carries commitments, so the incident is tracked before it closes. */
const COMMITMENT_ODDS: Record<Severity, number> = { general: 0.35, large: 0.55, major: 0.7, extreme: 0.85 };
/** Typical days from 跟踪落实 to 已办结: an unfinished building takes longer than a pothole. */
export const FULFIL_DAYS: Record<DemoCategory, number> = {
  realestate: 60, environment: 30, hardship: 20, wages: 20, edu_medical: 25, elderly: 20, other: 15,
  food_drug: 12, work_safety: 30, epidemic: 10,
};

export interface TimelineInput {
  severity: Severity;
  category: DemoCategory;
  registeredAt: number;
  now: number;
}

export function drawTimeline(rng: Rng, input: TimelineInput): StatusStep[] {
  const { severity, category, registeredAt, now } = input;
  const planned: { to: IncidentStatus; at: number; reason: string }[] = [];
  let t = registeredAt;
  const step = (to: IncidentStatus, afterMs: number, reason = '') => {
    t += Math.max(60_000, afterMs); // at least a minute apart, so steps sort in order
    planned.push({ to, at: t, reason });
  };

  if (rng.chance(NO_RESPONSE_ODDS[severity])) {
    step('no_response', rng.between(0.5, 20) * HOUR, rng.pick(NO_RESPONSE_REASONS));
  } else {
    // Now and then an incident waits days for 研判 (facts unclear, the unit disputes it is theirs), or handling
    // drags on before anyone can answer: these are the open items a real ledger always has.
    const stalled = severity === 'general' || severity === 'large';
    step('handling', (stalled && rng.chance(0.02) ? rng.between(2, 20) * 24 : rng.logNormal(TAKE_UP_HOURS[severity], 0.8)) * HOUR);
    step('responded', (stalled && rng.chance(0.03) ? rng.between(2, 15) * 24 : rng.logNormal(RESPOND_HOURS[severity], 0.7)) * HOUR);
    if (rng.chance(0.03)) {
      step('handling', rng.between(1, 10) * DAY, rng.pick(REBOUND_REASONS));
      step('responded', rng.between(3, 48) * HOUR);
    }
    if (rng.chance(COMMITMENT_ODDS[severity])) {
      step('tracking', rng.between(0.5, 48) * HOUR);
      // A few commitments drag on for a year or more (交房, 办证): the long tail of the tracked list.
      const days = rng.chance(0.03) ? rng.between(300, 900) : rng.logNormal(FULFIL_DAYS[category], 0.8);
      step('closed', days * DAY);
    } else {
      step('closed', rng.between(1, 12) * DAY);
    }
  }
  return planned.filter((s) => s.at <= now).map((s) => ({ to: s.to, at: new Date(s.at).toISOString(), reason: s.reason }));
}
