import type { ReactNode } from 'react';
import { type IncidentStatus, PLATFORM_LABELS, PLATFORMS, SEVERITIES, SEVERITY_INFO, STATUSES, STATUS_LABELS } from '../../../shared/domain.js';
import { t } from '../i18n/zh-CN.js';
import { hasFilters, useIncidents } from './store.js';
import { useSession } from '../stores/session.js';
import { DateFilter } from './DateFilter.js';
import { MultiFilter } from './MultiFilter.js';

const f = t.ledger.filters;

/** Every status still being worked on: what 未办结 selects at once. */
const OPEN_STATUSES: readonly IncidentStatus[] = STATUSES.filter((s) => s !== 'closed' && s !== 'no_response');

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
      <MultiFilter
        id="filter-category"
        label={f.category}
        options={categories.map((c) => ({ value: c.code, label: c.name }))}
        chosen={filters.category}
        onChange={(category) => setFilters({ category })}
      />
      <MultiFilter
        id="filter-severity"
        label={f.severity}
        options={SEVERITIES.map((value) => ({ value, label: SEVERITY_INFO[value].label }))}
        chosen={filters.severity}
        onChange={(severity) => setFilters({ severity })}
        presets={[{ label: f.majorAndAbove, values: ['major', 'extreme'] }]}
      />
      <MultiFilter
        id="filter-status"
        label={f.status}
        options={STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
        chosen={filters.status}
        onChange={(status) => setFilters({ status })}
        presets={[{ label: f.open, values: OPEN_STATUSES }]}
      />
      <MultiFilter
        id="filter-platform"
        label={f.platform}
        options={PLATFORMS.map((value) => ({ value, label: PLATFORM_LABELS[value] }))}
        chosen={filters.platform}
        onChange={(platform) => setFilters({ platform })}
      />
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
