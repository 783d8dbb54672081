import type { IncidentStatus } from './domain.js';

// The incident workflow (DESIGN §1). The core enforces it; the UI uses the same table to offer only the moves
// that will be accepted. 舆情反弹 can send a responded or tracked incident back to 处置中. Recording a response
// walks an incident still in 待研判 through 处置中 to 已回应 (each step checked here).
export const STATUS_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triage: ['handling', 'no_response'],
  handling: ['responded'],
  responded: ['tracking', 'closed', 'handling'],
  tracking: ['closed', 'handling'],
  closed: ['tracking'],
  no_response: ['triage'],
};

/** Moves that need a written reason: closing without a response, and reopening a closed incident. */
export function transitionNeedsReason(from: IncidentStatus, to: IncidentStatus): boolean {
  return to === 'no_response' || from === 'closed' || from === 'no_response';
}

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}
