import { useEffect, useState } from 'react';
import type { DueItem } from '../../../shared/api/commitments.js';
import type { Dashboard } from '../../../shared/api/dashboard.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { BackupWarning } from './BackupWarning.js';
import { DashboardClocks } from './DashboardClocks.js';
import { CommonIssuesPanel } from './CommonIssuesPanel.js';
import { DueCommitments } from './DueCommitments.js';
import { TriagePanel } from './TriagePanel.js';
import { WeekPanel } from './WeekPanel.js';

// The countdowns tick on their own; the lists themselves are re-read now and then, since other workstations
// (through sync), the CLI or this window's other views change them.
const REFRESH_MS = 60_000;

/** 工作台: what needs attention now — response clocks, commitments falling due, incidents awaiting 研判, the week. */
export function DashboardView() {
  const [data, setData] = useState<Dashboard | null>(null);
  const [due, setDue] = useState<DueItem[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = async () => {
      const [result, commitments] = await Promise.all([call('getDashboard'), call('listDue', { withinWorkdays: 3 })]);
      if (!live) return;
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else setError(result.error.message);
      if (commitments.ok) setDue(commitments.value);
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <div className="dashboard" data-testid="dashboard">
      <BackupWarning />
      {error && (
        <div className="banner banner-error" role="alert">
          {t.dashboard.loadFailed}：{error}
        </div>
      )}
      {/* 工作台 notices, one line each (e.g. the backup warning), go here, above the panels. */}
      {data === null ? (
        !error && <p className="muted">{t.loading}</p>
      ) : (
        // Three columns, each a stack: a long list in one column never leaves a hole under a short panel in another.
        <div className="dashboard-grid">
          <div className="dashboard-col">
            <DashboardClocks running={data.clockRunning} runningTotal={data.clockRunningTotal} overdue={data.clockOverdue} />
          </div>
          <div className="dashboard-col">
            <DueCommitments items={due} />
          </div>
          <div className="dashboard-col">
            <TriagePanel incidents={data.awaitingTriage} total={data.awaitingTriageTotal} />
            <WeekPanel counts={data.weekByCategory} total={data.weekTotal} />
            <CommonIssuesPanel />
          </div>
        </div>
      )}
    </div>
  );
}
