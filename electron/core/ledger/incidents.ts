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

// Sort keys with a matching partial index (migration 5); the rowid tiebreak is free because every index entry
// ends in the rowid, so no sort step runs and a page stops after its 50 rows.
const SORT_KEYS: Record<Exclude<ParsedQuery['sort'], 'relevance'>, string> = {
  foundAt: 'i.found_at',
  number: 'i.number',
  severity: `${SEVERITY_RANK.replaceAll('severity', 'i.severity')}`,
  status: 'i.status',
  updatedAt: 'i.updated_at',
};

interface Filters {
  where: string[];
  params: (string | number)[];
  /** Category codes when the query filters by category. */
  categories: string[];
  /** Whether anything but categories and the date range narrows the list. */
  others: boolean;
}

function filtersOf(db: Db, query: ParsedQuery): Filters {
  const where: string[] = ['i.deleted = 0'];
  const params: (string | number)[] = [];
  let others = false;
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
    others = true;
  };
  const categories = [...new Set((query.categories ?? []).map((c, i) => resolveCategory(db, c, `categories.${i}`)))];
  if (categories.length > 0) {
    where.push(`i.rowid IN (SELECT incident_rowid FROM incident_categories WHERE category_id IN (${categories.map(() => '?').join(', ')}))`);
    params.push(...categories);
  }
  anyOf('i.severity', query.severities);
  anyOf('i.status', query.statuses);
  anyOf('i.platform', query.platforms);
  // Filters find deactivated townships and units too: old incidents still name them.
  if (query.leadUnit) anyOf('i.lead_unit_id', [findUnit(db, query.leadUnit, 'leadUnit')]);
  if (query.township) anyOf('i.township_id', [findTownship(db, query.township)]);
  anyOf('i.id', query.ids); // 同一问题: the incidents of one 共性问题 (issue 16)
  if (query.foundFrom) {
    where.push('i.found_at >= ?');
    params.push(query.foundFrom);
  }
  if (query.foundTo) {
    where.push('i.found_at < ?');
    params.push(query.foundTo);
  }
  return { where, params, categories, others };
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
    filters.where.push('i.number = ?');
    filters.params.push(number);
    filters.others = true;
    const plain = { ...query, text: undefined, sort: query.sort === 'relevance' ? ('foundAt' as const) : query.sort };
    page = { rows: plainPage(db, plain, filters), total: plainCount(db, plain, filters) };
  } else if (query.text !== undefined && query.text !== '') {
    const match = toMatchExpression(query.text);
    page = match === undefined ? { rows: [], total: 0 } : searchPage(db, query, filters, match);
    page = withCategoryHits(db, query, filters, match, page);
  } else {
    page = { rows: plainPage(db, query, filters), total: plainCount(db, query, filters) };
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

/**
 * The page's rowids come from a narrow query that the covering indexes answer without reading rows (sorting,
 * if any, orders index entries); only the 50 rows of the page are then read in full.
 */
function plainPage(db: Db, query: ParsedQuery, f: Filters): IncidentRow[] {
  const dir = query.descending ? 'DESC' : 'ASC';
  const sort = query.sort === 'relevance' ? 'foundAt' : query.sort;
  let rowids: number[];
  // One category, newest first: walk that category's slice of the category index in date order.
  if (f.categories.length === 1 && sort === 'foundAt') {
    const rest = f.where.filter((w) => !w.startsWith('i.rowid IN'));
    // The category's own parameter comes first (filtersOf pushes it first); the rest belong to `rest`.
    const params = f.params.slice(1);
    rowids = cached(
      db,
      `SELECT c.incident_rowid FROM incident_categories c JOIN incidents i ON i.rowid = c.incident_rowid
       WHERE c.category_id = ? AND ${rest.join(' AND ')} ORDER BY c.found_at ${dir}, c.incident_rowid ${dir} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(f.categories[0], ...params, query.limit, query.offset) as number[];
  } else {
    rowids = cached(
      db,
      `SELECT i.rowid FROM incidents i WHERE ${f.where.join(' AND ')} ORDER BY ${SORT_KEYS[sort]} ${dir}, i.rowid ${dir} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...f.params, query.limit, query.offset) as number[];
  }
  return byRowids(db, rowids);
}

function plainCount(db: Db, query: ParsedQuery, f: Filters): number {
  // Categories (and dates) alone: count entries of the category index, never touching the wide table.
  if (f.categories.length > 0 && !f.others) {
    const range = [query.foundFrom ? 'found_at >= ?' : '', query.foundTo ? 'found_at < ?' : ''].filter(Boolean);
    const what = f.categories.length === 1 ? 'count(*)' : 'count(DISTINCT incident_rowid)';
    return cached(
      db,
      `SELECT ${what} AS n FROM incident_categories WHERE category_id IN (${f.categories.map(() => '?').join(', ')})${range.map((r) => ` AND ${r}`).join('')}`,
    ).pluck().get(...f.categories, ...[query.foundFrom, query.foundTo].filter((v) => v !== undefined)) as number;
  }
  return cached(db, `SELECT count(*) AS n FROM incidents i WHERE ${f.where.join(' AND ')}`).pluck().get(...f.params) as number;
}

/** Title matches, then the rest; each part newest registered first (the index's rowid order). */
function searchPage(db: Db, query: ParsedQuery, f: Filters, match: string): { rows: IncidentRow[]; total: number } {
  const inTitle = `{title} : (${match})`;
  const elsewhere = `(${match}) NOT (${inTitle})`;
  const byRelevance = query.sort === 'relevance';
  if (f.where.length === 1 && byRelevance) {
    // No filters: the search index alone answers (it holds only live incidents).
    const count = (expr: string) =>
      cached(db, 'SELECT count(*) FROM incident_search WHERE incident_search MATCH ?').pluck().get(expr) as number;
    const ids = (expr: string, limit: number, offset: number) =>
      cached(db, 'SELECT rowid FROM incident_search WHERE incident_search MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?')
        .pluck()
        .all(expr, limit, offset) as number[];
    const titleHits = count(inTitle);
    const total = titleHits + count(elsewhere);
    const fromTitle = query.offset < titleHits ? ids(inTitle, query.limit, query.offset) : [];
    const fromElsewhere =
      fromTitle.length < query.limit ? ids(elsewhere, query.limit - fromTitle.length, Math.max(0, query.offset - titleHits)) : [];
    return { rows: byRowids(db, [...fromTitle, ...fromElsewhere]), total };
  }
  const from = 'incident_search JOIN incidents i ON i.rowid = incident_search.rowid';
  const where = [...f.where, 'incident_search MATCH ?'].join(' AND ');
  const params = [...f.params, match];
  const total = cached(db, `SELECT count(*) FROM ${from} WHERE ${where}`).pluck().get(...params) as number;
  const dir = query.descending ? 'DESC' : 'ASC';
  const order = byRelevance
    ? `(i.rowid IN (SELECT rowid FROM incident_search WHERE incident_search MATCH ?)) DESC, i.rowid DESC`
    : `${SORT_KEYS[query.sort as Exclude<ParsedQuery['sort'], 'relevance'>]} ${dir}, i.rowid ${dir}`;
  // The order is decided on rowids (the sort holds integers, not every hit's whole row); the page's rows are read after.
  const rowids = cached(db, `SELECT i.rowid FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, ...(byRelevance ? [inTitle] : []), query.limit, query.offset) as number[];
  return { rows: byRowids(db, rowids), total };
}

/** After the full-text hits, the incidents of the categories the query names (search/category-match.ts). */
function withCategoryHits(db: Db, query: ParsedQuery, f: Filters, match: string | undefined, page: { rows: IncidentRow[]; total: number }) {
  const named = categoriesNamedBy(db, query.text ?? '');
  if (named.length === 0) return page;
  const dir = query.descending ? 'DESC' : 'ASC';
  const order = query.sort === 'relevance' ? 'i.rowid DESC' : `${SORT_KEYS[query.sort]} ${dir}, i.rowid ${dir}`;
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
