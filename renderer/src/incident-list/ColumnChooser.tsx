import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../common/useDismiss.js';
import { t } from '../i18n/zh-CN.js';
import { COLUMN_IDS, FIXED_COLUMNS } from './columns.js';
import { useColumns } from './columnsStore.js';

/** A 显示列 button with a small panel of checkboxes; the choice is remembered on this workstation. */
export function ColumnChooser() {
  const visible = useColumns((s) => s.visible);
  const toggle = useColumns((s) => s.toggle);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  return (
    <div className="popover-anchor" ref={ref}>
      <button type="button" className="button" aria-expanded={open} aria-controls="column-chooser" onClick={() => setOpen(!open)}>
        {t.ledger.columnChooser.button}
      </button>
      {open && (
        <fieldset
          id="column-chooser"
          className="popover"
          data-testid="column-chooser"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <legend className="popover-title">{t.ledger.columnChooser.title}</legend>
          {COLUMN_IDS.map((id) => {
            const fixed = FIXED_COLUMNS.includes(id);
            return (
              <label key={id} className="check">
                <input type="checkbox" checked={visible.includes(id)} disabled={fixed} onChange={(e) => toggle(id, e.target.checked)} />
                <span>
                  {t.ledger.columns[id]}
                  {fixed && <span className="muted">{t.ledger.columnChooser.fixed}</span>}
                </span>
              </label>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
