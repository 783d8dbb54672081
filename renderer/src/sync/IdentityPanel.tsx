import { useState } from 'react';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useUi } from '../stores/ui.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Fingerprint } from './Fingerprint.js';
import { cardFileName, messageOf, when } from './format.js';
import { useSync } from './store.js';

const s = t.sync.identity;

/**
 * The card as a card: the workstation's name and its 核对词, as the other side will see them; the text to copy
 * (JSON) folded away under 联系卡原文.
 */
function CardView({ text, name, fingerprint }: { text: string; name: string; fingerprint: string }) {
  const notify = useUi((st) => st.notify);
  const copy = async () => {
    // The clipboard exists only in a secure context; where it is missing the text can still be selected by hand.
    try {
      await navigator.clipboard.writeText(text);
      notify(s.copied);
    } catch {
      /* selecting the text by hand still works */
    }
  };
  return (
    <div className="sy-card" data-testid="card-view">
      <span className="field-label">{s.cardTitle}</span>
      <span className="sy-card-name">{name}</span>
      <Fingerprint value={fingerprint} size="small" />
      <div className="sy-row">
        <span className="field-hint">{s.cardTextHint}</span>
        <button type="button" className="button button-small" onClick={() => void copy()}>
          {s.copy}
        </button>
      </div>
      <details>
        <summary>{s.cardRaw}</summary>
        <label className="visually-hidden" htmlFor="sy-card-text">
          {s.cardText}
        </label>
        <textarea id="sy-card-text" readOnly rows={8} value={text} data-testid="card-text" onFocus={(e) => e.currentTarget.select()} />
      </details>
    </div>
  );
}

/** Asks before rotating: peers must receive the new card, while older bundles still open with the kept key. */
function RotateDialog({ onClose }: { onClose: () => void }) {
  const load = useSync((st) => st.load);
  const notify = useUi((st) => st.notify);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rotate = async () => {
    setBusy(true);
    const result = await call('rotateSyncKeys');
    setBusy(false);
    if (!result.ok) return setError(messageOf(result.error));
    notify(s.rotated(result.value.fingerprint));
    onClose();
    await load();
  };
  return (
    <ConfirmDialog id="sy-rotate" title={s.rotateTitle} confirm={s.rotateConfirm} busy={busy} error={error} onConfirm={() => void rotate()} onClose={onClose}>
      {s.rotateBody.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </ConfirmDialog>
  );
}

/** This workstation: its name and id, the fingerprint to read aloud, its card to hand over, key rotation. */
export function IdentityPanel() {
  const identity = useSync((st) => st.identity);
  const card = useSync((st) => st.card);
  const notify = useUi((st) => st.notify);
  const [showCard, setShowCard] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exportCard = async () => {
    if (!identity) return;
    setError(null);
    const chosen = await call('chooseFile', {
      mode: 'save',
      title: s.exportCardTitle,
      defaultName: cardFileName(identity.name),
      filters: [{ name: s.cardFilter, extensions: ['json'] }],
    });
    if (!chosen.ok) return setError(messageOf(chosen.error));
    if (chosen.value.path === null) return;
    const saved = await call('exportContactCard', { path: chosen.value.path });
    if (!saved.ok) return setError(messageOf(saved.error));
    notify(s.cardSaved(saved.value.path));
  };

  return (
    <section className="panel sy-panel" aria-labelledby="sy-identity-title" data-testid="sync-identity">
      <PanelHeading id="sy-identity-title" title={s.title} />
      {identity && (
        <>
          <dl className="facts">
            <dt>{s.name}</dt>
            <dd>
              <span data-testid="sync-name">{identity.name}</span>
              {/* Peers know us by the name on the card they added: a rename reaches them only with a new card. */}
              <span className="field-hint sy-name-hint">{s.nameHint}</span>
            </dd>
            <dt>{s.createdAt}</dt>
            <dd>{when(identity.createdAt)}</dd>
          </dl>
          <div className="sy-fp-box">
            <span className="sy-fp-label">{s.fingerprint}</span>
            <Fingerprint value={identity.fingerprint} testId="own-fingerprint" />
            <span className="field-hint">{s.fingerprintHint}</span>
            {identity.retiredKeys.length > 0 && <span className="field-hint">{s.retired(identity.retiredKeys.length)}</span>}
          </div>
          <div className="sy-actions">
            <button type="button" className="button button-primary" data-testid="card-export" onClick={() => void exportCard()}>
              {s.exportCard}
            </button>
            <button type="button" className="button" data-testid="card-show" aria-expanded={showCard} onClick={() => setShowCard(!showCard)}>
              {showCard ? s.hideCard : s.showCard}
            </button>
            <button type="button" className="button sy-push" data-testid="keys-rotate" onClick={() => setRotating(true)}>
              {s.rotate}
            </button>
          </div>
          {error && (
            <div className="banner banner-error" role="alert">
              {error}
            </div>
          )}
          {showCard && card && <CardView text={card.text} name={identity.name} fingerprint={identity.fingerprint} />}
          <details className="technical">
            <summary>{t.sync.technical}</summary>
            <dl className="facts">
              <dt>{s.siteId}</dt>
              <dd className="mono">{identity.siteId}</dd>
            </dl>
          </details>
        </>
      )}
      {rotating && <RotateDialog onClose={() => setRotating(false)} />}
    </section>
  );
}
