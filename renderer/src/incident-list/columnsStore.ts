import { create } from 'zustand';
import { COLUMN_IDS, type ColumnId, DEFAULT_COLUMNS, FIXED_COLUMNS } from './columns.js';

// Which ledger columns this person shows. A per-workstation preference, not ledger data, so it lives in
// localStorage rather than in the ledger (it must not travel in sync bundles).
const STORAGE_KEY = 'yq.ledger.columns';

function isColumnId(value: unknown): value is ColumnId {
  const ids: readonly unknown[] = COLUMN_IDS;
  return ids.includes(value);
}

function load(): ColumnId[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(raw)) return normalise(raw.filter(isColumnId));
  } catch {
    // A damaged preference falls back to the defaults.
  }
  return [...DEFAULT_COLUMNS];
}

/** Fixed columns always present; the order is always the catalogue order, whatever order they were ticked in. */
function normalise(columns: readonly ColumnId[]): ColumnId[] {
  return COLUMN_IDS.filter((id) => FIXED_COLUMNS.includes(id) || columns.includes(id));
}

interface ColumnsState {
  visible: ColumnId[];
  toggle: (id: ColumnId, on: boolean) => void;
  /** Re-reads the saved preference (a fresh window, or tests). */
  restore: () => void;
}

export const useColumns = create<ColumnsState>()((set, get) => ({
  visible: load(),
  toggle: (id, on) => {
    const current = get().visible;
    const visible = normalise(on ? [...current, id] : current.filter((c) => c !== id));
    localStorage.setItem(STORAGE_KEY, JSON.stringify(visible));
    set({ visible });
  },
  restore: () => set({ visible: load() }),
}));
