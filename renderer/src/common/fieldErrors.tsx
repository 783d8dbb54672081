import type { ReactNode } from 'react';

/**
 * The wiring every entry form needs to show a Chinese message next to its field: ids that tie the control to
 * its message for screen readers, the message itself, and the field's invalid style.
 */
export function fieldErrors<Name extends string>(idPrefix: string, testPrefix: string, errors: Partial<Record<Name, string>>) {
  return {
    control: (name: Name) => ({
      id: `${idPrefix}-${name}`,
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': errors[name] ? `${idPrefix}-${name}-error` : undefined,
    }),
    message: (name: Name): ReactNode =>
      errors[name] && (
        <p className="field-error" id={`${idPrefix}-${name}-error`} data-testid={`${testPrefix}-error-${name}`}>
          {errors[name]}
        </p>
      ),
    fieldClass: (name: Name, extra = '') => `field${extra}${errors[name] ? ' field-invalid' : ''}`,
  };
}
