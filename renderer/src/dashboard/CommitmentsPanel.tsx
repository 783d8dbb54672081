import type { DueItem } from '../../../shared/api/commitments.js';
import { t } from '../i18n/zh-CN.js';
import { DashRow } from './DashRow.js';

const SHOWN = 8;

/** Commitments overdue and due within 3 working days, overdue first (DESIGN §6: the 工作台 shows them). */
export function CommitmentsPanel({ items }: { items: readonly DueItem[] }) {
  const overdue = items.filter((i) => i.status === 'overdue').length;
  return (
    <section className="panel" aria-labelledby="dash-commitments" data-testid="dashboard-commitments">
      <div className="panel-head">
        <h2 className="panel-title" id="dash-commitments">
          {t.dashboard.commitments}
        </h2>
        <span className="panel-counts">
          <span className={overdue > 0 ? 'count-danger' : 'muted'}>{t.dashboard.commitmentsOverdue(overdue)}</span>
          <span className="muted">{t.dashboard.commitmentsDueSoon(items.length - overdue)}</span>
        </span>
      </div>
      <p className="panel-hint muted">{t.dashboard.commitmentsHint}</p>
      {items.length === 0 ? (
        <p className="muted">{t.dashboard.commitmentsEmpty}</p>
      ) : (
        <ul className="dash-list">
          {items.slice(0, SHOWN).map((item) => (
            <DashRow key={item.id} incident={item.incident} number={item.number} title={item.content} testId="dashboard-commitment">
              <span className="muted">{item.unit}</span>
              <span className={item.status === 'overdue' ? 'countdown-overdue' : 'muted'}>
                {item.status === 'overdue' ? t.dashboard.overdueWorkdays(item.overdueWorkdays) : t.dashboard.dueOn(item.deadline)}
              </span>
            </DashRow>
          ))}
        </ul>
      )}
      {items.length > SHOWN && <p className="panel-hint muted">{t.dashboard.commitmentsMore(items.length - SHOWN)}</p>}
    </section>
  );
}
