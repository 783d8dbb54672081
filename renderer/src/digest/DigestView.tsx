import { useEffect, useState } from 'react';
import { formatShare, type RenderedDigest } from '../../../shared/api/digest.js';
import { ProgressBar } from '../common/ProgressBar.js';
import { useProgress } from '../common/useProgress.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import './digest.css';
import { currentPeriod, hasBegun, lastWhole, selectableYears, usePeriodChoice } from './period-choice.js';
import { type PeriodKind, parsePeriod, shiftPeriod } from '../../../shared/china-time.js';

// 舆情周报 / 月报 / 年报: pick a period from a calendar (本周, 上周, a week, a month, a year; never one that has not
// begun), see the print page exactly as it will print (the core renders it from the
// same figures `yq digest` prints), then 打印 (system dialog) or 导出PDF — both through printDocument, the one
// print path of the app. The preview is a sandboxed iframe: the page is data, nothing in it runs.

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string } | { kind: 'done'; message: string };

export function DigestView() {
  const { kind, period, choose: setPeriod, chooseKind: setKind } = usePeriodChoice();
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
    if (!hasBegun(key)) return; // the calendar's max already keeps the future out; typed dates too
    setLoadError(null);
    setPeriod(key);
    setStatus({ kind: 'idle' });
  };
  const chooseKind = (next: PeriodKind) => {
    setKind(next);
    setStatus({ kind: 'idle' });
  };
  const stepped = (steps: number) => {
    const current = parsePeriod(period);
    return current ? shiftPeriod(current, steps).key : undefined;
  };
  const nextKey = stepped(1);
  const now = currentPeriod(kind).key;
  const previousWhole = lastWhole(kind);
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
        {kind !== 'year' && (
          <div className="digest-kinds" role="group" aria-label={t.digest.quick}>
            {[now, previousWhole].map((key, i) => (
              <button key={key} type="button" className="button" aria-pressed={period === key} onClick={() => choose(key)}>
                {t.digest.quickNames[kind][i]}
              </button>
            ))}
          </div>
        )}
        <button type="button" className="button" onClick={() => stepped(-1) && choose(stepped(-1)!)}>
          {t.digest.previous}
        </button>
        <span className="digest-period">
          <label htmlFor="digest-period">{t.digest.period}</label>
          {kind === 'year' ? (
            <select id="digest-period" value={period} onChange={(e) => choose(e.target.value)}>
              {selectableYears().map((y) => (
                <option key={y} value={String(y)}>
                  {t.digest.yearOption(y)}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="digest-period"
              type={kind}
              value={period}
              max={now}
              required
              onChange={(e) => e.target.value && choose(e.target.value)}
            />
          )}
        </span>
        <button type="button" className="button" disabled={!nextKey || !hasBegun(nextKey)} onClick={() => nextKey && choose(nextKey)}>
          {t.digest.next}
        </button>
        {d?.previousUntil && <span className="muted" data-testid="digest-running">{t.digest.running[kind]}</span>}
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
