import { useEffect } from 'react';
import { RegisterDialog } from './register/RegisterDialog.js';
import { Header } from './shell/Header.js';
import { Notice } from './shell/Notice.js';
import { Sidebar } from './shell/Sidebar.js';
import { useShortcuts } from './shell/useShortcuts.js';
import { useNav } from './stores/nav.js';
import { useSession } from './stores/session.js';
import { useStaff } from './stores/staff.js';
import { StaffChooser } from './staff/StaffChooser.js';
import { useUi } from './stores/ui.js';
import { CurrentView } from './views/CurrentView.js';

export function App() {
  const load = useSession((s) => s.load);
  const loadStaff = useStaff((s) => s.load);
  const registering = useUi((s) => s.registering);
  const view = useNav((s) => s.view);
  useShortcuts();

  useEffect(() => {
    void load();
    void loadStaff();
  }, [load, loadStaff]);

  return (
    <div className="app">
      <Sidebar />
      <div className="app-main">
        <Header />
        <main className="view" id="view" aria-labelledby={`nav-${view}`}>
          <CurrentView />
        </main>
      </div>
      {registering && <RegisterDialog />}
      <StaffChooser />
      <Notice />
    </div>
  );
}
