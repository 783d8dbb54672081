import { type IncidentStatus, type Severity, SEVERITY_INFO, STATUS_LABELS } from '../../../shared/domain.js';
import type { Category } from '../../../shared/schemas.js';

// Small coloured markers the ledger and the form share. Colours come from the ledger's reference data and
// shared/domain; the stylesheet derives tints from `--tag-color` so any office-added category colour works.

const tagColor = (color: string) => ({ '--tag-color': color });

export function CategoryTag({ category, fallback }: { category: Category | undefined; fallback: string }) {
  if (!category) return <span className="tag">{fallback}</span>;
  return (
    <span className="tag" style={tagColor(category.color)} title={category.name}>
      {category.short}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const info = SEVERITY_INFO[severity];
  return (
    <span className="severity" style={tagColor(info.color)} title={`${info.label}（${info.grade}级，${info.colorName}色）`}>
      <span className="severity-dot" aria-hidden="true" />
      {info.label}
    </span>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>;
}
