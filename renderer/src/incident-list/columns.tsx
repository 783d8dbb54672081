import type { ReactNode } from 'react';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { PLATFORM_LABELS, SENTIMENT_LABELS } from '../../../shared/domain.js';
import type { IncidentRow } from '../../../shared/schemas.js';
import { Highlighted } from '../common/Highlighted.js';
import { t } from '../i18n/zh-CN.js';
import type { SortKey } from './store.js';
import type { Lookups } from '../stores/session.js';
import { CategoryTag, SeverityBadge, StatusBadge } from './badges.js';

// The ledger's columns: width, whether it sorts, and how it shows a row. The column chooser picks which are
// shown; 编号 and 标题 always are, since a row without them identifies nothing.

export const COLUMN_IDS = [
  'number',
  'title',
  'categories',
  'severity',
  'platform',
  'foundAt',
  'leadUnit',
  'status',
  'township',
  'involvedUnit',
  'sentiment',
  'updatedAt',
  'firstResponseAt',
  'responseTiming',
  'commitmentCount',
  'overdueCommitments',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const FIXED_COLUMNS: readonly ColumnId[] = ['number', 'title'];
export const DEFAULT_COLUMNS: readonly ColumnId[] = ['number', 'title', 'categories', 'severity', 'platform', 'foundAt', 'leadUnit', 'status'];

interface ColumnDef {
  width: string;
  sort?: SortKey;
  render: (row: IncidentRow, lookups: Lookups) => ReactNode;
  /** Tooltip for cells that may be cut off. */
  title?: (row: IncidentRow, lookups: Lookups) => string | undefined;
  muted?: (row: IncidentRow) => boolean;
}

// How much text stays in front of the first search hit: the narrowest title cell (200 px) shows about 13
// characters, so a hit starts well inside it, with a few words of context before it.
const TITLE_LEAD = 8;
const SNIPPET_LEAD = 6;

const unitName = (lookups: Lookups, id: string | null) => (id ? (lookups.unit.get(id)?.name ?? id) : undefined);
const townshipName = (lookups: Lookups, id: string | null) => (id ? (lookups.township.get(id)?.name ?? id) : undefined);

export const COLUMNS: Record<ColumnId, ColumnDef> = {
  number: { width: '120px', sort: 'number', render: (row) => row.number },
  title: {
    width: 'minmax(200px, 4fr)',
    render: (row) =>
      row.highlight ? (
        <span className="title-stack">
          <span className="title-line">
            <Highlighted runs={row.highlight.title} lead={TITLE_LEAD} />
          </span>
          {row.highlight.snippet.length > 0 && (
            <span className="snippet-line" data-testid="snippet">
              <Highlighted runs={row.highlight.snippet} lead={SNIPPET_LEAD} />
            </span>
          )}
        </span>
      ) : (
        row.title
      ),
    title: (row) => row.title,
  },
  categories: {
    width: 'minmax(120px, 2fr)',
    render: (row, lookups) =>
      row.categories.map((code) => <CategoryTag key={code} category={lookups.category.get(code)} fallback={code} />),
  },
  severity: { width: '96px', sort: 'severity', render: (row) => <SeverityBadge severity={row.severity} /> },
  platform: { width: '96px', render: (row) => PLATFORM_LABELS[row.platform] },
  foundAt: { width: '168px', sort: 'foundAt', render: (row) => formatChinaDateTime(row.foundAt) },
  leadUnit: {
    width: 'minmax(110px, 1.4fr)',
    render: (row, lookups) => unitName(lookups, row.leadUnitId) ?? t.ledger.unassigned,
    title: (row, lookups) => unitName(lookups, row.leadUnitId),
    muted: (row) => row.leadUnitId === null,
  },
  status: { width: '96px', sort: 'status', render: (row) => <StatusBadge status={row.status} /> },
  township: {
    width: 'minmax(100px, 1fr)',
    render: (row, lookups) => townshipName(lookups, row.townshipId) ?? t.ledger.unassigned,
    muted: (row) => row.townshipId === null,
  },
  involvedUnit: { width: 'minmax(110px, 1fr)', render: (row) => row.involvedUnit, title: (row) => row.involvedUnit || undefined },
  sentiment: { width: '80px', render: (row) => SENTIMENT_LABELS[row.sentiment] },
  updatedAt: { width: '172px', sort: 'updatedAt', render: (row) => formatChinaDateTime(row.updatedAt) },
  firstResponseAt: {
    width: '172px',
    render: (row) => (row.firstResponseAt ? formatChinaDateTime(row.firstResponseAt) : t.ledger.noResponse),
    muted: (row) => !row.firstResponseAt,
  },
  responseTiming: {
    width: '84px',
    render: (row) =>
      row.responseTiming ? (
        <span className={`timing timing-${row.responseTiming}`}>{t.ledger.responseTiming[row.responseTiming]}</span>
      ) : (
        t.ledger.notApplicable
      ),
  },
  commitmentCount: { width: '64px', render: (row) => row.commitmentCount ?? 0, muted: (row) => !row.commitmentCount },
  overdueCommitments: {
    width: '76px',
    render: (row) => (row.overdueCommitments ? <span className="count-danger">{row.overdueCommitments}</span> : 0),
    muted: (row) => !row.overdueCommitments,
  },
};

/** The CSS grid columns for a set of visible columns, shared by the header and every row. */
export function gridTemplate(columns: readonly ColumnId[]): string {
  return columns.map((id) => COLUMNS[id].width).join(' ');
}
