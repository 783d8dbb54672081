import { useEffect, useState } from 'react';
import type { DueItem } from '../../../shared/api/commitments.js';
import type { Dashboard } from '../../../shared/api/dashboard.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { BackupWarning } from './BackupWarning.js';
import { ClockPanel } from './ClockPanel.js';
import { CommitmentsPanel } from './CommitmentsPanel.js';
import { TriagePanel } from './TriagePanel.js';
import { WeekPanel } from './WeekPanel.js';

// The countdowns tick on their own; the lists themselves are re-read now and then, since other workstations
// (through sync), the CLI or this window's other views change them.
const REFRESH_MS = 60_000;

/** 工作台: what needs attention now — response clocks, incidents awaiting 研判, commitments falling due, the week. */
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
      {data === null ? (
        !error && <p className="muted">{t.loading}</p>
      ) : (
        <div className="dashboard-grid">
          <ClockPanel overdue={data.clockOverdue} dueSoon={data.clockDueSoon} />
          <TriagePanel incidents={data.awaitingTriage} total={data.awaitingTriageTotal} />
          <CommitmentsPanel items={due} />
          <WeekPanel counts={data.weekByCategory} total={data.weekTotal} />
        </div>
      )}
    </div>
  );
}
