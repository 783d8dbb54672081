import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { PLATFORM_LABELS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { t } from '../i18n/zh-CN.js';
import { rowAt, useIncidents } from '../stores/incidents.js';
import { type Lookups, useSession } from '../stores/session.js';
import { CategoryTag, SeverityBadge, StatusBadge } from './badges.js';

// Fixed row height: rows never wrap (long titles are cut with an ellipsis and shown whole in a tooltip), which
// keeps the virtualiser exact without measuring every row.
const ROW_HEIGHT = 44;
// Rows rendered beyond the visible ones, so a quick scroll does not show blanks; keeps the DOM well under 200 rows.
const OVERSCAN = 12;

const COLUMNS = ['number', 'title', 'categories', 'severity', 'platform', 'foundAt', 'leadUnit', 'status'] as const;

export function IncidentTable() {
  const total = useIncidents((s) => s.total) ?? 0;
  const pages = useIncidents((s) => s.pages);
  const generation = useIncidents((s) => s.generation);
  const ensureRows = useIncidents((s) => s.ensureRows);
  const lookups = useSession((s) => s.lookups);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last >= 0) ensureRows(first, last);
  }, [first, last, total, generation, ensureRows]);

  // A new query (filters changed, incident added) starts from the top.
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [generation]);

  return (
    <div className="table" role="table" aria-label={t.ledger.title} aria-rowcount={total + 1} data-testid="incident-table">
      <div className="table-head" role="rowgroup">
        <div className="table-row" role="row" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <div key={column} className={`cell cell-${column}`} role="columnheader">
              {t.ledger.columns[column]}
            </div>
          ))}
        </div>
      </div>
      <div className="table-body" ref={scrollRef} role="rowgroup" data-testid="incident-scroll">
        <div className="table-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const incident = rowAt(pages, item.index);
            return (
              <div
                key={incident?.id ?? `loading-${item.index}`}
                className={incident ? 'table-row' : 'table-row table-row-loading'}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid={incident ? 'incident-row' : 'incident-row-loading'}
                data-number={incident?.number}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {incident ? <IncidentCells incident={incident} lookups={lookups} /> : <LoadingCells />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function IncidentCells({ incident, lookups }: { incident: Incident; lookups: Lookups }) {
  const leadUnit = incident.leadUnitId ? (lookups.unit.get(incident.leadUnitId)?.name ?? incident.leadUnitId) : null;
  return (
    <>
      <div className="cell cell-number mono" role="cell">
        {incident.number}
      </div>
      <div className="cell cell-title" role="cell" title={incident.title}>
        {incident.title}
      </div>
      <div className="cell cell-categories" role="cell">
        {incident.categories.map((code) => (
          <CategoryTag key={code} category={lookups.category.get(code)} fallback={code} />
        ))}
      </div>
      <div className="cell cell-severity" role="cell">
        <SeverityBadge severity={incident.severity} />
      </div>
      <div className="cell cell-platform" role="cell">
        {PLATFORM_LABELS[incident.platform]}
      </div>
      <div className="cell cell-foundAt" role="cell">
        {formatChinaDateTime(incident.foundAt)}
      </div>
      <div className={leadUnit ? 'cell cell-leadUnit' : 'cell cell-leadUnit muted'} role="cell" title={leadUnit ?? undefined}>
        {leadUnit ?? t.ledger.unassigned}
      </div>
      <div className="cell cell-status" role="cell">
        <StatusBadge status={incident.status} />
      </div>
    </>
  );
}

function LoadingCells() {
  return (
    <div className="cell cell-loading muted" role="cell">
      {t.ledger.rowLoading}
    </div>
  );
}
