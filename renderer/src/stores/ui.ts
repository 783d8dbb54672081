import { create } from 'zustand';

// Transient UI state shared across views: whether the 登记 form is open, and the brief confirmation shown after
// an action succeeds.

interface UiState {
  registering: boolean;
  notice: string | null;
  openRegister: () => void;
  closeRegister: () => void;
  notify: (notice: string) => void;
  dismissNotice: () => void;
}

export const useUi = create<UiState>()((set) => ({
  registering: false,
  notice: null,
  openRegister: () => set({ registering: true }),
  closeRegister: () => set({ registering: false }),
  notify: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
}));
