import { t } from '../i18n/zh-CN.js';
import { LedgerView } from '../ledger-view/LedgerView.js';
import { useNav } from '../stores/nav.js';
import { Placeholder } from './Placeholder.js';
import { SettingsView } from './SettingsView.js';

export function CurrentView() {
  const view = useNav((s) => s.view);
  switch (view) {
    case 'ledger':
      return <LedgerView />;
    case 'settings':
      return <SettingsView />;
    default:
      return <Placeholder text={t.placeholder[view]} />;
  }
}
