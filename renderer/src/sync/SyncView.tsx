import { useEffect } from 'react';
import { t } from '../i18n/zh-CN.js';
import { ConflictsPanel } from './ConflictsPanel.js';
import { ExportPanel } from './ExportPanel.js';
import { HistoryPanel } from './HistoryPanel.js';
import { IdentityPanel } from './IdentityPanel.js';
import { ImportPanel } from './ImportPanel.js';
import { PeersPanel } from './PeersPanel.js';
import { useSync } from './store.js';
import './sync.css';

const s = t.sync;

/**
 * 同步: everything on one page — setting up (who we are, whom we trust) on the left, carrying bundles out and in
 * on the right, then reviewing what the imports settled. No tabs: the whole state of sync is visible at once.
 */
export function SyncView() {
  const load = useSync((st) => st.load);
  const loaded = useSync((st) => st.loaded);
  const peers = useSync((st) => st.peers);
  const error = useSync((st) => st.error);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="view sy-view" data-testid="sync-view">
      <div className="toolbar">
        {/* How to begin: gone once a workstation is trusted, when it no longer says anything new. */}
        {!peers.some((p) => p.trusted) && <p className="muted sy-intro">{s.intro}</p>}
        <span className="toolbar-end">
          <button type="button" className="button" onClick={() => void load()}>
            {s.refresh}
          </button>
        </span>
      </div>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="sync-load-error">
          {s.loadFailed}：{error}
        </div>
      )}
      {!loaded ? (
        <p className="muted">{t.loading}</p>
      ) : (
        <div className="sy-grid">
          {/* Two independent stacks, so a tall panel on one side leaves no hole on the other. */}
          <div className="sy-col">
            <IdentityPanel />
            <PeersPanel />
          </div>
          <div className="sy-col">
            <ExportPanel />
            <ImportPanel />
          </div>
          <ConflictsPanel />
          <HistoryPanel />
        </div>
      )}
    </div>
  );
}
