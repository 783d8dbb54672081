import { cleanup, render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { App } from '../../renderer/src/App.js';
import { useCommitments } from '../../renderer/src/commitments/store.js';
import { useColumns } from '../../renderer/src/incident-list/columnsStore.js';
import { useIncidentPage } from '../../renderer/src/incident/store.js';
import { useIncidents } from '../../renderer/src/incident-list/store.js';
import { useNav, type ViewId } from '../../renderer/src/stores/nav.js';
import { useSession } from '../../renderer/src/stores/session.js';
import { useUi } from '../../renderer/src/stores/ui.js';
import { type InstalledLedger, installRealLedger } from './real-ledger.js';

// Renders the whole app against a fresh real ledger. The zustand stores are module singletons, so each test
// starts them from their initial state, as a freshly opened window would.

function resetStores(): void {
  useNav.setState(useNav.getInitialState(), true);
  useUi.setState(useUi.getInitialState(), true);
  useSession.setState(useSession.getInitialState(), true);
  useIncidents.setState(useIncidents.getInitialState(), true);
  useIncidentPage.setState(useIncidentPage.getInitialState(), true);
  useCommitments.setState(useCommitments.getInitialState(), true);
  // Column choices persist in localStorage, which jsdom keeps between the tests of a file.
  localStorage.clear();
  useColumns.getState().restore();
}

// jsdom lays nothing out, so every element measures 0×0 and the virtualised table would show no rows. Give
// elements a window-sized box, as a 1280×800 workstation screen would.
function fakeLayout(): () => void {
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  };
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1100 });
  return () => {
    for (const [key, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
    }
  };
}

export interface RenderedApp extends InstalledLedger {
  user: ReturnType<typeof userEvent.setup>;
  /** Unmounts, restores layout and closes the ledger; call from afterEach. */
  teardown(): void;
}

/**
 * `prepare` may fill the ledger before the window opens. Most tests exercise the 台账, so the window starts there
 * unless `startOn` says otherwise; `startOn: 'launch'` keeps the view the app itself opens on (工作台).
 */
export async function renderApp(
  prepare?: (installed: InstalledLedger) => Promise<unknown>,
  { startOn = 'ledger' }: { startOn?: ViewId | 'launch' } = {},
): Promise<RenderedApp> {
  resetStores();
  if (startOn !== 'launch') useNav.setState({ view: startOn });
  const restoreLayout = fakeLayout();
  const installed = installRealLedger();
  if (prepare) await prepare(installed);
  const user = userEvent.setup();
  render(<App />);
  return {
    ...installed,
    user,
    teardown: () => {
      cleanup();
      restoreLayout();
      installed.uninstall();
    },
  };
}
