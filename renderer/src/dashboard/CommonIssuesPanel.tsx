import '../similarity/similarity.css';
import { useEffect, useState } from 'react';
import type { CommonIssue } from '../../../shared/api/similarity.js';
import { formatChinaDate } from '../../../shared/china-time.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { showInLedger } from '../similarity/showInLedger.js';
import { useNav } from '../stores/nav.js';

const SHOWN = 5;

/** 本周共性问题: this week's groups of incidents about one matter, each with where, who leads and how far answered. */
export function CommonIssuesPanel() {
  const [issues, setIssues] = useState<CommonIssue[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = useNav((s) => s.openIncident);

  useEffect(() => {
    let live = true;
    void call('listCommonIssues', {}).then((result) => {
      if (!live) return;
      if (result.ok) setIssues(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="panel" aria-labelledby="dash-common" data-testid="dashboard-common">
      <PanelHeading id="dash-common" title={t.similarity.weekTitle}>
        {issues && issues.length > 0 && <span className="muted">{issues.length} 个</span>}
      </PanelHeading>
      {error && <p className="sim-open">{t.similarity.loadFailed}：{error}</p>}
      {issues && issues.length === 0 && <p className="muted">{t.similarity.none}</p>}
      {issues && issues.length > 0 && (
        <>
          <p className="panel-hint muted">{t.similarity.weekHint}</p>
          <ul className="dash-list common-issues">
            {issues.slice(0, SHOWN).map((g) => (
              <li key={g.incidentIds[0]} className="common-issue" data-testid="common-issue">
                <div className="dash-row-main">
                  <strong className="common-label">{g.label}</strong>
                  <span className="sim-badge">{t.similarity.count(g.incidents.length)}</span>
                  <span className={g.answered < g.incidents.length ? 'sim-open' : 'sim-done'}>{t.similarity.answered(g.answered, g.incidents.length)}</span>
                </div>
                <div className="dash-row-sub muted">
                  {[g.townships.slice(0, 4).join('、'), g.units.slice(0, 2).join('、'), g.categories.slice(0, 2).join('、'), `${formatChinaDate(g.firstAt)}起`]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
                <div className="common-numbers">
                  {g.incidents.slice(0, 8).map((number, i) => (
                    <button key={number} type="button" className="sim-link mono" onClick={() => open(g.incidentIds[i]!)}>
                      {number}
                    </button>
                  ))}
                  {g.incidents.length > 8 && <span className="muted">…</span>}
                  <button type="button" className="sim-link" onClick={() => showInLedger(g)}>
                    {t.similarity.showInLedger}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
