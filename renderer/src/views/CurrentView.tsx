import { CommitmentsView } from '../commitments/CommitmentsView.js';
import { DashboardView } from '../dashboard/DashboardView.js';
import { DigestView } from '../digest/DigestView.js';
import { t } from '../i18n/zh-CN.js';
import { IncidentPage } from '../incident/IncidentPage.js';
import { LedgerView } from '../incident-list/LedgerView.js';
import { useNav } from '../stores/nav.js';
import { SyncView } from '../sync/SyncView.js';
import { Placeholder } from './Placeholder.js';
import { SettingsView } from './SettingsView.js';

export function CurrentView() {
  const view = useNav((s) => s.view);
  const incident = useNav((s) => s.incident);
  // An open incident page covers whichever view it was opened from (ledger or 工作台); closing it returns there.
  if (incident !== null) return <IncidentPage key={incident} id={incident} />;
  switch (view) {
    case 'dashboard':
      return <DashboardView />;
    case 'ledger':
      return <LedgerView />;
    case 'commitments':
      return <CommitmentsView />;
    case 'settings':
      return <SettingsView />;
    case 'digest':
      return <DigestView />;
    case 'sync':
      return <SyncView />;
    default:
      return <Placeholder text={t.placeholder[view]} />;
  }
}
