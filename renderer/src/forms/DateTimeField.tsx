import { type Ref, useRef } from 'react';
import type { FieldValues } from 'react-hook-form';
import { t } from '../i18n/zh-CN.js';
import { displayOfPicked, type PickerKind, pickerValueOf } from './pickerValue.js';
import { type BoundFieldProps, type BoundText, useBoundText } from './bound-text.js';

// A typed date or time field with the native picker beside it. People may type any form the shared parser reads
// (`2026年12月3日 15:00`, `12月3日 15:00`, `今天 9:30` …); the calendar button opens the browser's own
// datetime-local (or date) picker at the typed value, and what is picked is written into the text field in the
// app's display form. The text field stays the one value the form sends.

interface DateTimeInputProps {
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
  /** What the field is called, for the calendar button's label. */
  label: string;
  kind?: PickerKind;
  /** id, aria-* of the text control (useLedgerForm's `control(name)`). */
  attributes: Record<string, unknown>;
  placeholder?: string | undefined;
  readOnly?: boolean;
  autoFocus?: boolean;
}

/** The typed field and its calendar, for any owner of the value. */
export function DateTimeInput({ value, onChange, onBlur, inputRef, name, label, kind = 'datetime', attributes, placeholder, readOnly, autoFocus }: DateTimeInputProps) {
  const picker = useRef<HTMLInputElement>(null);

  const open = () => {
    const input = picker.current;
    if (!input) return;
    input.value = pickerValueOf(value, kind);
    // showPicker is Chromium's (the app's) way to open the native picker from a button; jsdom has none.
    if (typeof input.showPicker === 'function') {
      try {
        input.showPicker();
      } catch {
        input.focus();
      }
    } else input.focus();
  };

  return (
    <span className="datetime-field">
      <input
        {...attributes}
        type="text"
        ref={inputRef}
        name={name}
        value={value}
        placeholder={placeholder ?? (kind === 'date' ? '2026年12月31日' : '2026年11月28日 14:05')}
        readOnly={readOnly}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {!readOnly && (
        <>
          <button type="button" className="datetime-button" aria-label={kind === 'date' ? t.forms.pickDate : t.forms.pickDateTime}
            title={kind === 'date' ? t.forms.pickDateOf(label) : t.forms.pickDateTimeOf(label)} onClick={open}>
            <CalendarIcon />
          </button>
          <input
            ref={picker}
            className="datetime-picker"
            type={kind === 'date' ? 'date' : 'datetime-local'}
            tabIndex={-1}
            aria-hidden="true"
            data-testid={`picker-${name ?? String(attributes.id)}`}
            defaultValue={pickerValueOf(value, kind)}
            onChange={(e) => {
              const shown = displayOfPicked(e.target.value);
              if (shown !== undefined) onChange(shown);
            }}
          />
        </>
      )}
    </span>
  );
}

type DateTimeFieldProps<V extends FieldValues, Out> = Omit<DateTimeInputProps, keyof BoundText> & BoundFieldProps<V, Out>;

/** DateTimeInput bound to a field of a useLedgerForm form. */
export function DateTimeField<V extends FieldValues, Out>({ control, name, ...rest }: DateTimeFieldProps<V, Out>) {
  return <DateTimeInput {...rest} {...useBoundText(control, name)} />;
}

/** A calendar drawn inline: the app ships no icon font, and emoji are missing on many office desktops. */
function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.3" fill="none" />
      <path d="M4 9h2v2H4zM7 9h2v2H7zM10 9h2v2h-2z" fill="currentColor" />
    </svg>
  );
}
