import { useState } from 'react';
import type { ExportResult } from '../../../shared/sync-schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { formatSize } from '../common/files.js';
import { ProgressBar } from '../common/ProgressBar.js';
import { useProgress } from '../common/useProgress.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { bundleFileName, messageOf } from './format.js';
import { useSync } from './store.js';

const s = t.sync.export;
const MIN_PASSPHRASE = 8;

// busy: the save dialog is open; exporting: the core is writing the bundle (and reports its steps).
type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'exporting' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; result: ExportResult };

/** What is wrong with the form before any file is chosen, or null when it can be exported. */
function problemOf(chosen: readonly string[], usePassphrase: boolean, passphrase: string, again: string): string | null {
  if (!usePassphrase) return chosen.length === 0 ? s.chooseSomeone : null;
  if (passphrase.length < MIN_PASSPHRASE) return s.passphraseShort;
  if (passphrase !== again) return s.passphraseMismatch;
  return null;
}

function ExportSummary({ result }: { result: ExportResult }) {
  return (
    <div className="sy-result sy-result-ok" role="status" data-testid="export-result">
      <p className="sy-result-title">{s.done}</p>
      <dl className="facts">
        <dt>{s.ops}</dt>
        <dd data-testid="export-ops">{result.opCount}</dd>
        <dt>{s.bytes}</dt>
        <dd>{formatSize(result.bytes)}</dd>
        <dt>{s.kind}</dt>
        <dd>{result.full ? s.fullKind : s.incremental}</dd>
        <dt>{s.recipients}</dt>
        <dd>{result.passphrase ? s.byPassphrase : result.recipients.join('、')}</dd>
        <dt>{s.path}</dt>
        <dd className="sy-path" title={result.path}>
          {result.path}
        </dd>
      </dl>
      <p className="field-hint">{s.carry}</p>
    </div>
  );
}

/** Export: to whom (trusted peers and/or an office passphrase), full or incremental, then where to save. */
export function ExportPanel() {
  const peers = useSync((st) => st.peers);
  const load = useSync((st) => st.load);
  const trusted = peers.filter((p) => p.trusted);
  const [chosen, setChosen] = useState<string[]>([]);
  const [usePassphrase, setUsePassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [full, setFull] = useState(false);
  const [attachments, setAttachments] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const working = status.kind === 'busy' || status.kind === 'exporting';
  const progress = useProgress('exportBundle', status.kind === 'exporting');
  // A peer un-trusted since it was ticked no longer counts.
  const selected = chosen.filter((site) => trusted.some((p) => p.siteId === site));

  const toggle = (site: string, on: boolean) => setChosen(on ? [...selected, site] : selected.filter((x) => x !== site));

  const run = async () => {
    const problem = problemOf(selected, usePassphrase, passphrase, again);
    if (problem) return setStatus({ kind: 'error', message: problem });
    setStatus({ kind: 'busy' });
    const target = await call('chooseFile', {
      mode: 'save',
      title: s.saveTitle,
      defaultName: bundleFileName(),
      filters: [{ name: s.filterName, extensions: ['yqb'] }],
    });
    if (!target.ok) return setStatus({ kind: 'error', message: messageOf(target.error) });
    if (target.value.path === null) return setStatus({ kind: 'idle' });
    setStatus({ kind: 'exporting' });
    const result = await call('exportBundle', {
      path: target.value.path,
      peers: selected,
      full,
      attachments,
      ...(usePassphrase ? { passphrase } : {}),
    });
    if (!result.ok) return setStatus({ kind: 'error', message: messageOf(result.error) });
    setStatus({ kind: 'done', result: result.value });
    await load();
  };

  return (
    <section className="panel sy-panel" aria-labelledby="sy-export-title" data-testid="sync-export">
      <PanelHeading id="sy-export-title" title={s.title} />
      <fieldset className="field">
        <legend className="field-label">{s.to}</legend>
        {trusted.length === 0 ? (
          <p className="field-hint">{s.noTrusted}</p>
        ) : (
          <div className="chips">
            {trusted.map((p) => (
              <label key={p.siteId} className="chip chip-plain">
                <input
                  type="checkbox"
                  checked={selected.includes(p.siteId)}
                  data-testid="export-peer"
                  data-peer={p.name}
                  onChange={(e) => toggle(p.siteId, e.target.checked)}
                />
                {p.name}
              </label>
            ))}
          </div>
        )}
        {peers.length > trusted.length && <p className="field-hint">{s.untrustedNote(peers.length - trusted.length)}</p>}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={usePassphrase} data-testid="export-use-passphrase" onChange={(e) => setUsePassphrase(e.target.checked)} />
        {s.usePassphrase}
      </label>
      {usePassphrase && (
        <div className="sy-passphrase">
          <p className="field-hint">{s.passphraseHint}</p>
          <div className="form-grid">
            <div className="field">
              <label className="field-label" htmlFor="sy-export-pass">
                {s.passphrase}
              </label>
              <input id="sy-export-pass" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="sy-export-pass2">
                {s.passphraseAgain}
              </label>
              <input id="sy-export-pass2" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
            </div>
          </div>
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={full} data-testid="export-full" onChange={(e) => setFull(e.target.checked)} />
        {s.full}
      </label>
      <label className="check">
        <input type="checkbox" checked={attachments} data-testid="export-attachments" onChange={(e) => setAttachments(e.target.checked)} />
        {s.attachments}
      </label>
      {selected.length === 0 && usePassphrase && !full && <p className="field-hint">{s.fullAuto}</p>}
      <div className="sy-actions">
        <button type="button" className="button button-primary" disabled={working} data-testid="export-run" onClick={() => void run()}>
          {working ? s.saving : s.submit}
        </button>
      </div>
      {status.kind === 'exporting' && <ProgressBar label={s.progressLabel} event={progress} />}
      {status.kind === 'error' && (
        <div className="banner banner-error" role="alert" data-testid="export-error">
          {status.message}
        </div>
      )}
      {status.kind === 'done' && <ExportSummary result={status.result} />}
    </section>
  );
}
