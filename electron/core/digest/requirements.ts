import type { RequirementOutcome } from '../../../shared/api/digest.js';
import { REQUIREMENT_LABELS, REQUIREMENTS, type Requirement, type Severity } from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { getResponseRules } from '../ledger/reference.js';

// The one rule for response requirements: the running clock (ledger/clock.ts) judges at now, reports judge at a
// fixed instant asOf, so a report shows the same figures whenever it is printed:
//   5h  — met by the first public response of any kind (发布权威信息, 国办发〔2016〕80号);
//   24h — met only by a press conference / briefing (新闻发布会);
//   48h — met by the first public response of any kind (国办发〔2016〕61号).
// Hours are clock hours from 发现时间; which requirements apply follows the office's rules per 等级.

const HOUR = 3600_000;

export type Rules = ReadonlyMap<Severity, Readonly<Record<Requirement, number | null>>>;

export function loadRules(db: Db): Rules {
  return new Map(
    getResponseRules(db).map((r) => [r.severity, { '5h': r.infoHours, '24h': r.pressHours, '48h': r.responseHours }] as const),
  );
}

export interface ClockInput {
  severity: Severity;
  found_at: string;
  first_any: string | null;
  first_press: string | null;
}

export type Outcome = 'metInTime' | 'metLate' | 'missed' | 'running';

export interface Judged {
  requirement: Requirement;
  dueMs: number;
  outcome: Outcome;
}

/** Every requirement that applies to the incident, judged at asOf (responses after asOf are not yet known). */
export function judge(incident: ClockInput, rules: Rules, asOfMs: number): Judged[] {
  const rule = rules.get(incident.severity);
  if (!rule) return [];
  const found = Date.parse(incident.found_at);
  return REQUIREMENTS.flatMap((requirement) => {
    const hours = rule[requirement];
    if (hours === null) return [];
    const dueMs = found + hours * HOUR;
    const met = requirement === '24h' ? incident.first_press : incident.first_any;
    const outcome: Outcome =
      // The due instant itself still counts as in time, for a response as for the running clock.
      met !== null ? (Date.parse(met) <= dueMs ? 'metInTime' : 'metLate') : dueMs < asOfMs ? 'missed' : 'running';
    return [{ requirement, dueMs, outcome }];
  });
}

/** Per requirement: how many of the incidents it applied to met it in time, late, not at all, or are still running. */
export function outcomes(incidents: readonly ClockInput[], rules: Rules, asOfMs: number): RequirementOutcome[] {
  const tally = new Map(REQUIREMENTS.map((r) => [r, { metInTime: 0, metLate: 0, missed: 0, running: 0 }]));
  for (const incident of incidents) {
    for (const j of judge(incident, rules, asOfMs)) tally.get(j.requirement)![j.outcome] += 1;
  }
  return REQUIREMENTS.map((requirement) => {
    const t = tally.get(requirement)!;
    const decided = t.metInTime + t.metLate + t.missed;
    return {
      requirement,
      label: REQUIREMENT_LABELS[requirement],
      subject: decided + t.running,
      ...t,
      share: decided === 0 ? null : t.metInTime / decided,
    };
  });
}
