import { SEVERITIES } from '../../../shared/domain.js';
import { isLedgerInstant } from '../../../shared/china-time.js';
import { COLUMN_LABELS, TABLE_LABELS } from '../../../shared/field-labels.js';
import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';
import type { FieldValue, LedgerTable } from '../ledger/tables.js';
import type { WireOp } from './payload.js';

// What a bundle may leave in the ledger, row by row: the rules the local write path enforces when it creates or
// changes a row, applied to the row as it would be after the bundle (stored row + the operations that win). Each
// value was already checked on its own (field-rules.ts: codes, dates, names, text); here the row as a whole:
//   - complete: a row the ledger does not hold yet must bring the fields every local creation writes (an incident
//     its number, title, found time …; a response its incident, time, method, channel …);
//   - references: what it points at (incident, unit, township, category, commitment, response) must exist here
//     or arrive complete in the same bundle;
//   - row ids that are values: a response rule is named by its severity, a calendar entry by its date.
// A row that breaks one is not applied: its operations wait in quarantine and are looked at again on every import,
// until the operations completing it arrive (a sender's later bundle) — never half a row in the ledger.

/** Fields a local creation always writes, and that every version of the app has written. */
const REQUIRED: Record<LedgerTable, readonly string[]> = {
  incidents: ['number', 'title', 'platform', 'found_at', 'severity', 'sentiment', 'status', 'categories', 'created_at'],
  responses: ['incident_id', 'at', 'method', 'channel', 'created_at'],
  attachments: ['incident_id', 'sha256', 'name', 'size', 'created_at'],
  saved_views: ['name', 'query', 'created_at'],
  commitments: ['incident_id', 'content', 'promised_at', 'deadline_kind', 'deadline', 'status', 'created_at'],
  followups: ['kind', 'at', 'content', 'created_at'],
  feedback: ['at', 'method', 'satisfaction', 'created_at'],
  units: ['name', 'kind'],
  townships: ['name'],
  categories: ['name', 'short', 'color'],
  response_rules: [],
  calendar_overrides: ['work'],
};

/** Columns that name another row, and which table that row is in. Lists hold several. */
const REFERENCES: Partial<Record<LedgerTable, Record<string, LedgerTable>>> = {
  incidents: { township_id: 'townships', lead_unit_id: 'units', co_unit_ids: 'units', categories: 'categories' },
  responses: { incident_id: 'incidents', unit_id: 'units' },
  attachments: { incident_id: 'incidents' },
  commitments: { incident_id: 'incidents', response_id: 'responses', unit_id: 'units' },
  followups: { incident_id: 'incidents', commitment_id: 'commitments' },
  feedback: { incident_id: 'incidents', commitment_id: 'commitments' },
};

/**
 * Tables in reference order: every table comes after those its rows point at. A bundle applied table by table in this
 * order (apply.ts, in chunks) finds each row's references already decided — applied, held, or absent.
 */
export const TABLE_ORDER: ReadonlyMap<LedgerTable, number> = (() => {
  const depth = (table: LedgerTable, seen: readonly LedgerTable[]): number =>
    Math.max(0, ...Object.values(REFERENCES[table] ?? {}).filter((t) => t !== table && !seen.includes(t)).map((t) => 1 + depth(t, [...seen, table])));
  return new Map((Object.keys(REQUIRED) as LedgerTable[]).map((table) => [table, depth(table, [])]));
})();

/** References a row cannot be without (a response always belongs to an incident), in whatever the bundle writes. */
const NOT_NULL: Partial<Record<LedgerTable, readonly string[]>> = {
  responses: ['incident_id'],
  attachments: ['incident_id'],
  commitments: ['incident_id'],
};

/** Follow-ups and feedback belong to an incident or a commitment: a new one names at least one. */
const OWNED = new Set<LedgerTable>(['followups', 'feedback']);

const ROW_IDS: Partial<Record<LedgerTable, (id: string) => boolean>> = {
  response_rules: (id) => (SEVERITIES as readonly string[]).includes(id),
  calendar_overrides: (id) => /^\d{4}-\d{2}-\d{2}$/.test(id) && isLedgerInstant(`${id}T00:00:00Z`),
};

const rowKey = (table: string, row: string) => `${table}\u0000${row}`;

interface IncomingRow {
  table: LedgerTable;
  row: string;
  ops: WireOp[];
  /** The value each field would hold after the bundle, for the fields the bundle wins. */
  winning: Map<string, FieldValue>;
  isNew: boolean;
}

export interface HeldRow {
  table: LedgerTable;
  row: string;
  /** Why, in words a person reads, e.g. “舆情事件缺少标题、发现时间”. */
  reason: string;
}

/**
 * Splits a bundle's operations into those that may be applied and those whose row would break a rule (held).
 * `wins(op)` says whether the operation beats the value its field holds now.
 */
export function checkRows(db: Db, ops: readonly WireOp[], wins: (op: WireOp) => boolean): { apply: WireOp[]; hold: WireOp[]; held: HeldRow[] } {
  const rows = new Map<string, IncomingRow>();
  for (const op of ops) {
    const key = rowKey(op.tbl, op.row);
    let entry = rows.get(key);
    if (!entry) {
      const isNew = !cached(db, `SELECT 1 FROM ${op.tbl} WHERE id = ?`).get(op.row);
      rows.set(key, (entry = { table: op.tbl, row: op.row, ops: [], winning: new Map(), isNew }));
    }
    entry.ops.push(op);
  }
  for (const entry of rows.values()) {
    const newest = new Map<string, WireOp>();
    for (const op of entry.ops) if ((newest.get(op.col)?.hlc ?? '') < op.hlc) newest.set(op.col, op);
    for (const [col, op] of newest) if (entry.isNew || wins(op)) entry.winning.set(col, op.value);
  }

  const reasons = new Map<string, string>();
  for (const [key, entry] of rows) {
    const reason = ownProblem(entry);
    if (reason) reasons.set(key, reason);
  }
  // A row pointing at a row that is held is held too; repeat until nothing changes (chains are short).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, entry] of rows) {
      if (reasons.has(key)) continue;
      const reason = referenceProblem(db, entry, (table, id) => {
        const incoming = rows.get(rowKey(table, id));
        if (incoming?.isNew) return !reasons.has(rowKey(table, id));
        return Boolean(cached(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id));
      });
      if (reason) {
        reasons.set(key, reason);
        changed = true;
      }
    }
  }

  const apply: WireOp[] = [];
  const hold: WireOp[] = [];
  for (const op of ops) (reasons.has(rowKey(op.tbl, op.row)) ? hold : apply).push(op);
  const held = [...reasons].map(([key, reason]) => {
    const entry = rows.get(key)!;
    return { table: entry.table, row: entry.row, reason };
  });
  return { apply, hold, held };
}

const label = (table: LedgerTable) => TABLE_LABELS[table] ?? '记录';
const columnLabel = (column: string) => COLUMN_LABELS[column] ?? COLUMN_LABEL_EXTRA[column] ?? '字段';
const COLUMN_LABEL_EXTRA: Record<string, string> = {
  incident_id: '所属舆情事件', commitment_id: '所属承诺', response_id: '源于回应', unit_id: '单位', sha256: '文件校验值',
  size: '文件大小', query: '查询条件', promised_at: '承诺时间', deadline_kind: '期限方式', deadline: '期限',
  satisfaction: '满意度', work: '上班或放假',
};

function ownProblem(entry: IncomingRow): string | undefined {
  const idRule = ROW_IDS[entry.table];
  if (idRule && !idRule(entry.row)) return `${label(entry.table)}的编号无效`;
  const emptied = (NOT_NULL[entry.table] ?? []).find((col) => entry.winning.has(col) && !entry.winning.get(col));
  if (emptied) return `${label(entry.table)}缺少${columnLabel(emptied)}`;
  if (!entry.isNew) return undefined;
  const brought = new Set(entry.ops.map((op) => op.col));
  const missing = REQUIRED[entry.table].filter((col) => !brought.has(col));
  if (missing.length > 0) return `${label(entry.table)}缺少${missing.map(columnLabel).join('、')}`;
  if (OWNED.has(entry.table) && !entry.winning.get('incident_id') && !entry.winning.get('commitment_id')) {
    return `${label(entry.table)}未指明所属的舆情事件或承诺`;
  }
  return undefined;
}

function referenceProblem(db: Db, entry: IncomingRow, exists: (table: LedgerTable, id: string) => boolean): string | undefined {
  const refs = REFERENCES[entry.table];
  if (!refs) return undefined;
  for (const [column, target] of Object.entries(refs)) {
    if (!entry.winning.has(column)) continue;
    const value = entry.winning.get(column);
    const ids = Array.isArray(value) ? (value as readonly string[]) : typeof value === 'string' ? [value] : [];
    const absent = ids.find((id) => !exists(target, id));
    if (absent !== undefined) return `${label(entry.table)}的${columnLabel(column)}指向本台账没有的${label(target)}`;
  }
  return undefined;
}
