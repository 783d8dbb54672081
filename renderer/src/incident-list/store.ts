import { create } from 'zustand';
import { toChinaInputValue } from '../../../shared/china-time.js';
import type { IncidentStatus, Platform, Severity } from '../../../shared/domain.js';
import { type IncidentQuery, type IncidentRow, incidentQuerySchema } from '../../../shared/schemas.js';
import { call } from '../bridge.js';
import { parseChinaDateTime } from '../../../shared/input/written-time.js';

// The ledger table's data: filters, search text, sort, the total count, the pages of rows fetched so far and
// the selected row. The table is virtualised, so rows are fetched page by page as they scroll into view rather
// than all at once — a ledger of 100k incidents must open as fast as one of ten.

export const PAGE_SIZE = 100;

export interface LedgerFilters {
  /** Full-text search; when present the ledger answers best matches first, with highlights. */
  text: string;
  /** Several values each (重大 + 特别重大; every open status); none means no narrowing. */
  category: readonly string[];
  severity: readonly Severity[];
  status: readonly IncidentStatus[];
  platform: readonly Platform[];
  leadUnit: string;
  township: string;
  /** 发现时间 range as `YYYY-MM-DD` (China dates), both ends inclusive. */
  foundFrom: string;
  foundTo: string;
  /** 同一问题: the incident ids of one 共性问题, comma-separated, and the label it is shown by. */
  sameIssueIds: string;
  sameIssueLabel: string;
}

export const SORT_KEYS = ['foundAt', 'number', 'severity', 'status', 'updatedAt', 'relevance'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface LedgerSort {
  key: SortKey;
  descending: boolean;
}

export const noFilters: LedgerFilters = {
  text: '',
  category: [],
  severity: [],
  status: [],
  platform: [],
  leadUnit: '',
  township: '',
  foundFrom: '',
  foundTo: '',
  sameIssueIds: '',
  sameIssueLabel: '',
};
const defaultSort: LedgerSort = { key: 'foundAt', descending: true };

/** Whether any filter other than the search text narrows the ledger. */
export function hasFilters(filters: LedgerFilters): boolean {
  const { text: _text, ...narrowing } = filters;
  const values: readonly (string | readonly string[])[] = Object.values(narrowing);
  return values.some((value) => value.length > 0);
}

interface IncidentsState {
  filters: LedgerFilters;
  sort: LedgerSort;
  /** Matching incidents in the whole ledger; null until the first page of the current query has arrived. */
  total: number | null;
  pages: Readonly<Record<number, readonly IncidentRow[]>>;
  loading: Readonly<Record<number, true>>;
  error: string | null;
  /** Bumped on every reload, so answers to an earlier query are recognised and dropped. */
  generation: number;
  /** Index of the selected row (J/K move it, Enter opens it). */
  selected: number;
  setFilters: (patch: Partial<LedgerFilters>) => void;
  clearFilters: () => void;
  /** Replaces filters and sort at once (a saved view). */
  applyQuery: (filters: LedgerFilters, sort: LedgerSort) => void;
  /** Sorts by a column; the same column again flips the direction. */
  sortBy: (key: SortKey) => void;
  /** Re-reads the ledger; `keepSelection` when coming back to the same query (e.g. from an incident page). */
  reload: (options?: { keepSelection?: boolean }) => Promise<void>;
  /** Fetches the pages covering rows first..last (inclusive) that are neither loaded nor on their way. */
  ensureRows: (first: number, last: number) => void;
  select: (index: number) => void;
  /** Selects the row of an incident when it is among the rows loaded (e.g. the one just registered). */
  selectIncident: (id: string) => void;
  /** Moves the selection by delta rows, staying inside the table. */
  moveSelection: (delta: number) => void;
}

const DAY_MS = 24 * 3600_000;

/** The ledger's end of range is exclusive, so an end date (inclusive, as people mean it) asks for the next midnight. */
function dayAfter(day: string): string {
  const start = parseChinaDateTime(`${day} 00:00`);
  return start ? new Date(Date.parse(start) + DAY_MS).toISOString() : day;
}

/** The query the current filters and sort ask of the ledger (no paging). */
export function queryOf(filters: LedgerFilters, sort: LedgerSort): Omit<IncidentQuery, 'offset' | 'limit'> {
  const text = filters.text.trim();
  // Relevance only means something with search text; without it the newest come first.
  const effective = sort.key === 'relevance' && text === '' ? defaultSort : sort;
  return {
    ...(text ? { text } : {}),
    ...(filters.category.length > 0 ? { categories: [...filters.category] } : {}),
    ...(filters.severity.length > 0 ? { severities: [...filters.severity] } : {}),
    ...(filters.status.length > 0 ? { statuses: [...filters.status] } : {}),
    ...(filters.platform.length > 0 ? { platforms: [...filters.platform] } : {}),
    ...(filters.leadUnit ? { leadUnit: filters.leadUnit } : {}),
    ...(filters.township ? { township: filters.township } : {}),
    ...(filters.foundFrom ? { foundFrom: `${filters.foundFrom} 00:00` } : {}),
    ...(filters.foundTo ? { foundTo: dayAfter(filters.foundTo) } : {}),
    ...(filters.sameIssueIds ? { ids: filters.sameIssueIds.split(',') } : {}),
    sort: effective.key,
    descending: effective.descending,
  };
}

/** A saved view's query back into the ledger's filters (it was saved by `queryOf`, but may predate changes). */
export function filtersOfQuery(query: Record<string, unknown>): { filters: LedgerFilters; sort: LedgerSort } | undefined {
  const parsed = incidentQuerySchema.safeParse(query);
  if (!parsed.success) return undefined;
  const q = parsed.data;
  const day = (iso: string | undefined) => (iso ? toChinaInputValue(iso).slice(0, 10) : '');
  const dayBefore = (iso: string | undefined) => (iso ? day(new Date(Date.parse(iso) - DAY_MS).toISOString()) : '');
  return {
    filters: {
      text: q.text ?? '',
      // Every value the view was saved with (views saved before several were allowed hold one).
      category: q.categories ?? [],
      severity: q.severities ?? [],
      status: q.statuses ?? [],
      platform: q.platforms ?? [],
      leadUnit: q.leadUnit ?? '',
      township: q.township ?? '',
      foundFrom: day(q.foundFrom),
      foundTo: dayBefore(q.foundTo),
      sameIssueIds: q.ids?.join(',') ?? '',
      sameIssueLabel: q.ids ? `${q.ids.length} 起` : '',
    },
    sort: { key: q.sort, descending: q.descending },
  };
}

// Generations only ever grow, even if the store is reset, so no late answer can pass for a current one.
let lastGeneration = 0;

export const useIncidents = create<IncidentsState>()((set, get) => {
  async function fetchPage(page: number): Promise<void> {
    const { generation, filters, sort } = get();
    set((s) => ({ loading: { ...s.loading, [page]: true } }));
    const result = await call('listIncidents', { ...queryOf(filters, sort), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    if (get().generation !== generation) return;
    set((s) => {
      const loading: Record<number, true> = { ...s.loading };
      delete loading[page];
      if (!result.ok) return { loading, error: result.error.message };
      const total = result.value.total;
      return {
        loading,
        pages: { ...s.pages, [page]: result.value.rows },
        total,
        error: null,
        selected: Math.max(0, Math.min(s.selected, total - 1)),
      };
    });
  }

  const requery = () => {
    set({ selected: 0 });
    void get().reload();
  };

  return {
    filters: noFilters,
    sort: defaultSort,
    total: null,
    pages: {},
    loading: {},
    error: null,
    generation: 0,
    selected: 0,
    setFilters: (patch) => {
      const { filters, sort } = get();
      const next = { ...filters, ...patch };
      const hadText = filters.text.trim() !== '';
      const hasText = next.text.trim() !== '';
      // Starting a search ranks by relevance; ending one returns to the usual order.
      let nextSort = sort;
      if (hasText && !hadText) nextSort = { key: 'relevance', descending: true };
      if (!hasText && sort.key === 'relevance') nextSort = defaultSort;
      set({ filters: next, sort: nextSort });
      requery();
    },
    clearFilters: () => {
      const { filters, sort } = get();
      // 清除筛选 keeps the search: the two are separate controls.
      set({ filters: { ...noFilters, text: filters.text }, sort });
      requery();
    },
    applyQuery: (filters, sort) => {
      set({ filters, sort });
      requery();
    },
    sortBy: (key) => {
      const { sort } = get();
      // Dates and grades read best biggest/newest first; codes like numbers too, so every column starts descending.
      set({ sort: sort.key === key ? { key, descending: !sort.descending } : { key, descending: true } });
      requery();
    },
    reload: (options) => {
      set((s) => ({
        generation: ++lastGeneration,
        pages: {},
        loading: {},
        total: null,
        error: null,
        selected: options?.keepSelection ? s.selected : 0,
      }));
      const page = options?.keepSelection ? Math.floor(get().selected / PAGE_SIZE) : 0;
      return fetchPage(page);
    },
    ensureRows: (first, last) => {
      const { pages, loading, total } = get();
      if (total === null) return;
      const lastPage = Math.floor(Math.min(last, total - 1) / PAGE_SIZE);
      for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= lastPage; page++) {
        if (!pages[page] && !loading[page]) void fetchPage(page);
      }
    },
    select: (index) => set({ selected: index }),
    selectIncident: (id) => {
      for (const [page, rows] of Object.entries(get().pages)) {
        const at = rows.findIndex((row) => row.id === id);
        if (at >= 0) return set({ selected: Number(page) * PAGE_SIZE + at });
      }
    },
    moveSelection: (delta) => {
      const { total, selected } = get();
      if (!total) return;
      set({ selected: Math.max(0, Math.min(total - 1, selected + delta)) });
    },
  };
});

/** The incident at a row index, or undefined while its page is loading. */
export function rowAt(pages: IncidentsState['pages'], index: number): IncidentRow | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
