import type { ReactNode } from 'react';
import { PLATFORM_LABELS, PLATFORMS, SEVERITIES, SEVERITY_INFO, STATUSES, STATUS_LABELS } from '../../../shared/domain.js';
import { t } from '../i18n/zh-CN.js';
import { hasFilters, useIncidents } from '../stores/incidents.js';
import { useSession } from '../stores/session.js';
import { DateFilter } from './DateFilter.js';

const f = t.ledger.filters;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  const list: readonly string[] = values;
  return list.includes(value);
}

function Filter({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export function Filters() {
  const filters = useIncidents((s) => s.filters);
  const setFilters = useIncidents((s) => s.setFilters);
  const clearFilters = useIncidents((s) => s.clearFilters);
  const reference = useSession((s) => s.reference);
  const categories = reference?.categories ?? [];
  const units = reference?.units ?? [];
  const townships = reference?.townships ?? [];
  return (
    <div className="filters" role="group" aria-label={f.label}>
      <Filter id="filter-category" label={f.category}>
        <select id="filter-category" value={filters.category} onChange={(e) => setFilters({ category: e.target.value })}>
          <option value="">{f.all}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </Filter>
      <Filter id="filter-severity" label={f.severity}>
        <select
          id="filter-severity"
          value={filters.severity}
          onChange={(e) => {
            const value = e.target.value;
            setFilters({ severity: isOneOf(SEVERITIES, value) ? value : '' });
          }}
        >
          <option value="">{f.all}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_INFO[s].label}
            </option>
          ))}
        </select>
      </Filter>
      <Filter id="filter-status" label={f.status}>
        <select
          id="filter-status"
          value={filters.status}
          onChange={(e) => {
            const value = e.target.value;
            setFilters({ status: isOneOf(STATUSES, value) ? value : '' });
          }}
        >
          <option value="">{f.all}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Filter>
      <Filter id="filter-platform" label={f.platform}>
        <select
          id="filter-platform"
          value={filters.platform}
          onChange={(e) => {
            const value = e.target.value;
            setFilters({ platform: isOneOf(PLATFORMS, value) ? value : '' });
          }}
        >
          <option value="">{f.all}</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
      </Filter>
      <Filter id="filter-unit" label={f.unit}>
        <select id="filter-unit" value={filters.leadUnit} onChange={(e) => setFilters({ leadUnit: e.target.value })}>
          <option value="">{f.all}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Filter>
      <Filter id="filter-township" label={f.township}>
        <select id="filter-township" value={filters.township} onChange={(e) => setFilters({ township: e.target.value })}>
          <option value="">{f.all}</option>
          {townships.map((tw) => (
            <option key={tw.id} value={tw.id}>
              {tw.name}
            </option>
          ))}
        </select>
      </Filter>
      <DateFilter id="filter-from" label={f.foundFrom} value={filters.foundFrom} onChange={(day) => setFilters({ foundFrom: day })} />
      <DateFilter id="filter-to" label={f.foundTo} value={filters.foundTo} onChange={(day) => setFilters({ foundTo: day })} />
      {hasFilters(filters) && (
        <button type="button" className="link-button" onClick={clearFilters}>
          {f.clear}
        </button>
      )}
    </div>
  );
}
