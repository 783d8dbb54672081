import type { TimelineEntry } from '../../../shared/api/timeline.js';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { COLUMN_LABELS } from '../../../shared/field-labels.js';
import {
  DISPOSITION_LABELS,
  type Disposition,
  PLATFORM_LABELS,
  type Platform,
  RESPONSE_CHANNEL_LABELS,
  RESPONSE_METHOD_LABELS,
  type ResponseChannel,
  type ResponseMethod,
  SENTIMENT_LABELS,
  type Sentiment,
  SEVERITY_INFO,
  type Severity,
  STATUS_LABELS,
  type IncidentStatus,
} from '../../../shared/domain.js';
import type { Db } from '../db/open.js';
import { commitmentTimelineEntries } from './commitment-timeline.js';
import { getIncident } from './incidents.js';
import { opsOfRow } from './op-store.js';
import { cached } from './statements.js';
import { statusMovesOf } from './status-history.js';
import type { FieldValue } from './tables.js';

// The incident page's one timeline, assembled from the records themselves: the incident's own history comes
// from its sync operations (so edits made on other workstations appear too), responses and attachments from
// their rows. Later features add a source to TIMELINE_SOURCES.

export type TimelineSource = (db: Db, incidentId: string) => TimelineEntry[];

/** The fields whose edits the timeline shows (bookkeeping such as updated_at is left out). */
const SHOWN_FIELDS = new Set([
  'title', 'summary', 'platform', 'url', 'first_seen_at', 'found_at', 'registrar', 'township_id', 'involved_unit',
  'categories', 'key_type_61', 'severity', 'sentiment', 'lead_unit_id', 'co_unit_ids', 'leader_instruction',
]);
const FIELD_LABELS: Record<string, string> = Object.fromEntries([...SHOWN_FIELDS].map((c) => [c, COLUMN_LABELS[c] ?? c]));

/** How a changed value reads in the timeline, for fields whose codes mean something to people. */
function readable(db: Db, column: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (Array.isArray(value)) {
    const table = column === 'categories' ? 'categories' : 'units';
    return value.map((id) => nameOf(db, table, String(id))).join('、') || '（无）';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (column) {
    case 'severity':
      return SEVERITY_INFO[text as Severity]?.label ?? text;
    case 'platform':
      return PLATFORM_LABELS[text as Platform] ?? text;
    case 'sentiment':
      return SENTIMENT_LABELS[text as Sentiment] ?? text;
    case 'lead_unit_id':
      return nameOf(db, 'units', text);
    case 'township_id':
      return nameOf(db, 'townships', text);
    case 'first_seen_at':
    case 'found_at':
      return formatChinaDateTime(text);
    default:
      return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }
}

function nameOf(db: Db, table: 'units' | 'townships' | 'categories', id: string): string {
  return (cached(db, `SELECT name FROM ${table} WHERE id = ?`).get(id) as { name: string } | undefined)?.name ?? id;
}

/** Fields whose past the timeline reads from the status history rather than from operations (prunable ones). */
const HISTORY_KEPT_APART = new Set(['status', 'status_reason']);

interface OpRow {
  hlc: string;
  site: string;
  col: string;
  value: FieldValue;
}

interface AuditSpan {
  site: string;
  actor: string;
  first_hlc: string;
  last_hlc: string;
}

/** Who did each thing to an incident: this workstation's audit entries, and the peers' that arrived with their chains. */
const auditsOf = (db: Db, incidentId: string): AuditSpan[] =>
  cached(
    db,
    `SELECT site, actor, first_hlc, last_hlc FROM audit WHERE entity_id = ?
     UNION ALL SELECT site, actor, first_hlc, last_hlc FROM peer_audit WHERE entity_id = ?`,
  ).all(incidentId, incidentId) as AuditSpan[];

const siteNamesOf = (db: Db): Map<string, string> =>
  new Map((cached(db, 'SELECT site, name FROM sites').all() as { site: string; name: string }[]).map((s) => [s.site, s.name]));

/** The audit entry that wrote an operation, if this ledger has it. */
const auditOf = (audits: readonly AuditSpan[], op: { site: string; hlc: string }) =>
  audits.find((a) => a.site === op.site && op.hlc >= a.first_hlc && op.hlc <= a.last_hlc);

/** Who wrote an operation: its audit entry's person, or else the workstation it came from. */
const actorOf = (audits: readonly AuditSpan[], siteNames: ReadonlyMap<string, string>, op: { site: string; hlc: string }) =>
  auditOf(audits, op)?.actor ?? (siteNames.get(op.site) || `工作站 ${op.site.slice(0, 4)}`);

/** Registration, edits and status changes, one entry per mutation, from the incident's operations. */
const incidentHistory: TimelineSource = (db, incidentId) => {
  // Status moves come from the status history (ledger/status-history.ts), which outlives the pruning of superseded
  // status operations; they join the other operations at their own stamps, so each stays in its mutation's group.
  const moves: OpRow[] = statusMovesOf(db, 'incidents', incidentId).flatMap((m) => [
    { hlc: m.hlc, site: m.site, col: 'status', value: m.status },
    ...(m.reason !== undefined ? [{ hlc: m.hlc, site: m.site, col: 'status_reason', value: m.reason }] : []),
  ]);
  const edits: OpRow[] = opsOfRow(db, 'incidents', incidentId)
    .filter((op) => !HISTORY_KEPT_APART.has(op.col))
    .map((op) => ({ hlc: op.hlc, site: op.site, col: op.col, value: op.value }));
  const ops = [...edits, ...moves].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  // Who did each thing: this workstation's audit entries, and the peers' entries that arrived with their chains.
  const audits = auditsOf(db, incidentId);
  const siteNames = siteNamesOf(db);
  // Ops of one mutation: the audit entry that wrote them here, or for synced ones, one site in one millisecond.
  const groupOf = (op: OpRow) => {
    const audit = auditOf(audits, op);
    return audit ? `audit:${audit.first_hlc}` : `${op.site}:${op.hlc.slice(0, 24)}`;
  };
  const groups = new Map<string, OpRow[]>();
  for (const op of ops) {
    const key = groupOf(op);
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  const entries: TimelineEntry[] = [];
  let status: IncidentStatus | undefined;
  let fields: Record<string, unknown> = {};
  for (const group of groups.values()) {
    const first = group[0]!;
    const actor = actorOf(audits, siteNames, first);
    const at = first.hlc.slice(0, 24);
    const values = Object.fromEntries(group.map((op) => [op.col, op.value as unknown]));
    if ('number' in values) {
      entries.push({ at, kind: 'registered', title: `登记为 ${String(values.number)}`, actor });
    } else {
      const changed = Object.keys(values).filter((c) => c in FIELD_LABELS);
      if (changed.length > 0) {
        entries.push({
          at,
          kind: 'edited',
          title: `修改${changed.map((c) => FIELD_LABELS[c]).join('、')}`,
          detail: changed.map((c) => `${FIELD_LABELS[c]}：${readable(db, c, fields[c])} → ${readable(db, c, values[c])}`).join('\n'),
          actor,
        });
      }
      if ('status' in values && status !== undefined) {
        const to = values.status as IncidentStatus;
        const reason = typeof values.status_reason === 'string' && values.status_reason ? values.status_reason : undefined;
        entries.push({
          at,
          kind: 'status',
          title: `状态：${STATUS_LABELS[status]} → ${STATUS_LABELS[to]}`,
          ...(reason ? { detail: reason } : {}),
          actor,
        });
      }
    }
    if ('status' in values) status = values.status as IncidentStatus;
    fields = { ...fields, ...values };
  }
  return entries;
};

const responseEntries: TimelineSource = (db, incidentId) =>
  (
    cached(
      db,
      `SELECT r.id, r.at, r.method, r.channel, r.content, r.disposition, r.responder, u.name AS unit
       FROM responses r LEFT JOIN units u ON u.id = r.unit_id WHERE r.incident_id = ? AND r.deleted = 0`,
    ).all(incidentId) as {
      id: string;
      at: string;
      method: ResponseMethod;
      channel: ResponseChannel;
      content: string;
      disposition: Disposition | null;
      responder: string;
      unit: string | null;
    }[]
  ).map((r) => ({
    at: r.at,
    kind: 'response',
    title: `回应：${RESPONSE_METHOD_LABELS[r.method]}（${RESPONSE_CHANNEL_LABELS[r.channel]}）${r.disposition ? ` · ${DISPOSITION_LABELS[r.disposition]}` : ''}`,
    detail: r.content,
    // The answering unit, and the 回应人 who recorded it (responses before migration 17 name none).
    ...(r.unit || r.responder ? { actor: [r.unit, r.responder].filter(Boolean).join(' · ') } : {}),
    refId: r.id,
  }));

const attachmentEntries: TimelineSource = (db, incidentId) => {
  const attachments = cached(db, 'SELECT id, name, created_at FROM attachments WHERE incident_id = ? AND deleted = 0').all(incidentId) as {
    id: string;
    name: string;
    created_at: string;
  }[];
  if (attachments.length === 0) return [];
  const audits = auditsOf(db, incidentId);
  const siteNames = siteNamesOf(db);
  return attachments.map((a) => {
    // Who attached it: the audit entry (here or a peer's) that wrote the attachment row's first operation.
    const first = opsOfRow(db, 'attachments', a.id)[0];
    const actor = first ? actorOf(audits, siteNames, first) : undefined;
    return { at: a.created_at, kind: 'attachment', title: `添加附件“${a.name}”`, ...(actor ? { actor } : {}), refId: a.id };
  });
};

export const TIMELINE_SOURCES: TimelineSource[] = [incidentHistory, responseEntries, attachmentEntries, commitmentTimelineEntries];

/** Everything that happened to an incident, oldest first. */
export function incidentTimeline(db: Db, incidentRef: string): TimelineEntry[] {
  const { id } = getIncident(db, incidentRef);
  return TIMELINE_SOURCES.flatMap((source) => source(db, id)).sort((a, b) => a.at.localeCompare(b.at));
}
