import { useState } from 'react';
import { t } from '../i18n/zh-CN.js';
import { chooserNeeded, useStaff } from '../stores/staff.js';
import { useUi } from '../stores/ui.js';
import './staff.css';

const s = t.staff;

/**
 * Asks the person at the keyboard for their name (no password). Shown before work when the workstation has active
 * staff and nobody is chosen; on 切换 it can be closed without choosing.
 */
export function StaffChooser() {
  const state = useStaff();
  const notify = useUi((u) => u.notify);
  const [error, setError] = useState<string | null>(null);
  if (!chooserNeeded(state)) return null;
  const mustChoose = state.current === '';
  const active = state.staff.filter((m) => m.active);

  const pick = async (name: string) => {
    const refusal = await state.choose(name);
    setError(refusal);
    if (refusal === null) notify(s.chosen(name));
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog staff-chooser"
        role="dialog"
        aria-modal="true"
        aria-labelledby="staff-chooser-heading"
        data-testid="staff-chooser"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !mustChoose) state.closeSwitch();
        }}
      >
        <h2 id="staff-chooser-heading">{s.chooserTitle}</h2>
        <p className="field-hint">{s.chooserHint}</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ul className="staff-choices">
          {active.map((m, i) => (
            <li key={m.name}>
              <button
                type="button"
                className={`staff-choice${m.name === state.current ? ' staff-choice-current' : ''}`}
                aria-label={s.choose(m.name)}
                autoFocus={i === 0}
                onClick={() => void pick(m.name)}
              >
                <span className="staff-choice-name">{m.name}</span>
                {m.post && <span className="staff-choice-post">{m.post}</span>}
              </button>
            </li>
          ))}
        </ul>
        {!mustChoose && (
          <div className="inline-actions">
            <button type="button" className="button" onClick={state.closeSwitch}>
              {t.cancel}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
