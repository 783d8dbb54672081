import type { LedgerHandlers } from '../../../shared/contract.js';
import { createIncident, getIncident, listIncidents, transitionIncident, updateIncident } from '../ledger/incidents.js';
import type { Ledger } from '../open-ledger.js';
import { withRowFacts } from '../ledger/row-facts.js';
import { incidentTimeline } from '../ledger/timeline.js';

export function incidentHandlers({ ctx, db }: Ledger) {
  return {
    createIncident: (input) => createIncident(ctx, input),
    updateIncident: ({ id, patch }) => updateIncident(ctx, id, patch),
    getIncident: ({ id }) => getIncident(db, id),
    listIncidents: (query) => withRowFacts(db, listIncidents(db, query), ctx.now()),
    transitionIncident: ({ id, to, reason }) => transitionIncident(ctx, id, to, reason),
    getIncidentTimeline: ({ id }) => incidentTimeline(db, id),
  } satisfies Partial<LedgerHandlers>;
}
