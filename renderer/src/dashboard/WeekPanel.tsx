import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { useSession } from '../stores/session.js';

/** This week's new incidents per category as plain bars in each category's colour. */
export function WeekPanel({ counts, total }: { counts: readonly { code: string; count: number }[]; total: number }) {
  const reference = useSession((s) => s.reference);
  const lookups = useSession((s) => s.lookups);
  // Every category in the ledger's order, so the bars stay in the same place week after week.
  const byCode = new Map(counts.map((c) => [c.code, c.count]));
  const rows = [
    ...(reference?.categories ?? []).map((c) => ({ code: c.code, count: byCode.get(c.code) ?? 0 })),
    ...counts.filter((c) => !lookups.category.has(c.code)),
  ];
  const max = Math.max(1, ...rows.map((r) => r.count));
  // The bars count incidents per category; one incident may carry two, so their sum can exceed the week's total.
  const sum = rows.reduce((acc, r) => acc + r.count, 0);
  return (
    <section className="panel" aria-labelledby="dash-week" data-testid="dashboard-week">
      <PanelHeading id="dash-week" title={t.dashboard.week}>
        <span className="muted">{t.dashboard.weekTotal(total)}</span>
      </PanelHeading>
      {total === 0 && <p className="muted">{t.dashboard.weekEmpty}</p>}
      <ul className="bars">
        {rows.map(({ code, count }) => {
          const category = lookups.category.get(code);
          return (
            <li key={code} className="bar-row" data-testid={`week-${code}`}>
              <span className="bar-label" title={category?.name}>
                {category?.short ?? code}
              </span>
              <span className="bar-track">
                <span
                  className="bar-fill"
                  style={{ width: `${(count / max) * 100}%`, '--tag-color': category?.color ?? '#94a3b8' }}
                />
              </span>
              <span className="bar-value mono">{count}</span>
            </li>
          );
        })}
      </ul>
      {sum > total && (
        <p className="panel-hint muted dash-footnote" data-testid="week-multi-category">
          {t.dashboard.weekMultiCategory(sum)}
        </p>
      )}
    </section>
  );
}
