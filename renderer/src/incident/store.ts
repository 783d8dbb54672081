import { create } from 'zustand';
import type { Attachment } from '../../../shared/api/attachments.js';
import type { ClockEntry, Response } from '../../../shared/api/responses.js';
import type { TimelineEntry } from '../../../shared/api/timeline.js';
import type { Incident } from '../../../shared/schemas.js';
import { call } from '../bridge.js';

// Everything the incident page shows about one incident. Each change made on the page (an edit, a status move,
// a response, an attachment) touches several of these at once — a response stops a clock, may move the status
// and adds a timeline entry — so the page re-reads them all together rather than patching them one by one.

interface IncidentPageState {
  id: string | null;
  incident: Incident | null;
  clock: ClockEntry[];
  responses: Response[];
  attachments: Attachment[];
  timeline: TimelineEntry[];
  error: string | null;
  load: (id: string) => Promise<void>;
  refresh: () => Promise<void>;
}

export const useIncidentPage = create<IncidentPageState>()((set, get) => ({
  id: null,
  incident: null,
  clock: [],
  responses: [],
  attachments: [],
  timeline: [],
  error: null,
  load: (id) => {
    set({ id, incident: null, clock: [], responses: [], attachments: [], timeline: [], error: null });
    return get().refresh();
  },
  refresh: async () => {
    const id = get().id;
    if (id === null) return;
    const [incident, clock, responses, attachments, timeline] = await Promise.all([
      call('getIncident', { id }),
      call('listClock', { incident: id, includeMet: true }),
      call('listResponses', { incident: id }),
      call('listAttachments', { incident: id }),
      call('getIncidentTimeline', { id }),
    ]);
    // The page may have moved on to another incident while these were on their way.
    if (get().id !== id) return;
    if (!incident.ok) return set({ error: incident.error.message });
    const failed = [clock, responses, attachments, timeline].find((r) => !r.ok);
    set({
      incident: incident.value,
      clock: clock.ok ? clock.value : [],
      responses: responses.ok ? responses.value : [],
      attachments: attachments.ok ? attachments.value : [],
      timeline: timeline.ok ? timeline.value : [],
      error: failed && !failed.ok ? failed.error.message : null,
    });
  },
}));
