import { create } from 'zustand';
import type { StaffMember } from '../../../shared/api/staff.js';
import { call } from '../bridge.js';

// Who is at the keyboard (issue 11) and the workstation's staff. The core remembers the choice; the window asks
// for a name when the workstation has active staff and nobody is chosen, or when the person asks to 切换.

interface StaffState {
  staff: StaffMember[];
  current: string;
  loaded: boolean;
  /** The chooser was opened by 切换 (it can be closed without choosing). */
  switching: boolean;
  load: () => Promise<void>;
  choose: (name: string) => Promise<string | null>;
  openSwitch: () => void;
  closeSwitch: () => void;
}

export const useStaff = create<StaffState>()((set) => ({
  staff: [],
  current: '',
  loaded: false,
  switching: false,
  load: async () => {
    const result = await call('listStaff');
    if (result.ok) set({ staff: result.value.staff, current: result.value.current, loaded: true });
  },
  /** Returns the refusal's message, or null once chosen. */
  choose: async (name) => {
    const result = await call('chooseStaff', { name });
    if (!result.ok) return result.error.message;
    set({ staff: result.value.staff, current: result.value.current, switching: false });
    return null;
  },
  openSwitch: () => set({ switching: true }),
  closeSwitch: () => set({ switching: false }),
}));

/** The chooser shows before work when someone must say who they are, and on 切换. */
export const chooserNeeded = (s: Pick<StaffState, 'staff' | 'current' | 'loaded' | 'switching'>): boolean =>
  s.loaded && s.staff.some((m) => m.active) && (s.switching || s.current === '');
