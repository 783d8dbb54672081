import type { FieldError } from '../../../shared/errors.js';

/**
 * A refused call's messages placed next to their fields (the first per top-level name among `names`); what
 * belongs to no field shown here goes to the top of the form, after the call's own message.
 */
export function placeErrors<N extends string>(
  names: readonly N[],
  fields: readonly FieldError[] | undefined,
  message: string,
): { byField: Partial<Record<N, string>>; general: string | null } {
  const byField: Partial<Record<N, string>> = {};
  const other: string[] = [];
  for (const { path, message: text } of fields ?? []) {
    const name = names.find((n) => n === path.split('.')[0]);
    if (name !== undefined) byField[name] ??= text;
    else other.push(text);
  }
  const general = other.length > 0 || Object.keys(byField).length === 0 ? withoutFieldPaths([message, ...other].join(' ')) : null;
  return { byField, general };
}

/** A refusal as a person reads it: the contract's field paths (`patch.publication.channel：`) are taken out. */
export function withoutFieldPaths(message: string): string {
  return message.replace(/[A-Za-z_][\w]*(?:\.[\w]+)*：/g, '');
}
