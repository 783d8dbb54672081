import { create } from 'zustand';

// State-based routing: the app has a handful of top-level views and no deep links, so a router would be weight
// without benefit.

export const VIEWS = ['dashboard', 'ledger', 'commitments', 'digest', 'sync', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

interface NavState {
  view: ViewId;
  /** The incident page open over the current view, or null. */
  incident: string | null;
  go: (view: ViewId) => void;
  openIncident: (id: string) => void;
  closeIncident: () => void;
}

// The app opens on 工作台: the first thing a clerk needs in the morning is what must be done today.
export const useNav = create<NavState>()((set) => ({
  view: 'dashboard',
  incident: null,
  // Choosing a view in the navigation leaves any open incident page.
  go: (view) => set({ view, incident: null }),
  openIncident: (id) => set({ incident: id }),
  closeIncident: () => set({ incident: null }),
}));
