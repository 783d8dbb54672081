import { useState } from 'react';
import type { Peer } from '../../../shared/sync-schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useUi } from '../stores/ui.js';
import { AddPeerDialog } from './AddPeerDialog.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Fingerprint } from './Fingerprint.js';
import { messageOf, when } from './format.js';
import { useSync } from './store.js';

const s = t.sync.peers;

/**
 * Trusting is the moment that matters: the dialog shows the fingerprint large and says to compare it by phone
 * first. Withdrawing trust needs no phone call, only the consequence stated.
 */
function TrustDialog({ peer, onClose }: { peer: Peer; onClose: () => void }) {
  const load = useSync((st) => st.load);
  const notify = useUi((st) => st.notify);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trusting = !peer.trusted;
  const apply = async () => {
    setBusy(true);
    const result = await call('setPeerTrust', { peer: peer.siteId, trusted: trusting });
    setBusy(false);
    if (!result.ok) return setError(messageOf(result.error));
    notify(trusting ? s.trustedNotice(peer.name) : s.untrustedNotice(peer.name));
    onClose();
    await load();
  };
  return (
    <ConfirmDialog
      id="sy-trust"
      title={trusting ? s.trustTitle(peer.name) : s.untrustTitle(peer.name)}
      confirm={trusting ? s.trustConfirm : s.untrustConfirm}
      danger={!trusting}
      busy={busy}
      error={error}
      onConfirm={() => void apply()}
      onClose={onClose}
    >
      <p>{trusting ? s.trustBody : s.untrustBody}</p>
      {trusting && (
        <div className="sy-fp-box">
          <span className="sy-fp-label">
            {peer.name} · {s.fingerprint}
          </span>
          <Fingerprint value={peer.fingerprint} />
        </div>
      )}
    </ConfirmDialog>
  );
}

function PeerRow({ peer, lastOut, onTrust }: { peer: Peer; lastOut: string | null; onTrust: () => void }) {
  return (
    <li className="sy-peer" data-testid="peer-row" data-peer={peer.name} data-trusted={peer.trusted}>
      <div className="sy-peer-main">
        <div className="sy-peer-name">
          <span className="sy-strong">{peer.name}</span>
          <span className={`sy-pill ${peer.trusted ? 'sy-pill-ok' : 'sy-pill-warn'}`}>{peer.trusted ? s.trusted : s.untrusted}</span>
        </div>
        <div className="sy-peer-fp">
          <span className="sy-meta-label">{s.fingerprint}</span>
          <Fingerprint value={peer.fingerprint} size="small" />
          {peer.previousFingerprints.length > 0 && <span className="field-hint">（{s.previousKeys(peer.previousFingerprints.length)}）</span>}
        </div>
        <div className="sy-peer-meta">
          <span>
            <span className="sy-meta-label">{s.lastIn}</span> {when(peer.lastImportAt)}
          </span>
          <span>
            <span className="sy-meta-label">{s.lastOut}</span> {when(lastOut)}
          </span>
        </div>
      </div>
      <button type="button" className="button button-small" data-testid="peer-trust" onClick={onTrust}>
        {peer.trusted ? s.setUntrusted : s.setTrusted}
      </button>
    </li>
  );
}

/** The workstations this one exchanges bundles with: who they are, whether trusted, when last heard from. */
export function PeersPanel() {
  const peers = useSync((st) => st.peers);
  const history = useSync((st) => st.history);
  const [adding, setAdding] = useState(false);
  const [trustFor, setTrustFor] = useState<Peer | null>(null);
  // History is newest first, so the first outgoing row naming a peer is the latest bundle sent to it. Outgoing
  // rows carry the recipients' names (joined with 、), not their site ids.
  const lastOut = (peer: Peer) =>
    history.find((h) => h.direction === 'out' && (h.peerSite === peer.siteId || h.peerName.split('、').includes(peer.name)))?.at ?? null;

  return (
    <section className="panel sy-panel" aria-labelledby="sy-peers-title" data-testid="sync-peers">
      <PanelHeading id="sy-peers-title" title={s.title}>
        <button type="button" className="button button-primary" data-testid="peer-add" onClick={() => setAdding(true)}>
          {s.add}
        </button>
      </PanelHeading>
      {peers.length === 0 ? (
        <p className="muted">{s.empty}</p>
      ) : (
        <ul className="sy-peers">
          {peers.map((p) => (
            <PeerRow key={p.siteId} peer={p} lastOut={lastOut(p)} onTrust={() => setTrustFor(p)} />
          ))}
        </ul>
      )}
      {adding && <AddPeerDialog onClose={() => setAdding(false)} />}
      {trustFor && <TrustDialog peer={trustFor} onClose={() => setTrustFor(null)} />}
    </section>
  );
}
