import { create } from 'zustand';
import type { IncidentStatus, Severity } from '../../../shared/domain.js';
import type { Incident, IncidentQuery } from '../../../shared/schemas.js';
import { call } from '../ledger.js';

// The ledger table's data: filters, the total count, and the pages of rows fetched so far. The table is
// virtualised, so rows are fetched page by page as they scroll into view rather than all at once — a ledger of
// 100k incidents must open as fast as one of ten.

export const PAGE_SIZE = 100;

export interface LedgerFilters {
  category: string;
  severity: Severity | '';
  status: IncidentStatus | '';
}

const noFilters: LedgerFilters = { category: '', severity: '', status: '' };

interface IncidentsState {
  filters: LedgerFilters;
  /** Matching incidents in the whole ledger; null until the first page of the current query has arrived. */
  total: number | null;
  pages: Readonly<Record<number, readonly Incident[]>>;
  loading: Readonly<Record<number, true>>;
  error: string | null;
  /** Bumped on every reload, so answers to an earlier query are recognised and dropped. */
  generation: number;
  setFilters: (patch: Partial<LedgerFilters>) => void;
  clearFilters: () => void;
  reload: () => Promise<void>;
  /** Fetches the pages covering rows first..last (inclusive) that are neither loaded nor on their way. */
  ensureRows: (first: number, last: number) => void;
}

function queryOf(filters: LedgerFilters): IncidentQuery {
  return {
    ...(filters.category ? { categories: [filters.category] } : {}),
    ...(filters.severity ? { severities: [filters.severity] } : {}),
    ...(filters.status ? { statuses: [filters.status] } : {}),
    sort: 'foundAt',
    descending: true,
  };
}

// Generations only ever grow, even if the store is reset, so no late answer can pass for a current one.
let lastGeneration = 0;

export const useIncidents = create<IncidentsState>()((set, get) => {
  async function fetchPage(page: number): Promise<void> {
    const { generation, filters } = get();
    set((s) => ({ loading: { ...s.loading, [page]: true } }));
    const result = await call('listIncidents', { ...queryOf(filters), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    if (get().generation !== generation) return;
    set((s) => {
      const loading: Record<number, true> = { ...s.loading };
      delete loading[page];
      return result.ok
        ? { loading, pages: { ...s.pages, [page]: result.value.rows }, total: result.value.total, error: null }
        : { loading, error: result.error.message };
    });
  }

  return {
    filters: noFilters,
    total: null,
    pages: {},
    loading: {},
    error: null,
    generation: 0,
    setFilters: (patch) => {
      set((s) => ({ filters: { ...s.filters, ...patch } }));
      void get().reload();
    },
    clearFilters: () => {
      set({ filters: noFilters });
      void get().reload();
    },
    reload: () => {
      set({ generation: ++lastGeneration, pages: {}, loading: {}, total: null, error: null });
      return fetchPage(0);
    },
    ensureRows: (first, last) => {
      const { pages, loading, total } = get();
      if (total === null) return;
      const lastPage = Math.floor(Math.min(last, total - 1) / PAGE_SIZE);
      for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= lastPage; page++) {
        if (!pages[page] && !loading[page]) void fetchPage(page);
      }
    },
  };
});

/** The incident at a row index, or undefined while its page is loading. */
export function rowAt(pages: IncidentsState['pages'], index: number): Incident | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
