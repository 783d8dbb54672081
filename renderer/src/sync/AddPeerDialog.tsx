import { useId, useState } from 'react';
import { contactCardSchema } from '../../../shared/sync-schemas.js';
import { Dialog } from '../commitments/Dialog.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useUi } from '../stores/ui.js';
import { Fingerprint } from './Fingerprint.js';
import { messageOf } from './format.js';
import { useSync } from './store.js';

const s = t.sync.addPeer;
// A card is a few hundred bytes; anything far larger was the wrong file.
const MAX_CARD_FILE = 64 * 1024;

/**
 * What the pasted text says, shown before adding so the person reads the name and fingerprint they are about to
 * trust. Only a preview: the core checks the keys and recomputes the fingerprint when the card is added.
 */
function previewOf(text: string) {
  try {
    const parsed = contactCardSchema.safeParse(JSON.parse(text.replace(/^\uFEFF/, '')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A chosen file's text, read in the page: a card file needs no trip through the core. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

export function AddPeerDialog({ onClose }: { onClose: () => void }) {
  const load = useSync((st) => st.load);
  const notify = useUi((st) => st.notify);
  const [text, setText] = useState('');
  const [compared, setCompared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileId = useId();
  const preview = text.trim() === '' ? null : previewOf(text);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CARD_FILE) return setError(s.fileTooLarge);
    try {
      setText(await readText(file));
      setError(null);
    } catch {
      setError(s.fileFailed);
    }
  };

  const submit = async () => {
    setBusy(true);
    const result = await call('addPeer', { cardText: text, trusted: compared });
    setBusy(false);
    if (!result.ok) return setError(messageOf(result.error));
    notify(s.added(result.value.name, result.value.trusted));
    onClose();
    await load();
  };

  return (
    <Dialog
      id="sy-add-peer"
      title={s.title}
      onClose={onClose}
      testId="add-peer-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="button" className="button button-primary" disabled={busy || text.trim() === ''} data-testid="add-peer-submit" onClick={() => void submit()}>
            {busy ? s.saving : s.submit}
          </button>
        </>
      }
    >
      <div className="field">
        <label className="field-label" htmlFor="sy-card-input">
          {s.paste}
        </label>
        <textarea
          id="sy-card-input"
          rows={9}
          className="sy-mono-input"
          value={text}
          spellCheck={false}
          data-testid="add-peer-text"
          onChange={(e) => setText(e.target.value)}
        />
        <div className="sy-row">
          <span className="field-hint">{s.pasteHint}</span>
          <label className="button button-small sy-file-button" htmlFor={fileId}>
            {s.fromFile}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".json,.txt,application/json,text/plain"
            className="sy-hidden-file"
            data-testid="add-peer-file"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </div>
      </div>
      {text.trim() !== '' &&
        (preview ? (
          <div className="sy-fp-box" data-testid="add-peer-preview">
            <span className="sy-fp-label">
              {s.preview}：<strong>{preview.name}</strong>
            </span>
            <Fingerprint value={preview.fingerprint} />
          </div>
        ) : (
          <p className="field-hint">{s.unreadable}</p>
        ))}
      <label className="check sy-check-strong">
        <input type="checkbox" checked={compared} data-testid="add-peer-compared" onChange={(e) => setCompared(e.target.checked)} />
        {s.compared}
      </label>
      <p className="field-hint">{s.comparedHint}</p>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="add-peer-error">
          {error}
        </div>
      )}
    </Dialog>
  );
}
