import { create } from 'zustand';
import type { Board, Commitment } from '../../../shared/api/commitments.js';
import { call } from '../bridge.js';

// The 承诺督办 board: loaded from the core, reloaded after every change made from this view; `version` lets the
// navigation badge recount when the board changed.

interface CommitmentsState {
  board: Board | null;
  unit: string;
  loading: boolean;
  error: string | null;
  version: number;
  adding: boolean;
  /** The commitment open in the detail dialog. */
  selected: Commitment | null;
  /** The unit whose 督办单 is being previewed. */
  sheetUnit: string | null;
  load: () => Promise<void>;
  setUnit: (unit: string) => Promise<void>;
  changed: () => Promise<void>;
  openAdd: () => void;
  closeAdd: () => void;
  select: (c: Commitment | null) => void;
  openSheet: (unitId: string | null) => void;
}

export const useCommitments = create<CommitmentsState>()((set, get) => ({
  board: null,
  unit: '',
  loading: false,
  error: null,
  version: 0,
  adding: false,
  selected: null,
  sheetUnit: null,
  load: async () => {
    set({ loading: true });
    const unit = get().unit;
    const result = await call('getCommitmentBoard', unit ? { unit } : {});
    if (result.ok) set({ board: result.value, error: null, loading: false });
    else set({ error: result.error.message, loading: false });
  },
  setUnit: async (unit) => {
    set({ unit });
    await get().load();
  },
  changed: async () => {
    set((s) => ({ version: s.version + 1 }));
    await get().load();
  },
  openAdd: () => set({ adding: true }),
  closeAdd: () => set({ adding: false }),
  select: (selected) => set({ selected }),
  openSheet: (sheetUnit) => set({ sheetUnit }),
}));
