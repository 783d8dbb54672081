import { SEVERITIES, SEVERITY_INFO, STATUSES, STATUS_LABELS } from '../../../shared/domain.js';
import { t } from '../i18n/zh-CN.js';
import { useIncidents } from '../stores/incidents.js';
import { useSession } from '../stores/session.js';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  const list: readonly string[] = values;
  return list.includes(value);
}

export function Filters() {
  const filters = useIncidents((s) => s.filters);
  const setFilters = useIncidents((s) => s.setFilters);
  const clearFilters = useIncidents((s) => s.clearFilters);
  const reference = useSession((s) => s.reference);
  const categories = reference?.categories ?? [];
  const active = filters.category !== '' || filters.severity !== '' || filters.status !== '';
  return (
    <div className="filters" role="group" aria-label={t.ledger.filters.label}>
      <div className="filter">
        <label htmlFor="filter-category">{t.ledger.filters.category}</label>
        <select id="filter-category" value={filters.category} onChange={(e) => setFilters({ category: e.target.value })}>
          <option value="">{t.ledger.filters.all}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-severity">{t.ledger.filters.severity}</label>
        <select
          id="filter-severity"
          value={filters.severity}
          onChange={(e) => {
            const value = e.target.value;
            setFilters({ severity: isOneOf(SEVERITIES, value) ? value : '' });
          }}
        >
          <option value="">{t.ledger.filters.all}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_INFO[s].label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-status">{t.ledger.filters.status}</label>
        <select
          id="filter-status"
          value={filters.status}
          onChange={(e) => {
            const value = e.target.value;
            setFilters({ status: isOneOf(STATUSES, value) ? value : '' });
          }}
        >
          <option value="">{t.ledger.filters.all}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {active && (
        <button type="button" className="link-button" onClick={clearFilters}>
          {t.ledger.filters.clear}
        </button>
      )}
    </div>
  );
}
