import { useEffect, useState } from 'react';
import { type PeriodKind, formatShare, parsePeriod, periodContaining, shiftPeriod, type RenderedDigest } from '../../../shared/api/digest.js';
import { ProgressBar } from '../common/ProgressBar.js';
import { useProgress } from '../common/useProgress.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import './digest.css';

// 舆情周报 / 月报 / 年报: pick a period, see the print page exactly as it will print (the core renders it from the
// same figures `yq digest` prints), then 打印 (system dialog) or 导出PDF — both through printDocument, the one
// print path of the app. The preview is a sandboxed iframe: the page is data, nothing in it runs.

/** The last whole period before today: on Monday the digest is of the week just ended. */
function lastWhole(kind: PeriodKind): string {
  return shiftPeriod(periodContaining(kind, new Date().toISOString()), -1).key;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string } | { kind: 'done'; message: string };

export function DigestView() {
  const [kind, setKind] = useState<PeriodKind>('week');
  const [period, setPeriod] = useState(() => lastWhole('week'));
  const [typed, setTyped] = useState(period);
  const [report, setReport] = useState<RenderedDigest | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [loading, setLoading] = useState(false);
  // Only a year report is slow enough to report its steps (the core reports nothing for weeks and months).
  const progress = useProgress('renderDigest', loading && parsePeriod(period)?.kind === 'year');

  useEffect(() => {
    let live = true;
    setLoadError(null);
    setLoading(true);
    void call('renderDigest', { period }).then((result) => {
      if (!live) return;
      setLoading(false);
      if (result.ok) setReport(result.value);
      else {
        setReport(null);
        setLoadError(result.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [period]);

  const choose = (key: string) => {
    setPeriod(key);
    setTyped(key);
    setStatus({ kind: 'idle' });
  };
  const chooseKind = (next: PeriodKind) => {
    setKind(next);
    choose(lastWhole(next));
  };
  const step = (steps: number) => {
    const current = parsePeriod(period);
    if (current) choose(shiftPeriod(current, steps).key);
  };
  const submitTyped = () => {
    const parsed = parsePeriod(typed);
    if (parsed && parsed.kind === kind) choose(parsed.key);
    else setLoadError(`${t.digest.period}应为${t.digest.periodHint[kind]}`);
  };
  const print = async (mode: 'dialog' | 'pdf') => {
    if (!report) return;
    setStatus({ kind: 'busy' });
    // The core renders the report again for the printer: the page names the document, never sends its HTML.
    const result = await call('printDocument', { document: { kind: 'digest', period: report.digest.period }, mode });
    if (!result.ok) setStatus({ kind: 'error', message: result.error.message });
    else if (mode === 'dialog') setStatus({ kind: 'done', message: t.digest.printed });
    else setStatus({ kind: 'done', message: result.value.path === null ? t.digest.cancelled : t.digest.exported(result.value.path) });
  };

  const d = report?.digest;
  return (
    <section className="digest-view" data-testid="digest-view">
      <div className="digest-toolbar">
        <div className="digest-kinds" role="radiogroup" aria-label={t.digest.kindLabel}>
          {(['week', 'month', 'year'] as const).map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} className="button" onClick={() => chooseKind(k)}>
              {t.digest.kinds[k]}
            </button>
          ))}
        </div>
        <button type="button" className="button" onClick={() => step(-1)}>
          {t.digest.previous}
        </button>
        <form
          className="digest-period"
          onSubmit={(event) => {
            event.preventDefault();
            submitTyped();
          }}
        >
          <label htmlFor="digest-period">{t.digest.period}</label>
          <input id="digest-period" type="text" value={typed} placeholder={t.digest.periodHint[kind]} onChange={(e) => setTyped(e.target.value)} onBlur={submitTyped} />
        </form>
        <button type="button" className="button" onClick={() => step(1)}>
          {t.digest.next}
        </button>
        <span className="digest-spacer" />
        <button type="button" className="button" disabled={!report || status.kind === 'busy'} onClick={() => void print('dialog')} data-testid="digest-print">
          {t.digest.print}
        </button>
        <button type="button" className="button button-primary" disabled={!report || status.kind === 'busy'} onClick={() => void print('pdf')} data-testid="digest-pdf">
          {t.digest.exportPdf}
        </button>
      </div>
      {d && (
        <p className="digest-summary" data-testid="digest-summary">
          {d.title}（{d.issue}，{d.rangeLabel}）：{t.digest.summary(d.newIncidents, formatShare(d.response.rate), d.commitments.overdue)}
        </p>
      )}
      {loadError && (
        <p className="digest-error" role="alert">
          {loadError}
        </p>
      )}
      {loading && parsePeriod(period)?.kind === 'year' && <ProgressBar label={t.digest.progressLabel} event={progress} />}
      {status.kind === 'busy' && <p className="muted">{t.digest.printing}</p>}
      {status.kind === 'error' && (
        <p className="digest-error" role="alert">
          {status.message}
        </p>
      )}
      {status.kind === 'done' && (
        <p className="digest-done" role="status">
          {status.message}
        </p>
      )}
      {report ? (
        <iframe className="digest-preview" title={t.digest.preview} sandbox="" srcDoc={report.html} data-testid="digest-preview" />
      ) : (
        !loadError && <p className="muted">{t.digest.loading}</p>
      )}
    </section>
  );
}
