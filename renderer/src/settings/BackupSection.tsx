import { useCallback, useEffect, useState } from 'react';
import { BackupSettingsForm } from './BackupSettingsForm.js';
import type { BackupCheckReport, BackupOverview } from '../../../shared/api/backup.js';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import './backup.css';

const b = t.backup;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * 设置 → 备份与恢复: where backups go and how many are kept, the list with restore (and undo), back up now, and
 * the key recovery file. The core makes, checks and restores; this section only asks and shows.
 */
export function BackupSection() {
  const notify = useUi((st) => st.notify);
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  /** What the chosen backup holds, checked again before it may be restored (the preview). */
  const [preview, setPreview] = useState<BackupCheckReport | null>(null);

  const show = useCallback((value: BackupOverview) => setOverview(value), []);
  const load = useCallback(async () => {
    const result = await call('getBackupOverview');
    if (result.ok) show(result.value);
    else setError(result.error.message);
  }, [show]);
  useEffect(() => void load(), [load]);

  /** Runs one call; shows its error, or its notice and the fresh overview. */
  const act = async <T,>(run: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>, done: (value: T) => string) => {
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    setConfirming(null);
    if (!result.ok) return setError(result.error.message);
    notify(done(result.value));
    await load();
  };
  const refreshWorkstation = async () => {
    const info = await call('getAppInfo');
    if (info.ok) useSession.setState({ appInfo: info.value });
  };
  const sealedWith = () => (passphrase === '' ? {} : { passphrase });

  const restore = (file: string) =>
    act(
      async () => {
        const result = await call('restoreBackup', { file, ...sealedWith() });
        if (result.ok) await refreshWorkstation();
        return result;
      },
      (r) => b.restored(r.restoredFrom, r.safetyCopy),
    );
  const choose = async (file: string) => {
    setConfirming(file);
    setPreview(null);
    const result = await call('verifyBackup', { file, ...sealedWith() });
    if (result.ok) setPreview(result.value);
    else setError(result.error.message);
  };
  const restoreOther = async () => {
    const chosen = await call('chooseFile', { mode: 'open', title: b.chooseBackup, filters: [{ name: '台账备份', extensions: ['db', 'age'] }] });
    if (chosen.ok && chosen.value.path) await restore(chosen.value.path);
  };
  const keysFile = async (mode: 'save' | 'open') => {
    if (passphrase.length < 8) return setError(b.needPassphrase);
    const chosen = await call('chooseFile', {
      mode,
      title: b.keysTitle,
      ...(mode === 'save' ? { defaultName: '工作站密钥恢复文件.age' } : {}),
      filters: [{ name: '密钥恢复文件', extensions: ['age'] }],
    });
    if (!chosen.ok || !chosen.value.path) return;
    const file = chosen.value.path;
    if (mode === 'save') await act(() => call('exportKeys', { out: file, passphrase }), (r) => b.keysExported(r.file));
    else await act(() => call('importKeys', { file, passphrase }), (r) => b.keysImported(r.fingerprint));
  };

  if (!overview) {
    return (
      <section className="panel" aria-labelledby="backup-heading" data-testid="backup-section">
        <PanelHeading id="backup-heading" title={b.title} />
        {error ? <p className="field-error" role="alert">{error}</p> : <p className="muted">{t.loading}</p>}
      </section>
    );
  }
  return (
    <section className="panel backup" aria-labelledby="backup-heading" data-testid="backup-section">
      <PanelHeading id="backup-heading" title={b.title} />
      <p className="panel-hint muted">{b.hint}</p>
      <dl className="facts">
        <dt>{b.dir}</dt>
        <dd className="mono">{overview.dir}</dd>
        <dt>{b.lastGood}</dt>
        <dd data-testid="backup-last-good">{overview.lastGoodAt ? formatChinaDateTime(overview.lastGoodAt) : b.never}</dd>
      </dl>
      {overview.lastFailure && (
        <p className="banner banner-error" role="alert">{b.lastFailure(formatChinaDateTime(overview.lastFailure.at), overview.lastFailure.reason)}</p>
      )}
      {overview.warning.secondDirUnreachable && <p className="banner banner-error">{b.secondDirUnreachable}</p>}

      <BackupSettingsForm
        overview={overview}
        onSaved={async () => {
          notify(b.saved);
          await load();
        }}
      />

      <label className="backup-passphrase">
        {b.passphrase}
        <input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="backup-passphrase" />
      </label>
      {error && <p className="field-error" role="alert" data-testid="backup-error">{error}</p>}

      <div className="backup-actions">
        <button type="button" className="button button-primary" disabled={busy} data-testid="backup-now"
          onClick={() => void act(() => call('createBackup', {}), (r) => b.made(r.file))}>
          {busy ? b.backingUp : b.backupNow}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void restoreOther()}>{b.restoreOther}</button>
        {overview.lastRestore && (
          <button type="button" className="button" disabled={busy} data-testid="backup-undo" title={b.undoHint(formatChinaDateTime(overview.lastRestore.at))}
            onClick={() => void act(async () => {
              const result = await call('undoRestore');
              if (result.ok) await refreshWorkstation();
              return result;
            }, () => b.undone)}>
            {b.undo}
          </button>
        )}
      </div>

      <h3 className="backup-subtitle">{b.list}</h3>
      {overview.backups.length === 0 ? (
        <p className="muted">{b.empty}</p>
      ) : (
        <table className="backup-table" data-testid="backup-list">
          <thead>
            <tr>
              {Object.values(b.columns).map((c) => <th key={c} scope="col">{c}</th>)}
              <th />
            </tr>
          </thead>
          <tbody>
            {overview.backups.map((entry) => (
              <tr key={entry.file} data-testid="backup-row">
                <td>{formatChinaDateTime(entry.at)}</td>
                <td>{entry.incidents ?? '—'}</td>
                <td>{entry.commitments ?? '—'}</td>
                <td>{mib(entry.bytes)}</td>
                <td>{entry.verified ? b.verified : b.unverified}{entry.encrypted ? `，${b.encrypted}` : ''}</td>
                <td>
                  {confirming === entry.file ? (
                    <span className="backup-confirm">
                      <button type="button" className="button button-small button-primary" disabled={busy || preview?.ok !== true} data-testid="backup-restore-confirm" onClick={() => void restore(entry.file)}>
                        {b.confirmRestore}
                      </button>
                      <button type="button" className="button button-small" onClick={() => setConfirming(null)}>{t.cancel}</button>
                    </span>
                  ) : (
                    <button type="button" className="button button-small" disabled={busy} data-testid="backup-restore" onClick={() => void choose(entry.file)}>
                      {b.restore}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && confirming !== 'new-keys' && (
        <div className="field-hint" role="status" data-testid="backup-preview">
          {preview && <p>{preview.ok ? b.previewGood(preview) : b.previewBad(preview.reason ?? '')}</p>}
          <p>{b.restoreWarning}</p>
        </div>
      )}

      <h3 className="backup-subtitle">{b.keysTitle}</h3>
      <p className="field-hint">{b.keysHint}</p>
      <div className="backup-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void keysFile('save')}>{b.exportKeys}</button>
        <button type="button" className="button" disabled={busy} onClick={() => void keysFile('open')}>{b.importKeys}</button>
        {confirming === 'new-keys' ? (
          <button type="button" className="button button-primary" disabled={busy}
            onClick={() => void act(() => call('replaceLostKeys'), (r) => b.newKeysMade(r.fingerprint))}>
            {b.confirmNewKeys}
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} title={b.newKeysHint} onClick={() => setConfirming('new-keys')}>{b.newKeys}</button>
        )}
      </div>
      {confirming === 'new-keys' && <p className="field-hint" role="status">{b.newKeysHint}</p>}
    </section>
  );
}
