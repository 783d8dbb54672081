import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useState } from 'react';
import { type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type SubmitHandler, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { LedgerErrorData } from '../../../shared/errors.js';
import { t } from '../i18n/zh-CN.js';
import { placeRefusal, type RefusalPlacement, withoutFieldPaths } from './refusals.js';

// The one form layer of the window: react-hook-form keeps what the person typed (dirty state, focus on the first
// field that needs attention, messages cleared as fields are edited), the contract's zod schema judges the draft
// before anything is sent (so the window says what the core would say, in its words), and a refusal from the core
// is placed on the fields by refusals.ts. A form is then its fields, its draft and its request.

type Name<V extends FieldValues> = Extract<keyof V, string>;

export interface LedgerFormOptions<V extends FieldValues, Out> {
  defaultValues: V;
  /** The request the values make (`draft`) and the contract schema that judges it before it is sent. */
  contract?: { draft: (values: V) => unknown; schema: z.ZodType<Out> };
  /** Control ids are `<prefix>-<name>`; test ids `<testPrefix>-error-<name>` and `<testPrefix>-field-<name>`. */
  ids: { prefix: string; testPrefix: string };
  /** Contract paths shown on a differently named field (`publication.channel` → `channel`). */
  aliases?: Readonly<Record<string, Name<V>>>;
  /**
   * Say the core's whole refusal on top even when each part sits beside its field: in a long dialog the field may
   * be scrolled out of sight.
   */
  sayWholeRefusal?: boolean;
}

/** A top-level key of the values is a path react-hook-form knows; its Path type cannot see that for a generic V. */
const pathOf = <V extends FieldValues>(name: Name<V>) => name as unknown as Path<V>;

function fieldNames<V extends FieldValues>(values: V): Name<V>[] {
  return Object.keys(values).filter((key): key is Name<V> => typeof key === 'string');
}

/** The first message under an error entry: `categories.1` is a message about 敏感类别. */
function firstMessage(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== 'object') return undefined;
  const message = (entry as { message?: unknown }).message;
  if (typeof message === 'string' && message !== '') return message;
  for (const value of Object.values(entry)) {
    if (value !== entry && typeof value === 'object') {
      const found = firstMessage(value);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Every message of a resolver's errors with the path it was given at (`categories.1`). */
function flatten(errors: FieldErrors, prefix = ''): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const [key, entry] of Object.entries(errors)) {
    if (entry === null || typeof entry !== 'object' || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (entry as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') out.push({ path, message });
    else out.push(...flatten(entry as FieldErrors, path));
  }
  return out;
}

/** Where the schema's messages that belong to no field of the form are kept among the errors. */
const UNPLACED = '__unplaced';

/**
 * A form's values judged by the contract: the draft they make, parsed by the shared schema, and its messages
 * placed on the form's own fields (`policy.daily` → 每日) as a refusal from the core would be.
 */
function contractResolver<V extends FieldValues, Out>(
  draft: (values: V) => unknown,
  schema: z.ZodType<Out>,
  placement: RefusalPlacement<Name<V>>,
): Resolver<V, unknown, Out> {
  const judge = zodResolver(z.custom<V>().transform(draft).pipe(schema));
  return async (values, context, options) => {
    const judged = await judge(values, context, options);
    if (Object.keys(judged.errors).length === 0) return judged;
    const { byField, unplaced } = placeRefusal(flatten(judged.errors), placement);
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [name, message] of Object.entries(byField)) if (typeof message === 'string') errors[name] = { type: 'contract', message };
    if (unplaced.length > 0) errors[UNPLACED] = { type: 'contract', message: unplaced.join(' ') };
    // Keyed by the form's own field names, which FieldErrors<V> cannot know for a generic V.
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

export function useLedgerForm<V extends FieldValues, Out = V>(options: LedgerFormOptions<V, Out>) {
  const { defaultValues, contract, ids, aliases } = options;
  const names = fieldNames(defaultValues);
  const placement = { names, ...(aliases ? { aliases } : {}) };
  const form = useForm<V, unknown, Out>({
    defaultValues: defaultValues as DefaultValues<V>,
    ...(contract ? { resolver: contractResolver(contract.draft, contract.schema, placement) } : {}),
  });
  const [general, setGeneral] = useState<string | null>(null);
  const errors = form.formState.errors;

  const message = (name: Name<V>): string | undefined => firstMessage(errors[name]);
  const controlId = (name: string) => `${ids.prefix}-${name}`;
  const errorId = (name: string) => `${ids.prefix}-${name}-error`;
  const hintId = (name: string) => `${ids.prefix}-${name}-hint`;

  /** The id and accessibility attributes of a field's control: invalid state, hint and message it is described by. */
  const control = (name: Name<V>, { hint, required }: { hint?: string | undefined; required?: boolean } = {}) => {
    const described = [hint ? hintId(name) : '', message(name) ? errorId(name) : ''].filter(Boolean).join(' ');
    return {
      id: controlId(name),
      'aria-invalid': message(name) ? true : undefined,
      'aria-describedby': described || undefined,
      'aria-required': required ? true : undefined,
    } as const;
  };

  /** A text control bound to its value: register plus the accessibility attributes. */
  const input = (name: Name<V>, more: { hint?: string | undefined; required?: boolean } = {}) => ({
    ...form.register(pathOf<V>(name)),
    ...control(name, more),
  });

  /** Places a refusal from the core: messages beside their fields (focus on the first), the rest on top. */
  const refuse = (error: LedgerErrorData) => {
    const { byField, unplaced } = placeRefusal(error.fields, placement);
    const placed = names.filter((name) => byField[name] !== undefined);
    placed.forEach((name, i) => form.setError(pathOf<V>(name), { type: 'refused', message: byField[name] ?? '' }, { shouldFocus: i === 0 }));
    const sayAll = options.sayWholeRefusal || unplaced.length > 0 || placed.length === 0;
    setGeneral(sayAll ? withoutFieldPaths([error.message, ...(options.sayWholeRefusal ? [] : unplaced)].join(' ')) : null);
  };

  /** The form's submit handler: the schema first (its messages beside the fields), then `send` with the request. */
  const onSubmit = (send: SubmitHandler<Out>) =>
    form.handleSubmit(
      async (request) => {
        setGeneral(null);
        await send(request);
      },
      (invalid) => {
        const unplaced = firstMessage(invalid[UNPLACED]);
        const placed = names.filter((name) => invalid[name] !== undefined).length;
        setGeneral([t.forms.checkFields(placed + (unplaced ? 1 : 0)), ...(unplaced ? [unplaced] : [])].join(' '));
      },
    );

  /** What the form says on top: the count of fields to fix, or what a refusal said that belongs to no field. */
  const banner = (testId?: string): ReactNode =>
    general && (
      <div className="banner banner-error field-wide" role="alert" data-testid={testId}>
        {general}
      </div>
    );

  return {
    form,
    busy: form.formState.isSubmitting,
    dirty: form.formState.isDirty,
    ids: { ...ids, controlId, errorId, hintId },
    message,
    control,
    input,
    refuse,
    onSubmit,
    banner,
    /** Says something on top of the form (a refusal that has no field, such as a failed close). */
    say: setGeneral,
  };
}

