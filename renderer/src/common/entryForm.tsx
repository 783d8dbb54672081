import { type ReactNode, useState } from 'react';
import type { FieldError, Result } from '../../../shared/errors.js';
import { t } from '../i18n/zh-CN.js';
import { fieldErrors } from './fieldErrors.js';
import { placeErrors } from './placeErrors.js';

// What the small entry forms of the incident page (回应, 跟进, 反馈评价) share: one request at a time, a refusal's
// Chinese messages next to their fields (the rest at the top), and the same field markup — label, control, hint,
// message — so each form is only its fields and its request.

interface FieldOptions {
  hint?: string;
  wide?: boolean;
  required?: boolean;
}

export function useEntryForm<Name extends string>(names: readonly Name[], ids: { idPrefix: string; testPrefix: string }) {
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { control, message, fieldClass } = fieldErrors<Name>(ids.idPrefix, ids.testPrefix, errors);

  const fail = (fields: readonly FieldError[] | undefined, text: string) => {
    const placed = placeErrors(names, fields, text);
    setErrors(placed.byField);
    setGeneral(placed.general);
  };

  /** Sends the request unless one is under way; the value when it succeeded, undefined when refused. */
  const send = async <T,>(request: () => Promise<Result<T>>): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    const result = await request();
    setBusy(false);
    if (result.ok) return result.value;
    fail(result.error.fields, result.error.message);
    return undefined;
  };

  const classes = (options: FieldOptions) => `${options.wide ? ' field-wide' : ''}${options.required ? ' field-required' : ''}`;

  /** A labelled control with its hint and message; `input` carries `control(name)`. */
  const field = (name: Name, label: string, input: ReactNode, options: FieldOptions = {}) => (
    <div className={fieldClass(name, classes(options))}>
      <label className="field-label" htmlFor={`${ids.idPrefix}-${name}`}>
        {label}
      </label>
      {input}
      {options.hint && <p className="field-hint">{options.hint}</p>}
      {message(name)}
    </div>
  );

  /** A group of radio chips, labelled by its legend. */
  const choices = (name: Name, label: string, chips: ReactNode, options: FieldOptions = {}) => (
    <fieldset className={fieldClass(name, classes(options))} aria-describedby={errors[name] ? `${ids.idPrefix}-${name}-error` : undefined}>
      <legend className="field-label">{label}</legend>
      <div className="chips" role="radiogroup" aria-label={label}>
        {chips}
      </div>
      {message(name)}
    </fieldset>
  );

  const banner = general && (
    <div className="banner banner-error" role="alert">
      {general}
    </div>
  );

  /** Forgets a field's message once the person changes it. */
  const clear = (name: Name) => setErrors((e) => ({ ...e, [name]: undefined }));

  return { busy, fail, send, field, choices, control, banner, clear };
}

export function FormActions(props: { busy: boolean; submit: string; submitting: string; testId: string; onCancel: () => void }) {
  return (
    <div className="inline-actions">
      <button type="submit" className="button button-primary" data-testid={props.testId} disabled={props.busy}>
        {props.busy ? props.submitting : props.submit}
      </button>
      <button type="button" className="button" onClick={props.onCancel} disabled={props.busy}>
        {t.cancel}
      </button>
    </div>
  );
}
