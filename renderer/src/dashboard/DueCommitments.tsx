import type { ReactNode } from 'react';
import type { DueItem } from '../../../shared/api/commitments.js';
import { toChinaInputValue } from '../../../shared/china-time.js';
import { useNow } from '../clock/useNow.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { useNav } from '../stores/nav.js';
import { DashRow } from './DashRow.js';
import { MoreLink } from './MoreLink.js';

const SOON_SHOWN = 6;
const OVERDUE_SHOWN = 3;

/** `12月7日` — the year is this year's on a list of what falls due within days. */
const monthDay = (ymd: string) => `${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;

/**
 * Commitments by what must be done first: due today, then due within 3 working days — each by name — and then
 * the overdue ones, the most recently overdue first, the rest counted with a link to the 承诺督办 board. The
 * counts in the head are those of the navigation badge (overdue + due today), so the two agree.
 */
export function DueCommitments({ items }: { items: readonly DueItem[] }) {
  const go = useNav((s) => s.go);
  const today = toChinaInputValue(new Date(useNow()).toISOString()).slice(0, 10);
  const overdue = items.filter((i) => i.status === 'overdue').sort((a, b) => a.overdueWorkdays - b.overdueWorkdays);
  const dueToday = items.filter((i) => i.status !== 'overdue' && i.deadline <= today);
  const dueSoon = items.filter((i) => i.status !== 'overdue' && i.deadline > today);
  const toBoard = () => go('commitments');
  return (
    <section className="panel" aria-labelledby="dash-commitments" data-testid="dashboard-commitments">
      <PanelHeading id="dash-commitments" title={t.dashboard.commitments}>
        <span className="panel-counts">
          <span className={dueToday.length > 0 ? 'count-warn' : 'muted'}>{t.dashboard.commitmentsDueToday(dueToday.length)}</span>
          <span className={overdue.length > 0 ? 'count-danger' : 'muted'}>{t.dashboard.commitmentsOverdue(overdue.length)}</span>
        </span>
      </PanelHeading>
      {items.length === 0 && <p className="muted">{t.dashboard.commitmentsEmpty}</p>}
      {dueToday.length > 0 && (
        <Group title={t.dashboard.dueTodayGroup} testId="dashboard-due-today">
          {dueToday.map((item) => (
            <Row key={item.id} item={item} when={<span className="count-warn">{t.dashboard.dueTodayGroup}</span>} />
          ))}
        </Group>
      )}
      {dueSoon.length > 0 && (
        <Group title={t.dashboard.dueSoonGroup} testId="dashboard-due-soon">
          {dueSoon.slice(0, SOON_SHOWN).map((item) => (
            <Row key={item.id} item={item} when={<span className="muted">{t.dashboard.dueOn(monthDay(item.deadline))}</span>} />
          ))}
        </Group>
      )}
      <MoreLink count={dueSoon.length - SOON_SHOWN} where={t.nav.commitments} onClick={toBoard} testId="dashboard-due-more" />
      {overdue.length > 0 && (
        <Group title={t.dashboard.overdueGroup} testId="dashboard-overdue">
          {overdue.slice(0, OVERDUE_SHOWN).map((item) => (
            <Row key={item.id} item={item} when={<span className="countdown-overdue">{t.dashboard.overdueWorkdays(item.overdueWorkdays)}</span>} />
          ))}
        </Group>
      )}
      <MoreLink count={overdue.length - OVERDUE_SHOWN} where={t.nav.commitments} onClick={toBoard} testId="dashboard-overdue-more" />
    </section>
  );
}

function Group({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <>
      <h3 className="dash-group">{title}</h3>
      <ul className="dash-list" data-testid={testId}>
        {children}
      </ul>
    </>
  );
}

function Row({ item, when }: { item: DueItem; when: ReactNode }) {
  return (
    <DashRow incident={item.incident} number={item.number} title={item.content} testId="dashboard-commitment">
      <span className="muted">{item.unit}</span>
      {when}
    </DashRow>
  );
}
