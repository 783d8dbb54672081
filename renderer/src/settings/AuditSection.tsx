import { useState } from 'react';
import type { AuditReport } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';

const s = t.identity;

/**
 * 设置 → 审计: checks this workstation's audit chain and every peer's against the heads they signed and the
 * operations applied here, and names the first problem (which workstation, which entry, which record).
 */
export function AuditSection() {
  const [report, setReport] = useState<AuditReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    const result = await call('verifyAudit', {});
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setReport(result.value);
  };

  const broken = report?.firstBroken;
  return (
    <section className="panel" data-testid="settings-audit">
      <PanelHeading title={s.auditTitle} />
      <p className="field-hint">{s.auditHint}</p>
      <button type="button" className="button" disabled={busy} data-testid="audit-run" onClick={() => void run()}>
        {busy ? s.auditRunning : s.auditRun}
      </button>
      {error && <p className="field-error" role="alert">{error}</p>}
      {report && (
        <div data-testid="audit-report">
          <p role="status" className={report.ok ? undefined : 'field-error'}>
            {report.ok || !broken
              ? s.auditAllOk
              : s.auditBroken(broken.workstation ?? t.settings.thisWorkstation, broken.seq, broken.reason, broken.record)}
          </p>
          <ul>
            <li>{s.auditOwn(report.entries)}</li>
            {report.peers.map((p) => (
              <li key={p.site} data-testid="audit-peer">
                {s.auditPeer(p.name, p.entries)}：{p.ok ? s.auditOk : `${s.auditBad}（${p.reason ?? ''}）`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
