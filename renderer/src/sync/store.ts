import { create } from 'zustand';
import type { BundleRecord, Conflict, ContactCard, Peer, QuarantinedOp, SyncIdentity } from '../../../shared/sync-schemas.js';
import { call } from '../bridge.js';

// The 同步 view's data: this workstation, its peers, open conflicts, the bundle history and quarantined
// operations. Everything is reloaded together after any action here, because one import can change all of it
// (a peer's last-seen time, new conflicts, a history row, released quarantine).

interface SyncState {
  identity: SyncIdentity | null;
  card: { text: string; card: ContactCard } | null;
  peers: Peer[];
  conflicts: Conflict[];
  history: BundleRecord[];
  quarantine: QuarantinedOp[];
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
}

export const useSync = create<SyncState>()((set) => ({
  identity: null,
  card: null,
  peers: [],
  conflicts: [],
  history: [],
  quarantine: [],
  loaded: false,
  error: null,
  load: async () => {
    const [identity, card, peers, conflicts, history, quarantine] = await Promise.all([
      call('getSyncIdentity'),
      call('getContactCard'),
      call('listPeers'),
      call('listConflicts'),
      call('bundleHistory'),
      call('listQuarantine'),
    ]);
    // The first failure is the one to show; whatever did load stays visible.
    const failed = [identity, card, peers, conflicts, history, quarantine].find((r) => !r.ok);
    set((s) => ({
      identity: identity.ok ? identity.value : s.identity,
      card: card.ok ? card.value : s.card,
      peers: peers.ok ? peers.value : s.peers,
      conflicts: conflicts.ok ? conflicts.value : s.conflicts,
      history: history.ok ? history.value : s.history,
      quarantine: quarantine.ok ? quarantine.value : s.quarantine,
      loaded: true,
      error: failed && !failed.ok ? failed.error.message : null,
    }));
  },
}));

/** A workstation's name by site id: ours, a peer's, or (for a site we only know from operations) its id. */
export function siteName(state: Pick<SyncState, 'identity' | 'peers' | 'history'>, site: string, self: string): string {
  if (state.identity?.siteId === site) return self;
  return state.peers.find((p) => p.siteId === site)?.name ?? state.history.find((h) => h.peerSite === site)?.peerName ?? site;
}
