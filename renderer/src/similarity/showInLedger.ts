import type { CommonIssue } from '../../../shared/api/similarity.js';
import { noFilters, useIncidents } from '../incident-list/store.js';
import { useNav } from '../stores/nav.js';

/** Opens the ledger filtered to one 共性问题 (the 同一问题 filter), newest first. */
export function showInLedger(issue: Pick<CommonIssue, 'label' | 'incidentIds'>): void {
  useIncidents.getState().applyQuery(
    { ...noFilters, sameIssueIds: issue.incidentIds.join(','), sameIssueLabel: issue.label },
    { key: 'foundAt', descending: true },
  );
  useNav.getState().go('ledger');
}
