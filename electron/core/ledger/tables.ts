// The synced tables and their fields: the only names that may ever be spliced into SQL, and the type each
// field's value must have. Sync import (bundle contents are hostile input) checks every operation against this.

export type FieldType = 'text' | 'text?' | 'int' | 'bool' | 'real?' | 'json-strings';

export const LEDGER_TABLES = {
  categories: {
    name: 'text',
    short: 'text',
    color: 'text',
    keywords: 'json-strings',
    builtin: 'bool',
    sort_order: 'int',
    deleted: 'bool',
  },
  units: { name: 'text', kind: 'text', active: 'bool', sort_order: 'int', deleted: 'bool' },
  townships: { name: 'text', active: 'bool', sort_order: 'int', deleted: 'bool' },
  response_rules: { info_hours: 'real?', press_hours: 'real?', response_hours: 'real?', deleted: 'bool' },
  incidents: {
    number: 'text',
    title: 'text',
    summary: 'text',
    platform: 'text',
    url: 'text',
    first_seen_at: 'text?',
    found_at: 'text',
    registrar: 'text',
    township_id: 'text?',
    involved_unit: 'text',
    categories: 'json-strings',
    key_type_61: 'text?',
    severity: 'text',
    sentiment: 'text',
    lead_unit_id: 'text?',
    co_unit_ids: 'json-strings',
    status: 'text',
    status_reason: 'text',
    leader_instruction: 'text',
    created_at: 'text',
    updated_at: 'text',
    deleted: 'bool',
    recurrence_of: 'text?',
    recurrence_dismissed: 'bool',
  },
  responses: {
    incident_id: 'text?',
    at: 'text',
    method: 'text',
    channel: 'text',
    url: 'text',
    content: 'text',
    unit_id: 'text?',
    disposition: 'text?',
    created_at: 'text',
    deleted: 'bool',
    group_id: 'text?',
    /** 回应人 (migration 17). */
    responder: 'text',
  },
  attachments: {
    incident_id: 'text?',
    sha256: 'text',
    name: 'text',
    mime: 'text',
    size: 'int',
    created_at: 'text',
    deleted: 'bool',
  },
  saved_views: { name: 'text', query: 'text', created_at: 'text', deleted: 'bool' },
  commitments: {
    incident_id: 'text?',
    response_id: 'text?',
    number: 'text',
    content: 'text',
    unit_id: 'text?',
    person: 'text',
    promised_at: 'text',
    deadline_kind: 'text',
    deadline_n: 'int',
    deadline_from: 'text',
    deadline: 'text',
    calendar_verified: 'bool',
    status: 'text',
    status_reason: 'text',
    fulfilled_at: 'text?',
    evidence: 'text',
    pub_state: 'text',
    pub_channel: 'text?',
    pub_at: 'text?',
    pub_url: 'text',
    pub_note: 'text',
    check_by: 'text',
    check_at: 'text?',
    check_result: 'text',
    created_at: 'text',
    updated_at: 'text',
    deleted: 'bool',
  },
  followups: {
    incident_id: 'text?',
    commitment_id: 'text?',
    kind: 'text',
    at: 'text',
    actor: 'text',
    content: 'text',
    created_at: 'text',
    deleted: 'bool',
  },
  feedback: {
    incident_id: 'text?',
    commitment_id: 'text?',
    at: 'text',
    method: 'text',
    satisfaction: 'int',
    note: 'text',
    actor: 'text',
    created_at: 'text',
    deleted: 'bool',
  },
  calendar_overrides: { work: 'bool', name: 'text', deleted: 'bool' },
} as const satisfies Record<string, Record<string, FieldType>>;

export type LedgerTable = keyof typeof LEDGER_TABLES;

/**
 * A synced-table catalogue: LEDGER_TABLES in this version; tests build the next version's by adding to it. Every
 * check of what may be synced (mutate, bundle decoding, applying) reads the catalogue of the ledger at hand.
 */
export type Catalogue = Readonly<Record<string, Readonly<Record<string, FieldType>>>>;

/**
 * The sync-format version: the number of synced fields. Fields are only ever added (a field no version writes any
 * more stays in the catalogue), so it grows exactly when what is synced grows — adding a field is this one edit
 * to LEDGER_TABLES — and never with a storage-only migration. A bundle carries its writer's version; a reader with
 * a lower one keeps the operations it does not know for later (sync/held.ts).
 */
export function syncVersionOf(catalogue: Catalogue): number {
  return Object.values(catalogue).reduce((n, fields) => n + Object.keys(fields).length, 0);
}

export const SYNC_VERSION = syncVersionOf(LEDGER_TABLES);

/** Bundles written before they carried a version hold what the catalogue of that time held (110 fields). */
export const FIRST_SYNC_VERSION = 110;

export function fieldTypeIn(catalogue: Catalogue, table: string, column: string): FieldType | undefined {
  if (!Object.hasOwn(catalogue, table)) return undefined;
  const columns = catalogue[table]!;
  return Object.hasOwn(columns, column) ? columns[column] : undefined;
}

/** A field value as carried in an operation (JSON). */
export type FieldValue = string | number | boolean | null | readonly string[];

export function isLedgerTable(name: string): name is LedgerTable {
  return Object.hasOwn(LEDGER_TABLES, name);
}

export function fieldTypeOf(table: string, column: string): FieldType | undefined {
  if (!isLedgerTable(table)) return undefined;
  const columns: Record<string, FieldType> = LEDGER_TABLES[table];
  return Object.hasOwn(columns, column) ? columns[column] : undefined;
}

/** Whether `value` may be stored in a field of this type. */
export function valueFits(type: FieldType, value: unknown): value is FieldValue {
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'text?':
      return value === null || typeof value === 'string';
    case 'int':
      return Number.isSafeInteger(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'real?':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'json-strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}

/** The SQLite value a field is stored as. */
export function toSqlValue(value: FieldValue): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value as string | number | null;
}
