import type { Digest } from '../../../shared/api/digest.js';
import type { PaperSettings } from '../../../shared/api/paper.js';
import { PLATFORM_LABELS, PLATFORMS, RESPONSE_CHANNEL_LABELS, RESPONSE_CHANNELS, RESPONSE_METHOD_LABELS, RESPONSE_METHODS, SEVERITIES, SEVERITY_INFO, STATUS_LABELS, STATUSES, type ResponseChannel, type ResponseMethod } from '../../../shared/domain.js';
import { LedgerError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import type { Report } from '../progress.js';
import { getResponseRules } from '../ledger/reference.js';
import { cached } from '../ledger/statements.js';
import { commitmentSection } from './commitments.js';
import { issueLabel, rangeLabel, REPORT_TITLES, trendLabel } from './labels.js';
import { requirementText } from './text.js';
import { loadNames, type Names } from './names.js';
import { openClocks } from './open-clocks.js';
import { loadRules, outcomes } from './requirements.js';
import { countFound, type PeriodIncident, periodIncidents } from './scan.js';
import { reportSimilarity } from '../similarity/report.js';
import { type Period, parsePeriod, shiftPeriod, addDays, chinaDateOf } from '../../../shared/china-time.js';

// THE computation of a report: every figure the CLI prints and the print page shows comes from here, once.
// Figures are taken at asOf — the end of the period, or now while it is still running — so a week's digest
// printed on Monday and printed again next month says the same thing.

type CountRow = Digest['byCategory'][number];

function tally<K extends string>(keys: readonly K[], labels: (k: K) => string, values: Iterable<K>): CountRow[] {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, label: labels(code), count }));
}

/** Most first; ties keep the canonical order (the sort is stable). */
const byCount = (rows: CountRow[]) => [...rows].sort((a, b) => b.count - a.count);

function incidentBreakdowns(incidents: readonly PeriodIncident[], names: Names): Pick<Digest, 'byCategory' | 'bySeverity' | 'byPlatform' | 'byTownship' | 'byStatus'> {
  const categoryCodes = incidents.flatMap((i) => JSON.parse(i.categories) as string[]);
  const known = names.categoryOrder.map((c) => c.code);
  const extra = [...new Set(categoryCodes.filter((c) => !known.includes(c)))]; // filed under a since-deleted category
  const townships = byCount(
    tally<string>([], (id) => (id === '' ? '未填写涉事地域' : names.township(id)), incidents.map((i) => i.township_id ?? '')),
  );
  return {
    byCategory: byCount(tally([...known, ...extra], names.category, categoryCodes)),
    // Most severe first, as the grading is read.
    bySeverity: tally([...SEVERITIES].reverse(), (s) => SEVERITY_INFO[s].label, incidents.map((i) => i.severity)),
    byPlatform: byCount(tally(PLATFORMS, (p) => PLATFORM_LABELS[p], incidents.map((i) => i.platform))),
    byTownship: townships,
    byStatus: tally(STATUSES, (s) => STATUS_LABELS[s], incidents.map((i) => i.status)),
  };
}

interface ResponseRow {
  incident_id: string;
  at: string;
  method: ResponseMethod;
  channel: ResponseChannel;
  unit_id: string | null;
  content: string;
}

// The responses of the period's 重大 and above, in one read for all of them (a year has thousands; a query each cost
// more than the reading), each incident's in time order.
const KEY_RESPONSES_SQL = `SELECT r.incident_id, r.at, r.method, r.channel, r.unit_id, r.content
  FROM incidents i JOIN responses r INDEXED BY responses_incident_at ON r.incident_id = i.id
  WHERE i.deleted = 0 AND i.found_at >= @start AND i.found_at < @end AND i.severity IN ('major', 'extreme') AND r.deleted = 0 AND r.at < @asOf
  ORDER BY r.incident_id, r.at, r.id`;

export function keyIncidents(db: Db, incidents: readonly PeriodIncident[], names: Names, range: { start: string; end: string; asOf: string }): Digest['keyIncidents'] {
  const key = incidents
    .filter((i) => i.severity === 'major' || i.severity === 'extreme')
    .sort((a, b) => Number(b.severity === 'extreme') - Number(a.severity === 'extreme') || a.found_at.localeCompare(b.found_at));
  const responses = new Map<string, Digest['keyIncidents'][number]['responses']>();
  for (const r of cached(db, KEY_RESPONSES_SQL).all(range) as ResponseRow[]) {
    let list = responses.get(r.incident_id);
    if (!list) responses.set(r.incident_id, (list = []));
    list.push({
      at: r.at,
      method: RESPONSE_METHOD_LABELS[r.method] ?? r.method,
      channel: RESPONSE_CHANNEL_LABELS[r.channel] ?? r.channel,
      unit: names.unit(r.unit_id),
      content: r.content,
    });
  }
  return key.map((i) => ({
    number: i.number,
    title: i.title,
    severity: i.severity,
    status: i.status,
    foundAt: i.found_at,
    platform: PLATFORM_LABELS[i.platform] ?? i.platform,
    categories: (JSON.parse(i.categories) as string[]).map(names.category),
    township: names.township(i.township_id),
    leadUnit: names.unit(i.lead_unit_id),
    responses: responses.get(i.id) ?? [],
  }));
}

function responseFigures(db: Db, incidents: readonly PeriodIncident[], start: string, asOf: string): Digest['response'] {
  const noResponseNeeded = incidents.filter((i) => i.status === 'no_response').length;
  const toRespond = incidents.length - noResponseNeeded;
  const responded = incidents.filter((i) => i.status !== 'no_response' && i.first_any !== null).length;
  // One pass over the period's responses, counted by 方式 and by 渠道.
  const made = cached(
    db,
    'SELECT method, channel, count(*) AS n FROM responses WHERE deleted = 0 AND at >= ? AND at < ? GROUP BY method, channel',
  ).all(start, asOf) as { method: ResponseMethod; channel: ResponseChannel; n: number }[];
  const countBy = <K extends string>(keys: readonly K[], labels: Record<K, string>, keyOf: (row: (typeof made)[number]) => string) =>
    keys.map((code) => ({ code, label: labels[code], count: made.filter((r) => keyOf(r) === code).reduce((sum, r) => sum + r.n, 0) }));
  const byMethod = countBy(RESPONSE_METHODS, RESPONSE_METHOD_LABELS, (r) => r.method);
  const byChannel = countBy(RESPONSE_CHANNELS, RESPONSE_CHANNEL_LABELS, (r) => r.channel);
  return {
    toRespond,
    responded,
    noResponseNeeded,
    rate: toRespond === 0 ? null : responded / toRespond,
    responsesMade: made.reduce((sum, r) => sum + r.n, 0),
    byMethod,
    byChannel,
    pressConferences: byMethod.find((m) => m.code === 'press_conference')!.count,
  };
}

// A year report is the one slow enough to show progress: its steps are the scan, each month of the trend, done.
const YEAR_STEPS = 13;

function trendOf(db: Db, period: Period, report?: Report): Digest['trend'] {
  // A week shows the 8 weeks to it; a month the 12 months to it; a year its own 12 months.
  const length = period.kind === 'week' ? 8 : 12;
  const periods: Period[] = Array.from({ length }, (_, i) =>
    period.kind === 'year' ? parsePeriod(`${period.year}-${String(i + 1).padStart(2, '0')}`)! : shiftPeriod(period, i - length + 1),
  );
  return periods.map((p, i) => {
    const count = countFound(db, p.start, p.end);
    report?.('逐月统计', i + 1, YEAR_STEPS);
    return { period: p.key, label: trendLabel(p, i === 0), count };
  });
}

/** 共性问题 and 反弹 of a period: similarity/report.ts, or (in the bench) the same figures read beforehand. */
export type SimilarityOf = (db: Db, range: { start: string; end: string; asOf: string }) => Pick<Digest, 'commonIssues' | 'recurrences'>;

/**
 * The report of one period, its figures taken at min(now, end of period); a year's reports its progress.
 * The similarity part is passed in so its cost can be measured apart from the rest's (scripts/bench/rows/digest.ts).
 */
export function computeDigest(
  db: Db,
  periodKey: string,
  nowMs: number,
  onProgress?: Report,
  masthead?: PaperSettings,
  similarityOf: SimilarityOf = reportSimilarity,
): Digest {
  const period = parsePeriod(periodKey);
  if (!period) throw new LedgerError('invalid_input', `统计周期“${periodKey}”无效`);
  if (nowMs < Date.parse(period.start)) {
    throw new LedgerError('invalid_input', `输入有误：${rangeLabel(period.firstDay, period.lastDay)}尚未开始，无法生成报告`);
  }
  const asOf = new Date(Math.min(nowMs, Date.parse(period.end))).toISOString();
  // Weeks and months take milliseconds: a bar would only flash.
  const report = period.kind === 'year' ? onProgress : undefined;
  report?.('汇总事件', 0, YEAR_STEPS);
  const previous = shiftPeriod(period, -1);
  const names = loadNames(db);
  const rules = loadRules(db);
  const incidents = periodIncidents(db, { start: period.start, end: period.end, asOf });
  // A period still running is compared with the same stretch of the previous one, not with all of it.
  const running = Date.parse(asOf) < Date.parse(period.end);
  const previousUntil = running
    ? new Date(Math.min(Date.parse(previous.end), Date.parse(previous.start) + (Date.parse(asOf) - Date.parse(period.start)))).toISOString()
    : previous.end;
  const previousIncidents = countFound(db, previous.start, previousUntil);
  const nextFirst = chinaDateOf(Date.parse(period.end));
  const nextLast = addDays(nextFirst, 6);
  const horizon = new Date(Date.parse(period.end) + 7 * 86_400_000).toISOString();
  const requirements = outcomes(incidents.filter((i) => i.status !== 'no_response'), rules, Date.parse(asOf));
  const responseRules = getResponseRules(db);
  // Named in the hours the office set (4小时内… when 设置 says 4), as the print page names them.
  for (const o of requirements) o.label = requirementText(responseRules, o.requirement, 'long');
  const shareOf = (r: string) => requirements.find((o) => o.requirement === r)!.share;

  const digest: Digest = {
    kind: period.kind,
    period: period.key,
    title: REPORT_TITLES[period.kind],
    issue: issueLabel(period),
    rangeLabel: rangeLabel(period.firstDay, period.lastDay),
    start: period.start,
    end: period.end,
    asOf,
    generatedAt: new Date(nowMs).toISOString(),
    ...(masthead ? { masthead } : {}),
    previousPeriod: previous.key,
    ...(running ? { previousUntil } : {}),
    newIncidents: incidents.length,
    previousIncidents,
    ...(period.kind === 'week' ? { previousWeekIncidents: previousIncidents } : {}),
    ...incidentBreakdowns(incidents, names),
    trend: trendOf(db, period, report),
    ...similarityOf(db, { start: period.start, end: period.end, asOf }),
    keyIncidents: keyIncidents(db, incidents, names, { start: period.start, end: period.end, asOf }),
    response: responseFigures(db, incidents, period.start, asOf),
    respondedWithin: { '5h': shareOf('5h'), '24h': shareOf('24h'), '48h': shareOf('48h') },
    requirements,
    responseRules,
    ...openClocks(db, rules, names, asOf, horizon),
    nextWeek: { firstDay: nextFirst, lastDay: nextLast },
    ...commitmentSection(db, { start: period.start, asOf, nextFirst, nextLast }),
  };
  report?.('完成', YEAR_STEPS, YEAR_STEPS);
  return digest;
}
