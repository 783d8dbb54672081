import { create } from 'zustand';

// State-based routing: the app has a handful of top-level views and no deep links, so a router would be weight
// without benefit.

export const VIEWS = ['dashboard', 'ledger', 'commitments', 'digest', 'sync', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

interface NavState {
  view: ViewId;
  go: (view: ViewId) => void;
}

// The ledger is the first view that does real work, so the app opens on it.
export const useNav = create<NavState>()((set) => ({
  view: 'ledger',
  go: (view) => set({ view }),
}));
