import { create } from 'zustand';
import type { AppInfo, Category, Reference, Township, Unit } from '../../../shared/schemas.js';
import { call } from '../bridge.js';

// What the whole window needs once: who this workstation is, and the reference data (categories, units,
// townships) every view uses to show names and colours instead of stored codes.

export interface Lookups {
  category: Map<string, Category>;
  unit: Map<string, Unit>;
  township: Map<string, Township>;
}

interface SessionState {
  appInfo: AppInfo | null;
  reference: Reference | null;
  lookups: Lookups;
  error: string | null;
  load: () => Promise<void>;
}

const emptyLookups = (): Lookups => ({ category: new Map(), unit: new Map(), township: new Map() });

function lookupsOf(reference: Reference): Lookups {
  return {
    category: new Map(reference.categories.map((c) => [c.code, c])),
    unit: new Map(reference.units.map((u) => [u.id, u])),
    township: new Map(reference.townships.map((tw) => [tw.id, tw])),
  };
}

export const useSession = create<SessionState>()((set) => ({
  appInfo: null,
  reference: null,
  lookups: emptyLookups(),
  error: null,
  load: async () => {
    const [info, reference] = await Promise.all([call('getAppInfo'), call('getReference')]);
    if (!info.ok) return set({ error: info.error.message });
    if (!reference.ok) return set({ error: reference.error.message });
    set({ appInfo: info.value, reference: reference.value, lookups: lookupsOf(reference.value), error: null });
  },
}));
