import '../similarity/similarity.css';
import { t } from '../i18n/zh-CN.js';
import { useIncidents } from './store.js';

/** The 同一问题 filter, when set (from a 共性问题 on the 工作台 or an incident page): its label and a way out. */
export function SameIssueChip() {
  const label = useIncidents((s) => s.filters.sameIssueLabel);
  const ids = useIncidents((s) => s.filters.sameIssueIds);
  const setFilters = useIncidents((s) => s.setFilters);
  if (!ids) return null;
  return (
    <div className="same-issue-chip" data-testid="same-issue-filter">
      <span className="sim-badge">{t.similarity.filterChip(label || t.similarity.count(ids.split(',').length))}</span>
      <button type="button" className="link-button" onClick={() => setFilters({ sameIssueIds: '', sameIssueLabel: '' })}>
        {t.similarity.clearFilter}
      </button>
    </div>
  );
}
