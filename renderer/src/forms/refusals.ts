import type { FieldError } from '../../../shared/errors.js';

// The one place where a refusal — the core's answer or the shared schema's own check in the window — is placed on
// the fields of a form. A refusal names fields by the contract's paths (`patch.publication.channel`,
// `categories.1`, `deadline.workdays`); a form names its fields its own way. The path is matched against the
// form's field names (longest first, after the request's wrapper such as `patch.` is taken off), or against the
// form's aliases for paths it shows elsewhere.

export interface RefusalPlacement<N extends string> {
  /** The form's field names. */
  names: readonly N[];
  /** Contract paths (or path prefixes) shown on a differently named field: `publication.channel` → `channel`. */
  aliases?: Readonly<Record<string, N>>;
}

/** Wrappers of a request's fields in the contract: `{ id, patch: { … } }`. */
const WRAPPERS = new Set(['patch']);

/** The form field a contract path belongs to, or undefined when the form shows no such field. */
export function fieldOfPath<N extends string>(path: string, { names, aliases = {} }: RefusalPlacement<N>): N | undefined {
  const parts = path.split('.').filter((part, i) => !(i === 0 && WRAPPERS.has(part)));
  for (let length = parts.length; length > 0; length--) {
    const prefix = parts.slice(0, length).join('.');
    const alias = aliases[prefix];
    if (alias !== undefined) return alias;
    const name = names.find((n) => n === prefix);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** Each field's first message (the most basic one), and the messages that belong to no field of the form. */
export function placeRefusal<N extends string>(
  fields: readonly FieldError[] | undefined,
  placement: RefusalPlacement<N>,
): { byField: Partial<Record<N, string>>; unplaced: string[] } {
  const byField: Partial<Record<N, string>> = {};
  const unplaced: string[] = [];
  for (const { path, message } of fields ?? []) {
    const name = fieldOfPath(path, placement);
    if (name !== undefined) byField[name] ??= message;
    else unplaced.push(message);
  }
  return { byField, unplaced };
}

/** A refusal as a person reads it: the contract's field paths (`patch.publication.channel：`) are taken out. */
export function withoutFieldPaths(message: string): string {
  return message.replace(/[A-Za-z_][\w]*(?:\.[\w]+)*：/g, '');
}

/**
 * A refusal said in one line, for a control that is its own field (a rename box, a reason, a file): the first
 * field's message, else the whole message without field paths.
 */
export function refusalLine(error: { message: string; fields?: readonly { message: string }[] | undefined }): string {
  return error.fields?.[0]?.message ?? withoutFieldPaths(error.message);
}
