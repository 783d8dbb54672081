import type { ReactNode } from 'react';
import { useNav } from '../stores/nav.js';

/** One line of a 工作台 list: number and title, a line of detail under them, and what stands at the end; opens the incident. */
export function DashRow(props: { incident: string; number: string; title: string; testId?: string; children: ReactNode; end?: ReactNode }) {
  const open = useNav((s) => s.openIncident);
  return (
    <li>
      <button type="button" className="dash-row" data-testid={props.testId} onClick={() => open(props.incident)}>
        <span className="dash-row-main">
          <span className="mono dash-number">{props.number}</span>
          <span className="dash-title">{props.title}</span>
        </span>
        <span className="dash-row-sub">{props.children}</span>
        {props.end}
      </button>
    </li>
  );
}
