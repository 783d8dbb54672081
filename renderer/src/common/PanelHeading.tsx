import type { ReactNode } from 'react';

/**
 * A panel's heading: its title (the section's aria-labelledby names `id`) and, when given, what sits beside it —
 * the panel's buttons or counts, pushed to the right edge. One component, so every panel heads itself alike.
 */
export function PanelHeading({ id, title, children }: { id?: string; title: ReactNode; children?: ReactNode }) {
  const heading = (
    <h2 className="panel-title" id={id}>
      {title}
    </h2>
  );
  // Children that render nothing for now (a button shown only sometimes) still keep the row, as before.
  if (children === undefined) return heading;
  return (
    <div className="panel-head">
      {heading}
      {children}
    </div>
  );
}
