import { randomUUID } from 'node:crypto';
import { STATUS_LABELS, type IncidentStatus } from '../../../shared/domain.js';
import { LedgerError } from '../../../shared/errors.js';
import type { Incident, IncidentFields, IncidentPage, IncidentPatch, incidentQuerySchema } from '../../../shared/schemas.js';
import { canTransition, transitionNeedsReason } from '../../../shared/status.js';
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { closingBlockers, closingRefusal } from './closing.js';
import { atomically, cached, type LedgerContext, mutate } from './mutate.js';
import { nextIncidentNumber } from './numbering.js';
import { findTownship, findUnit, resolveCategory, resolveTownship, resolveUnit } from './reference.js';
import { highlight, mentions, snippet } from '../search/highlight.js';
import { queryTerms, toMatchExpression } from '../search/bigrams.js';
import { categoriesNamedBy, categoryOnlyHits } from '../search/category-match.js';
import { SEVERITY_RANK } from '../db/migrations/005-ledger-indexes.js';
import type { FieldValue } from './tables.js';
import { isInFuture } from './entry-time.js';

interface IncidentRow {
  id: string;
  number: string;
  title: string;
  summary: string;
  platform: Incident['platform'];
  url: string;
  first_seen_at: string | null;
  found_at: string;
  registrar: string;
  township_id: string | null;
  involved_unit: string;
  categories: string;
  key_type_61: Incident['keyType61'];
  severity: Incident['severity'];
  sentiment: Incident['sentiment'];
  lead_unit_id: string | null;
  co_unit_ids: string;
  status: IncidentStatus;
  status_reason: string;
  leader_instruction: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, number, title, summary, platform, url, first_seen_at, found_at, registrar, township_id, involved_unit, ' +
  'categories, key_type_61, severity, sentiment, lead_unit_id, co_unit_ids, status, status_reason, ' +
  'leader_instruction, created_at, updated_at';

function toIncident(r: IncidentRow): Incident {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    summary: r.summary,
    platform: r.platform,
    url: r.url,
    firstSeenAt: r.first_seen_at,
    foundAt: r.found_at,
    registrar: r.registrar,
    townshipId: r.township_id,
    involvedUnit: r.involved_unit,
    categories: JSON.parse(r.categories) as string[],
    keyType61: r.key_type_61,
    severity: r.severity,
    sentiment: r.sentiment,
    leadUnitId: r.lead_unit_id,
    coUnitIds: JSON.parse(r.co_unit_ids) as string[],
    status: r.status,
    statusReason: r.status_reason,
    leaderInstruction: r.leader_instruction,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** By id or by human number (YQ-2026-0042). */
export function getIncident(db: Db, ref: string): Incident {
  const row = cached(db, `SELECT ${COLUMNS} FROM incidents WHERE deleted = 0 AND (id = @ref OR (number = @ref AND number <> ''))`).get({ ref }) as
    | IncidentRow
    | undefined;
  if (!row) throw new LedgerError('not_found', `找不到舆情事件“${ref}”`);
  const recurrenceOf = recurrenceNumberOf(db, row.id);
  return recurrenceOf === undefined ? toIncident(row) : { ...toIncident(row), recurrenceOf };
}

/** The number of the closed incident a confirmed 反弹 flares up from (issue 16), if any. */
function recurrenceNumberOf(db: Db, id: string): string | undefined {
  return cached(db, 'SELECT e.number FROM incidents i JOIN incidents e ON e.id = i.recurrence_of WHERE i.id = ?').pluck().get(id) as
    | string
    | undefined;
}

type ResolvableFields = Partial<Pick<IncidentFields, 'categories' | 'township' | 'leadUnit' | 'coUnits'>>;

/**
 * Resolves references to stored ids; a name that matches nothing is refused with the field it came from. Inactive
 * townships and units are refused too, except those in `kept` (what the incident already names).
 */
function resolveRefs(db: Db, input: ResolvableFields, kept?: ReadonlySet<string>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  if (input.categories !== undefined) {
    out.categories = [...new Set(input.categories.map((c, i) => resolveCategory(db, c, `categories.${i}`)))];
  }
  if (input.township !== undefined) out.township_id = input.township === null ? null : resolveTownship(db, input.township, 'township', kept);
  if (input.leadUnit !== undefined) out.lead_unit_id = input.leadUnit === null ? null : resolveUnit(db, input.leadUnit, 'leadUnit', kept);
  if (input.coUnits !== undefined) {
    out.co_unit_ids = [...new Set(input.coUnits.map((u, i) => resolveUnit(db, u, `coUnits.${i}`, kept)))];
  }
  return out;
}

/** The townships and units an incident names now: an edit may keep them even if the office deactivated them since. */
function namedRefs(incident: Incident): ReadonlySet<string> {
  return new Set([incident.townshipId, incident.leadUnitId, ...incident.coUnitIds].filter((id): id is string => id !== null));
}

function plainFields(input: Partial<IncidentFields>): Record<string, FieldValue> {
  const map: [keyof IncidentFields, string][] = [
    ['title', 'title'],
    ['summary', 'summary'],
    ['platform', 'platform'],
    ['url', 'url'],
    ['firstSeenAt', 'first_seen_at'],
    ['foundAt', 'found_at'],
    ['registrar', 'registrar'],
    ['involvedUnit', 'involved_unit'],
    ['keyType61', 'key_type_61'],
    ['severity', 'severity'],
    ['sentiment', 'sentiment'],
    ['leaderInstruction', 'leader_instruction'],
  ];
  const out: Record<string, FieldValue> = {};
  for (const [key, column] of map) {
    const value = input[key];
    if (value !== undefined) out[column] = value;
  }
  return out;
}

/** `nowMs` null: the discovery time is unchanged, so it is not judged against today's clock again. */
function checkTimes(firstSeenAt: string | null | undefined, foundAt: string, nowMs: number | null): void {
  if (firstSeenAt && firstSeenAt > foundAt) {
    throw new LedgerError('invalid_input', '输入有误：首发时间不能晚于发现时间', [
      { path: 'firstSeenAt', message: '首发时间不能晚于发现时间' },
    ]);
  }
  if (nowMs !== null && isInFuture(foundAt, nowMs)) {
    throw new LedgerError('invalid_input', '输入有误：发现时间不能晚于当前时间', [
      { path: 'foundAt', message: '发现时间不能晚于当前时间' },
    ]);
  }
}

export function createIncident(ctx: LedgerContext, input: IncidentFields): Incident {
  return atomically(ctx, () => getIncident(ctx.db, createIncidentRow(ctx, input)));
}

/** createIncident without reading the incident back: its id, for a batch that does not show it (the Excel import). */
export function createIncidentRow(ctx: LedgerContext, input: IncidentFields): string {
  return atomically(ctx, () => {
    checkTimes(input.firstSeenAt, input.foundAt, ctx.now());
    const id = randomUUID();
    const number = nextIncidentNumber(ctx.db, input.foundAt, ctx.batch?.numbers);
    const at = new Date(ctx.now()).toISOString();
    mutate(ctx, { action: 'create', entity: 'incident', entityId: id, summary: `登记 ${number} ${input.title}` }, [
      {
        table: 'incidents',
        row: id,
        fields: {
          number,
          ...plainFields(input),
          // 登记人 defaults to the person at the keyboard.
          ...(input.registrar ? {} : { registrar: ctx.staff ?? '' }),
          ...resolveRefs(ctx.db, input),
          status: 'triage',
          status_reason: '',
          created_at: at,
          updated_at: at,
        },
      },
    ]);
    return id;
  });
}

export function updateIncident(ctx: LedgerContext, ref: string, patch: IncidentPatch): Incident {
  return atomically(ctx, () => {
    const before = getIncident(ctx.db, ref);
    const firstSeenAt = patch.firstSeenAt === undefined ? before.firstSeenAt : patch.firstSeenAt;
    checkTimes(firstSeenAt, patch.foundAt ?? before.foundAt, patch.foundAt ? ctx.now() : null);
    const proposed = { ...plainFields(patch), ...resolveRefs(ctx.db, patch, namedRefs(before)) };
    const current = rowFieldsOf(ctx.db, before.id);
    const changed = Object.fromEntries(
      Object.entries(proposed).filter(([column, value]) => JSON.stringify(value) !== JSON.stringify(current[column])),
    );
    if (Object.keys(changed).length === 0) return before;
    changed.updated_at = new Date(ctx.now()).toISOString();
    mutate(
      ctx,
      {
        action: 'update',
        entity: 'incident',
        entityId: before.id,
        summary: `修改 ${before.number}：${Object.keys(changed).filter((c) => c !== 'updated_at').join('、')}`,
      },
      [{ table: 'incidents', row: before.id, fields: changed }],
    );
    return getIncident(ctx.db, before.id);
  });
}

/** The stored field values of an incident, JSON lists parsed, for detecting which fields an edit changes. */
function rowFieldsOf(db: Db, id: string): Record<string, unknown> {
  const row = cached(db, `SELECT ${COLUMNS} FROM incidents WHERE id = ?`).get(id) as Record<string, unknown>;
  return { ...row, categories: JSON.parse(row.categories as string), co_unit_ids: JSON.parse(row.co_unit_ids as string) };
}

export function transitionIncident(ctx: LedgerContext, ref: string, to: IncidentStatus, reason: string): Incident {
  return atomically(ctx, () => {
    const before = getIncident(ctx.db, ref);
    if (!canTransition(before.status, to)) {
      throw new LedgerError(
        'invalid_transition',
        `${before.number} 当前状态为“${STATUS_LABELS[before.status]}”，不能直接改为“${STATUS_LABELS[to]}”`,
      );
    }
    if (transitionNeedsReason(before.status, to) && reason.trim() === '') {
      throw new LedgerError('invalid_input', `输入有误：改为“${STATUS_LABELS[to]}”需要填写说明`, [
        { path: 'reason', message: `改为“${STATUS_LABELS[to]}”需要填写说明` },
      ]);
    }
    if (to === 'closed') {
      const blockers = closingBlockers(ctx.db, before.id, ctx.now());
      if (blockers.length > 0) throw new LedgerError('invalid_transition', closingRefusal(before.number, blockers));
    }
    mutate(
      ctx,
      {
        action: 'transition',
        entity: 'incident',
        entityId: before.id,
        summary: `${before.number} 状态：${STATUS_LABELS[before.status]} → ${STATUS_LABELS[to]}${reason ? `（${reason}）` : ''}`,
      },
      [
        {
          table: 'incidents',
          row: before.id,
          fields: { status: to, status_reason: reason, updated_at: new Date(ctx.now()).toISOString() },
        },
      ],
    );
    return getIncident(ctx.db, before.id);
  });
}

type ParsedQuery = z.output<typeof incidentQuerySchema>;

// Each sort's keys, in the order of a partial index whose entries continue with the rowid, so `ORDER BY keys,
// rowid` is the index order: no sort step runs and a page stops after its 50 rows (found_at and 等级: migration
// 19; number and updated_at: migration 5). 等级 sorts by its rank, then by the severity ranked (one per rank, so the
// order is the rank's), which is how migration 19's index is ordered.
const SORT_KEYS: Record<Exclude<ParsedQuery['sort'], 'relevance'>, readonly string[]> = {
  foundAt: ['i.found_at'],
  number: ['i.number'],
  severity: [SEVERITY_RANK.replaceAll('severity', 'i.severity'), 'i.severity'],
  status: ['i.status'],
  updatedAt: ['i.updated_at'],
};

/** `ORDER BY` terms for a sort, the rowid breaking ties, all in one direction. */
export function orderBy(sort: Exclude<ParsedQuery['sort'], 'relevance'>, descending: boolean): string {
  const dir = descending ? 'DESC' : 'ASC';
  return [...SORT_KEYS[sort], 'i.rowid'].map((key) => `${key} ${dir}`).join(', ');
}

interface Filters {
  where: string[];
  params: (string | number)[];
  /** Category codes when the query filters by category. */
  categories: string[];
  /** Whether anything but categories and the date range narrows the list. */
  others: boolean;
  /** The filters other than categories and the date range (live incidents, at least). */
  rest: { where: string[]; params: (string | number)[] };
  /** The discovery-time range, as `found_at` bounds. */
  range: { from?: string; to?: string };
}

function filtersOf(db: Db, query: ParsedQuery): Filters {
  const rest = { where: ['i.deleted = 0'], params: [] as (string | number)[] };
  let others = false;
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    rest.where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    rest.params.push(...values);
    others = true;
  };
  const categories = [...new Set((query.categories ?? []).map((c, i) => resolveCategory(db, c, `categories.${i}`)))];
  anyOf('i.severity', query.severities);
  anyOf('i.status', query.statuses);
  anyOf('i.platform', query.platforms);
  // Filters find deactivated townships and units too: old incidents still name them.
  if (query.leadUnit) anyOf('i.lead_unit_id', [findUnit(db, query.leadUnit, 'leadUnit')]);
  if (query.township) anyOf('i.township_id', [findTownship(db, query.township)]);
  anyOf('i.id', query.ids); // 同一问题: the incidents of one 共性问题 (issue 16)
  const range = { from: query.foundFrom, to: query.foundTo };
  const where = [...rest.where];
  const params = [...rest.params];
  if (categories.length > 0) {
    where.push(`i.rowid IN (SELECT incident_rowid FROM incident_categories WHERE category_id IN (${categories.map(() => '?').join(', ')}))`);
    params.push(...categories);
  }
  for (const [bound, value] of rangeBounds('i.found_at', range)) {
    where.push(bound);
    params.push(value);
  }
  return { where, params, categories, others, rest, range };
}

/** The range's bounds on a found_at column, each with its value. */
function rangeBounds(column: string, range: Filters['range']): [string, string][] {
  const bounds: [string, string][] = [];
  if (range.from !== undefined) bounds.push([`${column} >= ?`, range.from]);
  if (range.to !== undefined) bounds.push([`${column} < ?`, range.to]);
  return bounds;
}

/** Narrows the filters by one more condition. */
function narrow(f: Filters, clause: string, param: string): void {
  for (const part of [f, f.rest]) {
    part.where.push(clause);
    part.params.push(param);
  }
  f.others = true;
}

const INCIDENT_COLUMNS = COLUMNS.split(', ').map((c) => `i.${c}`).join(', ');

/** The incident number a search box holds, if that is all it holds (a commitment's number names its incident). */
function numberSearched(text: string): string | undefined {
  const match = /^\s*(YQ-\d{4}-(?:[^\s-]+-)?\d+)(?:-C\d+)?\s*$/iu.exec(text);
  return match ? match[1]!.replace(/^yq/i, 'YQ') : undefined;
}

/**
 * One page of the ledger with the total count, filtered and sorted in SQL. With `text`, only incidents whose
 * title, summary or responses contain every term are listed — by relevance: title matches first, then mentions
 * in the summary or responses, each newest first — each with its matches marked.
 */
export function listIncidents(db: Db, query: ParsedQuery): IncidentPage {
  const filters = filtersOf(db, query);
  let page: { rows: IncidentRow[]; total: number };
  const number = query.text === undefined ? undefined : numberSearched(query.text);
  if (number !== undefined) {
    // A number people have (YQ-2026-宣-0001, or a commitment's …-C2) finds its incident, whatever else is filtered.
    narrow(filters, 'i.number = ?', number);
    const plain = { ...query, text: undefined, sort: query.sort === 'relevance' ? ('foundAt' as const) : query.sort };
    page = plainResult(db, plain, filters);
  } else if (query.text !== undefined && query.text !== '') {
    const match = toMatchExpression(query.text);
    page = match === undefined ? { rows: [], total: 0 } : searchPage(db, query, filters, match);
    page = withCategoryHits(db, query, filters, match, page);
  } else {
    page = plainResult(db, query, filters);
  }
  const incidents = page.rows.map(toIncident);
  if (!query.text || number !== undefined) return { rows: incidents, total: page.total };
  const terms = queryTerms(query.text);
  // Responses are read, in one statement, only for the rows whose summary does not show the hit.
  const responses = responseTexts(db, incidents.filter((i) => !mentions(i.summary, terms)).map((i) => i.id));
  return {
    rows: incidents.map((incident) => ({
      ...incident,
      highlight: {
        title: highlight(incident.title, terms),
        snippet: snippet([incident.summary, ...(responses.get(incident.id) ?? [])], terms),
      },
    })),
    total: page.total,
  };
}

// A category filter is answered by walking that category's slice of the category index (in date order, narrowed
// by the date range) and checking each incident's other fields, when the slice holds at most this many entries;
// past it, SQLite's planner chooses (an index of another filter may be narrower).
const CATEGORY_WALK_MAX = 5_000;

/** The category index's entries for the filter's categories within its date range (an index-only count). */
function categoryEntries(db: Db, f: Filters): number {
  const bounds = rangeBounds('found_at', f.range);
  return cached(
    db,
    `SELECT count(*) FROM incident_categories WHERE category_id IN (${f.categories.map(() => '?').join(', ')})${bounds.map(([b]) => ` AND ${b}`).join('')}`,
  )
    .pluck()
    .get(...f.categories, ...bounds.map(([, v]) => v)) as number;
}

/** The category slice joined to the incidents it names, outer loop first (CROSS JOIN keeps that order). */
function categoryWalk(f: Filters): { from: string; where: string; params: (string | number)[] } {
  const bounds = rangeBounds('c.found_at', f.range);
  return {
    from: 'incident_categories c CROSS JOIN incidents i ON i.rowid = c.incident_rowid',
    where: [`c.category_id IN (${f.categories.map(() => '?').join(', ')})`, ...bounds.map(([b]) => b), ...f.rest.where].join(' AND '),
    params: [...f.categories, ...bounds.map(([, v]) => v), ...f.rest.params],
  };
}

// Sorts whose index (migrations 5 and 19) lists live incidents in exactly the sort's order, rowid last.
const ORDER_INDEXES: Partial<Record<Exclude<ParsedQuery['sort'], 'relevance'>, string>> = {
  foundAt: 'incidents_live_found_order',
  number: 'incidents_live_number',
  updatedAt: 'incidents_live_updated',
  severity: 'incidents_live_severity_order',
};

/**
 * Whether to walk the sort's own index, checking each entry's filters, rather than sort every row that passes:
 * a filter letting `total` of about `live` incidents through, spread over the order, fills `offset + limit` rows
 * after about (offset + limit) · live / total entries, each checked; sorting reads and orders `total` entries.
 * Walk when the walk reads fewer. Not with a date range: dates follow the order, so the spread does not hold.
 */
function walksSortIndex(db: Db, query: ParsedQuery, f: Filters, total: number): boolean {
  if (f.where.length === 1 || f.categories.length > 0 || f.range.from !== undefined || f.range.to !== undefined) return false;
  if (total === 0) return false;
  const live = cached(db, 'SELECT max(rowid) FROM incidents').pluck().get() as number;
  return total * total > live * (query.offset + query.limit);
}

/**
 * The page's rowids come from a narrow query that an index answers in the sort's order (or, for a filter much
 * narrower than the list, by sorting that filter's index entries); only the 50 rows of the page are then read in
 * full. `total` is the filters' count, `entries` the category slice's size when a category filters.
 */
function plainPage(db: Db, query: ParsedQuery, f: Filters, total: number, entries: number | undefined): IncidentRow[] {
  const dir = query.descending ? 'DESC' : 'ASC';
  const sort = query.sort === 'relevance' ? 'foundAt' : query.sort;
  let rowids: number[];
  // One category, by discovery time: the category index is in that order already.
  if (f.categories.length === 1 && sort === 'foundAt' && (!f.others || (entries ?? 0) <= CATEGORY_WALK_MAX)) {
    const walk = categoryWalk(f);
    rowids = cached(
      db,
      `SELECT c.incident_rowid FROM ${walk.from} WHERE ${walk.where} ORDER BY c.found_at ${dir}, c.incident_rowid ${dir} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...walk.params, query.limit, query.offset) as number[];
  } else {
    // Nothing but live incidents, or a filter letting many through: walk the sort's index (a deep page skips
    // narrow entries). The found_at index of a filter column already runs in date order: no walk needed there.
    const index = ORDER_INDEXES[sort];
    const walk = index !== undefined && (f.where.length === 1 || (sort !== 'foundAt' && walksSortIndex(db, query, f, total)));
    rowids = cached(
      db,
      `SELECT i.rowid FROM incidents i${walk ? ` INDEXED BY ${index}` : ''} WHERE ${f.where.join(' AND ')} ORDER BY ${orderBy(sort, query.descending)} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...f.params, query.limit, query.offset) as number[];
  }
  return byRowids(db, rowids);
}

/** How many incidents the filters let through; `entries` is the category slice's size when a category filters. */
function plainCount(db: Db, f: Filters, entries: number | undefined): number {
  // Categories (and dates) alone: the category index's entries are the answer (one category), never touching
  // the wide table.
  if (entries !== undefined && !f.others && f.categories.length === 1) return entries;
  if (entries !== undefined && (!f.others || entries <= CATEGORY_WALK_MAX)) {
    const walk = categoryWalk(f);
    const what = f.categories.length === 1 ? 'count(*)' : 'count(DISTINCT c.incident_rowid)';
    return cached(db, `SELECT ${what} FROM ${walk.from} WHERE ${walk.where}`).pluck().get(...walk.params) as number;
  }
  return cached(db, `SELECT count(*) AS n FROM incidents i WHERE ${f.where.join(' AND ')}`).pluck().get(...f.params) as number;
}

/** A plain page (no text searched) and its count. */
function plainResult(db: Db, query: ParsedQuery, f: Filters): { rows: IncidentRow[]; total: number } {
  const entries = f.categories.length > 0 ? categoryEntries(db, f) : undefined;
  const total = plainCount(db, f, entries);
  return { rows: plainPage(db, query, f, total, entries), total };
}

/**
 * Title hits, then the rest; each part newest registered first, which is the search index's own rowid order, so
 * each part's window stops after its rows. The count reads the search index once (title hits are counted only
 * when a page starts past them); filters are checked on each hit's row.
 */
function searchPage(db: Db, query: ParsedQuery, f: Filters, match: string): { rows: IncidentRow[]; total: number } {
  const inTitle = `{title} : (${match})`;
  const elsewhere = `(${match}) NOT (${inTitle})`;
  const filtered = f.where.length > 1;
  // The search index holds only live incidents: unfiltered, it alone answers.
  const from = filtered ? 'incident_search s CROSS JOIN incidents i ON i.rowid = s.rowid' : 'incident_search s';
  const where = [...(filtered ? f.where : []), 'incident_search MATCH ?'].join(' AND ');
  const params = filtered ? f.params : [];
  const count = (expr: string) => cached(db, `SELECT count(*) FROM ${from} WHERE ${where}`).pluck().get(...params, expr) as number;
  const total = count(match);
  if (query.sort !== 'relevance') {
    // The order is decided on rowids (the sort holds integers, not every hit's whole row); the page's rows are read after.
    const joined = 'incident_search s CROSS JOIN incidents i ON i.rowid = s.rowid';
    const rowids = cached(
      db,
      `SELECT i.rowid FROM ${joined} WHERE ${[...f.where, 'incident_search MATCH ?'].join(' AND ')} ORDER BY ${orderBy(query.sort, query.descending)} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...f.params, match, query.limit, query.offset) as number[];
    return { rows: byRowids(db, rowids), total };
  }
  const ids = (expr: string, limit: number, offset: number) =>
    cached(db, `SELECT s.rowid FROM ${from} WHERE ${where} ORDER BY s.rowid DESC LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, expr, limit, offset) as number[];
  const fromTitle = query.offset < total ? ids(inTitle, query.limit, query.offset) : [];
  let fromElsewhere: number[] = [];
  if (fromTitle.length < query.limit && query.offset + fromTitle.length < total) {
    // A window that ran out inside the title hits says where they end; one that started past them does not.
    const titleHits = fromTitle.length > 0 || query.offset === 0 ? query.offset + fromTitle.length : count(inTitle);
    fromElsewhere = ids(elsewhere, query.limit - fromTitle.length, Math.max(0, query.offset - titleHits));
  }
  return { rows: byRowids(db, [...fromTitle, ...fromElsewhere]), total };
}

/** After the full-text hits, the incidents of the categories the query names (search/category-match.ts). */
function withCategoryHits(db: Db, query: ParsedQuery, f: Filters, match: string | undefined, page: { rows: IncidentRow[]; total: number }) {
  const named = categoriesNamedBy(db, query.text ?? '');
  if (named.length === 0) return page;
  const order = query.sort === 'relevance' ? 'relevance' : orderBy(query.sort, query.descending);
  const window = { offset: Math.max(0, query.offset - page.total), limit: query.limit - page.rows.length };
  const extra = categoryOnlyHits(db, { where: f.where, params: f.params, filtered: f.where.length > 1, categories: named, match, order }, window);
  return { rows: [...page.rows, ...byRowids(db, extra.rowids)], total: page.total + extra.total };
}

/** The page's rows, read in one statement, in the order of `rowids`. */
function byRowids(db: Db, rowids: readonly number[]): IncidentRow[] {
  if (rowids.length === 0) return [];
  const rows = cached(db, `SELECT i.rowid AS rid, ${INCIDENT_COLUMNS} FROM incidents i WHERE i.rowid IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(rowids),
  ) as (IncidentRow & { rid: number })[];
  const byRowid = new Map(rows.map((row) => [row.rid, row]));
  return rowids.map((rowid) => byRowid.get(rowid)!);
}

/** The live responses' texts of these incidents, each incident's in time order. */
function responseTexts(db: Db, incidentIds: readonly string[]): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  if (incidentIds.length === 0) return texts;
  const rows = cached(
    db,
    'SELECT incident_id, content FROM responses WHERE incident_id IN (SELECT value FROM json_each(?)) AND deleted = 0 ORDER BY incident_id, at',
  ).all(JSON.stringify(incidentIds)) as { incident_id: string; content: string }[];
  for (const r of rows) {
    const list = texts.get(r.incident_id);
    if (list) list.push(r.content);
    else texts.set(r.incident_id, [r.content]);
  }
  return texts;
}
