import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { IncidentRow } from '../../../shared/schemas.js';
import { t } from '../i18n/zh-CN.js';
import { rowAt, type LedgerSort, useIncidents } from './store.js';
import { useNav } from '../stores/nav.js';
import { type Lookups, useSession } from '../stores/session.js';
import { type ColumnId, COLUMNS, gridTemplate } from './columns.js';
import { useColumns } from './columnsStore.js';

// Fixed row heights: rows never wrap (long titles are cut with an ellipsis and shown whole in a tooltip), which
// keeps the virtualiser exact without measuring every row. Search results are taller: they add a snippet line.
const ROW_HEIGHT = 44;
const SEARCH_ROW_HEIGHT = 62;
// Rows rendered beyond the visible ones, so a quick scroll does not show blanks; keeps the DOM well under 200 rows.
const OVERSCAN = 12;

export function IncidentTable() {
  const total = useIncidents((s) => s.total) ?? 0;
  const pages = useIncidents((s) => s.pages);
  const generation = useIncidents((s) => s.generation);
  const ensureRows = useIncidents((s) => s.ensureRows);
  const selected = useIncidents((s) => s.selected);
  const select = useIncidents((s) => s.select);
  const searching = useIncidents((s) => s.filters.text.trim() !== '');
  const lookups = useSession((s) => s.lookups);
  const columns = useColumns((s) => s.visible);
  const openIncident = useNav((s) => s.openIncident);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = searching ? SEARCH_ROW_HEIGHT : ROW_HEIGHT;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  useEffect(() => {
    if (last >= 0) ensureRows(first, last);
  }, [first, last, total, generation, ensureRows]);

  // Keep the selected row in view: after J/K, and after a new query (which selects the first row).
  const hasRows = total > 0;
  useEffect(() => {
    if (hasRows) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, generation, hasRows, virtualizer]);

  const template = { gridTemplateColumns: gridTemplate(columns) };
  return (
    <div className="table" role="grid" aria-label={t.ledger.title} aria-rowcount={total + 1} data-testid="incident-table">
      <div className="table-head" role="rowgroup">
        <div className="table-row" role="row" aria-rowindex={1} style={template}>
          {columns.map((column) => (
            <HeaderCell key={column} column={column} />
          ))}
        </div>
      </div>
      <div className="table-body" ref={scrollRef} role="rowgroup" data-testid="incident-scroll">
        <div className="table-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const incident = rowAt(pages, item.index);
            const isSelected = item.index === selected;
            return (
              <div
                key={incident?.id ?? `loading-${item.index}`}
                className={['table-row', incident ? '' : 'table-row-loading', isSelected ? 'table-row-selected' : ''].join(' ').trim()}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-testid={incident ? 'incident-row' : 'incident-row-loading'}
                data-number={incident?.number}
                style={{ ...template, transform: `translateY(${item.start}px)`, height: rowHeight }}
                onClick={() => {
                  if (!incident) return;
                  select(item.index);
                  openIncident(incident.id);
                }}
              >
                {incident ? <IncidentCells incident={incident} lookups={lookups} columns={columns} /> : <LoadingCells />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function ariaSort(sort: LedgerSort, column: ColumnId): 'ascending' | 'descending' | undefined {
  if (COLUMNS[column].sort !== sort.key) return undefined;
  return sort.descending ? 'descending' : 'ascending';
}

/** A column header; sortable ones are buttons that sort by the column and flip direction on a second click. */
function HeaderCell({ column }: { column: ColumnId }) {
  const sort = useIncidents((s) => s.sort);
  const sortBy = useIncidents((s) => s.sortBy);
  const key = COLUMNS[column].sort;
  const direction = ariaSort(sort, column);
  return (
    <div className={`cell cell-${column}${key ? ' cell-sortable' : ''}`} role="columnheader" aria-sort={direction}>
      {key ? (
        <button type="button" className="sort-button" title={t.ledger.sort.hint} onClick={() => sortBy(key)}>
          {t.ledger.columns[column]}
          <span className="sort-arrow" aria-hidden="true">
            {direction === 'descending' ? '↓' : direction === 'ascending' ? '↑' : '↕'}
          </span>
        </button>
      ) : (
        t.ledger.columns[column]
      )}
    </div>
  );
}

function IncidentCells({ incident, lookups, columns }: { incident: IncidentRow; lookups: Lookups; columns: readonly ColumnId[] }) {
  return (
    <>
      {columns.map((column) => {
        const def = COLUMNS[column];
        const muted = def.muted?.(incident) ?? false;
        return (
          <div
            key={column}
            className={`cell cell-${column}${column === 'number' ? ' mono' : ''}${muted ? ' muted' : ''}`}
            role="gridcell"
            title={def.title?.(incident, lookups)}
          >
            {def.render(incident, lookups)}
          </div>
        );
      })}
    </>
  );
}

function LoadingCells() {
  return (
    <div className="cell cell-loading muted" role="gridcell">
      {t.ledger.rowLoading}
    </div>
  );
}
