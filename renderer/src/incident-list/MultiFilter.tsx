import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../common/useDismiss.js';
import { t } from '../i18n/zh-CN.js';

const f = t.ledger.filters;

export interface FilterOption<T extends string> {
  value: T;
  label: string;
}

/** A set of values chosen at once, offered above the list (未办结 = every open status). */
export interface FilterPreset<T extends string> {
  label: string;
  values: readonly T[];
}

/** What the closed filter shows: 全部, the one or two chosen, or the first and how many. */
export function summaryOf<T extends string>(chosen: readonly T[], options: readonly FilterOption<T>[], presets: readonly FilterPreset<T>[] = []): string {
  if (chosen.length === 0) return f.all;
  const preset = presets.find((p) => p.values.length === chosen.length && p.values.every((v) => chosen.includes(v)));
  if (preset) return preset.label;
  const labels = options.filter((o) => chosen.includes(o.value)).map((o) => o.label);
  return labels.length <= 2 ? labels.join('、') : f.several(labels[0] ?? '', labels.length);
}

/**
 * A filter that takes several values: a button naming what is chosen, opening a list of checkboxes. Nothing
 * ticked means no narrowing (全部), so the ledger never shows an empty list just because a box was left off.
 */
export function MultiFilter<T extends string>(props: {
  id: string;
  label: string;
  options: readonly FilterOption<T>[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  presets?: readonly FilterPreset<T>[];
}) {
  const { id, label, options, chosen, onChange, presets = [] } = props;
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  // Kept in the options' order, whatever order they were ticked in, so a saved view reads the same each time.
  const set = (values: readonly T[]) => onChange(options.map((o) => o.value).filter((v) => values.includes(v)));
  const summary = summaryOf(chosen, options, presets);

  return (
    <div className="filter popover-anchor" ref={ref}>
      <label htmlFor={id}>{label}</label>
      <button
        type="button"
        id={id}
        ref={button}
        className={`filter-button${chosen.length > 0 ? ' filter-button-on' : ''}`}
        aria-expanded={open}
        aria-controls={`${id}-options`}
        title={chosen.length > 0 ? options.filter((o) => chosen.includes(o.value)).map((o) => o.label).join('、') : undefined}
        onClick={() => setOpen(!open)}
      >
        <span className="filter-summary">{summary}</span>
        <span className="filter-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <fieldset
          id={`${id}-options`}
          className="popover popover-start filter-options"
          data-testid={`${id}-options`}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // Closing the list is all this Escape does; focus goes back to the filter, so the keyboard keeps its place.
            e.preventDefault();
            setOpen(false);
            button.current?.focus();
          }}
        >
          <legend className="popover-title">{f.choose(label)}</legend>
          <div className="filter-quick">
            <button type="button" className="link-button" disabled={chosen.length === 0} onClick={() => set([])}>
              {f.all}
            </button>
            {presets.map((preset) => (
              <button key={preset.label} type="button" className="link-button" onClick={() => set(preset.values)}>
                {preset.label}
              </button>
            ))}
          </div>
          {options.map((option) => (
            <label key={option.value} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(option.value)}
                onChange={(e) => set(e.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
