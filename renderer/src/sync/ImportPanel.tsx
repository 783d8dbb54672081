import { useState } from 'react';
import type { ImportResult } from '../../../shared/sync-schemas.js';
import { useCommitments } from '../commitments/store.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { ProgressBar } from '../common/ProgressBar.js';
import { useProgress } from '../common/useProgress.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { baseName, messageOf } from './format.js';
import { Counts, ImportSummary, Messages, Sender } from './ImportSummary.js';
import { useSync } from './store.js';

const s = t.sync.import;

// Import is two steps: previewBundle reads and checks the file and says what would happen (changing nothing);
// only then does the person press 导入. A passphrase bundle first asks for the passphrase; a bundle that would
// delete most of the ledger asks for an explicit, red confirmation.
type Step =
  | { kind: 'idle' }
  | { kind: 'checking'; path: string }
  | { kind: 'passphrase'; path: string; error: string | null }
  | { kind: 'preview'; path: string; passphrase: string | undefined; result: ImportResult }
  | { kind: 'importing'; path: string }
  | { kind: 'done'; path: string; result: ImportResult }
  | { kind: 'error'; path: string | null; message: string };

// The core says so in words only (its errors carry a code, not a reason); a passphrase bundle opened without
// one, or with a wrong one, is the case where asking for the passphrase is the way forward.
const wantsPassphrase = (message: string) => message.includes('口令');

/** The passphrase prompt shown when the bundle was sealed with one. */
function PassphraseForm({ error, onOpen }: { error: string | null; onOpen: (passphrase: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="sy-passphrase"
      onSubmit={(e) => {
        e.preventDefault();
        if (value !== '') onOpen(value);
      }}
    >
      <p>{s.passphraseNeeded}</p>
      <div className="sy-row">
        <label className="field-label" htmlFor="sy-import-pass">
          {s.passphrase}
        </label>
        <input id="sy-import-pass" type="password" autoComplete="off" autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className="button button-primary" disabled={value === ''} data-testid="import-open">
          {s.open}
        </button>
      </div>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
    </form>
  );
}

/** What importing would do, with the confirmation a mass delete needs. */
function Preview({ result, onImport, onCancel }: { result: ImportResult; onImport: (confirmMassDelete: boolean) => void; onCancel: () => void }) {
  const [confirmed, setConfirmed] = useState(false);
  const blocked = result.needsConfirmation && !confirmed;
  return (
    <div className="sy-result" data-testid="import-preview">
      <Sender result={result} />
      {result.alreadyImported ? (
        <p className="sy-strong">{s.alreadyImported}</p>
      ) : (
        <>
          <p className="sy-strong">{s.preview}</p>
          <Counts result={result} />
          <Messages messages={result.messages} />
        </>
      )}
      {result.needsConfirmation && (
        <div className="sy-danger" role="alert" data-testid="mass-delete">
          <p className="sy-result-title">{s.massDeleteTitle}</p>
          <p>{s.massDelete(result.deletions, result.liveRows)}</p>
          <label className="check">
            <input type="checkbox" checked={confirmed} data-testid="mass-delete-confirm" onChange={(e) => setConfirmed(e.target.checked)} />
            {s.massDeleteConfirm}
          </label>
        </div>
      )}
      <div className="sy-actions">
        <button type="button" className="button" onClick={onCancel}>
          {s.cancel}
        </button>
        {!result.alreadyImported && (
          <button
            type="button"
            className={`button ${result.needsConfirmation ? 'sy-button-danger' : 'button-primary'}`}
            disabled={blocked}
            data-testid="import-run"
            onClick={() => onImport(result.needsConfirmation && confirmed)}
          >
            {result.needsConfirmation ? s.submitDanger : s.submit}
          </button>
        )}
      </div>
    </div>
  );
}

/** Import: choose a file → (passphrase) → preview → 导入 → what changed; any refusal in Chinese, nothing changed. */
export function ImportPanel() {
  const load = useSync((st) => st.load);
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const preview = async (path: string, passphrase?: string) => {
    setStep({ kind: 'checking', path });
    const result = await call('previewBundle', { path, ...(passphrase !== undefined ? { passphrase } : {}) });
    if (result.ok) return setStep({ kind: 'preview', path, passphrase, result: result.value });
    const message = messageOf(result.error);
    if (wantsPassphrase(message)) return setStep({ kind: 'passphrase', path, error: passphrase === undefined ? null : message });
    setStep({ kind: 'error', path, message });
  };

  const choose = async () => {
    const chosen = await call('chooseFile', {
      mode: 'open',
      title: s.openTitle,
      filters: [{ name: t.sync.export.filterName, extensions: ['yqb'] }],
    });
    if (!chosen.ok) return setStep({ kind: 'error', path: null, message: messageOf(chosen.error) });
    if (chosen.value.path !== null) await preview(chosen.value.path);
  };

  const run = async (path: string, passphrase: string | undefined, confirmMassDelete: boolean) => {
    setStep({ kind: 'importing', path });
    const result = await call('importBundle', { path, confirmMassDelete, ...(passphrase !== undefined ? { passphrase } : {}) });
    if (!result.ok) return setStep({ kind: 'error', path, message: messageOf(result.error) });
    setStep({ kind: 'done', path, result: result.value });
    // An import can change anything: this view's lists, the reference data, the commitments badge.
    useCommitments.setState((st) => ({ version: st.version + 1 }));
    await Promise.all([load(), useSession.getState().load()]);
  };

  const busy = step.kind === 'checking' || step.kind === 'importing';
  // Checking runs previewBundle, importing importBundle: each reports its own steps.
  const progress = useProgress(step.kind === 'checking' ? 'previewBundle' : 'importBundle', busy);
  const path = step.kind === 'idle' || (step.kind === 'error' && step.path === null) ? null : step.path;

  return (
    <section className="panel sy-panel" aria-labelledby="sy-import-title" data-testid="sync-import">
      <PanelHeading id="sy-import-title" title={s.title} />
      <p className="muted">{s.hint}</p>
      <div className="sy-actions">
        <button type="button" className="button button-primary" disabled={busy} data-testid="import-choose" onClick={() => void choose()}>
          {step.kind === 'done' ? s.another : s.choose}
        </button>
        {path !== null && (
          <span className="sy-path" title={path} data-testid="import-file">
            {s.file}：{baseName(path)}
          </span>
        )}
      </div>
      {busy && (
        <>
          <p className="muted">{step.kind === 'checking' ? s.checking : s.importing}</p>
          <ProgressBar label={s.progressLabel} event={progress} />
        </>
      )}
      {step.kind === 'passphrase' && <PassphraseForm error={step.error} onOpen={(p) => void preview(step.path, p)} />}
      {step.kind === 'preview' && (
        <Preview
          result={step.result}
          onImport={(confirm) => void run(step.path, step.passphrase, confirm)}
          onCancel={() => setStep({ kind: 'idle' })}
        />
      )}
      {step.kind === 'done' && <ImportSummary result={step.result} />}
      {step.kind === 'error' && (
        <div className="banner banner-error" role="alert" data-testid="import-error">
          <p>{step.message}</p>
          <p>{s.unchanged}</p>
        </div>
      )}
    </section>
  );
}
