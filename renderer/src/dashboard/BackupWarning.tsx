import { useEffect, useState } from 'react';
import type { BackupOverview } from '../../../shared/api/backup.js';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSettingsSection } from '../settings/sections.js';
import { useNav } from '../stores/nav.js';

const b = t.backup;

/** The 工作台's backup warning: no good backup for more than 3 days, or the second folder was unreachable. */
export function BackupWarning() {
  const go = useNav((st) => st.go);
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  useEffect(() => {
    let live = true;
    void call('getBackupOverview').then((result) => {
      if (live && result.ok) setOverview(result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!overview || (!overview.warning.stale && !overview.warning.secondDirUnreachable)) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="backup-warning">
      {overview.warning.stale && <p>{b.warnStale(overview.lastGoodAt ? formatChinaDateTime(overview.lastGoodAt) : null)}</p>}
      {overview.warning.secondDirUnreachable && <p>{b.warnSecond}</p>}
      <button type="button" className="link-button" onClick={() => {
          useSettingsSection.getState().open('backup');
          go('settings');
        }}>
        {b.goBackup}
      </button>
    </div>
  );
}
