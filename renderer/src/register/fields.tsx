import type { ReactNode } from 'react';
import type { FieldName } from './form.js';

// Layout pieces of the 登记 form. Every control has a visible label tied to it (label htmlFor, or a fieldset
// legend for groups), and its error message is placed right under it and announced as its description.

export const controlId = (name: FieldName) => `reg-${name}`;
const errorId = (name: FieldName) => `reg-${name}-error`;
const hintId = (name: FieldName) => `reg-${name}-hint`;

/** Accessibility attributes for the control of a field: invalid state and the hint/error it is described by. */
export function describe(name: FieldName, error: string | undefined, hint?: string) {
  const ids = [hint ? hintId(name) : '', error ? errorId(name) : ''].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids || undefined,
  } as const;
}

interface FieldProps {
  name: FieldName;
  label: string;
  error: string | undefined;
  required?: boolean;
  hint?: string;
  wide?: boolean;
  children: ReactNode;
}

function Messages({ name, error, hint }: { name: FieldName; error: string | undefined; hint: string | undefined }) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={hintId(name)}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId(name)} data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </>
  );
}

const fieldClass = (error: string | undefined, wide: boolean | undefined, required: boolean | undefined) =>
  ['field', wide ? 'field-wide' : '', error ? 'field-invalid' : '', required ? 'field-required' : '']
    .filter(Boolean)
    .join(' ');

/** A single control (input, select, textarea) with its label. */
export function Field({ name, label, error, required, hint, wide, children }: FieldProps) {
  return (
    <div className={fieldClass(error, wide, required)} data-testid={`field-${name}`}>
      <label className="field-label" htmlFor={controlId(name)}>
        {label}
      </label>
      {children}
      <Messages name={name} error={error} hint={hint} />
    </div>
  );
}

/** A group of checkboxes or radios, labelled by its legend. */
export function GroupField({ name, label, error, required, hint, wide, children }: FieldProps) {
  return (
    <fieldset className={fieldClass(error, wide, required)} data-testid={`field-${name}`} {...describe(name, error, hint)}>
      <legend className="field-label">{label}</legend>
      {children}
      <Messages name={name} error={error} hint={hint} />
    </fieldset>
  );
}
