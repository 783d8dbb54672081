import type { Ref } from 'react';
import { type Control, type FieldPath, type FieldValues, useController } from 'react-hook-form';

/** What a text control of our own (coded word, date-time) takes to be one field of a useLedgerForm form. */
export interface BoundText {
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  name: string;
}

/** Binds one such control to a form field, the same way for every control. */
export function useBoundText<V extends FieldValues, Out>(control: Control<V, unknown, Out>, name: FieldPath<V>): BoundText {
  const { field } = useController({ control, name });
  return {
    value: typeof field.value === 'string' ? field.value : '',
    onChange: field.onChange,
    onBlur: field.onBlur,
    inputRef: field.ref,
    name: field.name,
  };
}

export interface BoundFieldProps<V extends FieldValues, Out> {
  control: Control<V, unknown, Out>;
  name: FieldPath<V>;
}
