import type { ReactNode } from 'react';

// The markup every field shares: a visible label tied to its control (label htmlFor, or a fieldset legend for a
// group of chips), the hint, and the message placed right under it and announced as the control's description.
// Required fields carry `field-required` (the red mark) whichever form they are in.

/** What a field needs of its form (useLedgerForm gives it). */
export interface FieldHost<N extends string> {
  message: (name: N) => string | undefined;
  ids: { testPrefix: string; controlId: (name: string) => string; errorId: (name: string) => string; hintId: (name: string) => string };
}

interface FieldProps<N extends string> {
  of: FieldHost<N>;
  name: N;
  label: string;
  required?: boolean | undefined;
  hint?: string | undefined;
  wide?: boolean | undefined;
  className?: string;
  children: ReactNode;
}

/** `<testPrefix>-error-<name>`; a form with no test prefix (登记) has plain `error-<name>`, `field-<name>`. */
const testId = <N extends string>(of: FieldHost<N>, what: 'error' | 'field', name: N) => [of.ids.testPrefix, what, name].filter(Boolean).join('-');

const classes = (error: string | undefined, { wide, required, className }: { wide?: boolean | undefined; required?: boolean | undefined; className?: string | undefined }) =>
  ['field', wide ? 'field-wide' : '', error ? 'field-invalid' : '', required ? 'field-required' : '', className ?? ''].filter(Boolean).join(' ');

function Messages<N extends string>({ of, name, hint }: { of: FieldHost<N>; name: N; hint: string | undefined }) {
  const error = of.message(name);
  return (
    <>
      {hint && (
        <p className="field-hint" id={of.ids.hintId(name)}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={of.ids.errorId(name)} data-testid={testId(of, 'error', name)}>
          {error}
        </p>
      )}
    </>
  );
}

/** One control (input, select, textarea, combobox) with its label. */
export function FormField<N extends string>({ of, name, label, required, hint, wide, className, children }: FieldProps<N>) {
  return (
    <div className={classes(of.message(name), { wide, required, className })} data-testid={testId(of, 'field', name)}>
      <label className="field-label" htmlFor={of.ids.controlId(name)}>
        {label}
      </label>
      {children}
      <Messages of={of} name={name} hint={hint} />
    </div>
  );
}

/** A group of checkboxes or radio chips, labelled by its legend. */
export function ChoiceField<N extends string>({ of, name, label, required, hint, wide, className, children }: FieldProps<N>) {
  const error = of.message(name);
  const described = [hint ? of.ids.hintId(name) : '', error ? of.ids.errorId(name) : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={classes(error, { wide, required, className })}
      data-testid={testId(of, 'field', name)}
      aria-invalid={error ? true : undefined}
      aria-describedby={described || undefined}
    >
      <legend className="field-label">{label}</legend>
      {children}
      <Messages of={of} name={name} hint={hint} />
    </fieldset>
  );
}
