import type { Ref } from 'react';
import type { FieldValues } from 'react-hook-form';
import { CODED_FIELDS, type CodedFieldName, codedChoices, normaliseWord, resolveCoded } from '../../../shared/input/coded-values.js';
import { t } from '../i18n/zh-CN.js';
import { type BoundFieldProps, type BoundText, useBoundText } from './bound-text.js';

// A coded field as a combobox: people type the code, the full label or the words offices say (实际困难, 12345,
// 回复留言 …) — the same words the contract accepts (shared/input/coded-values.ts) — and the list offers them as
// they type. What the word means is shown under it.

/** Every word a coded field offers, with the label it means: labels first, then the other words. */
export function codedOptions(coded: CodedFieldName): { word: string; label: string }[] {
  const spec = CODED_FIELDS[coded] as { codes: readonly string[]; labels: Record<string, string>; synonyms: Partial<Record<string, readonly string[]>> };
  const options: { word: string; label: string }[] = [];
  const seen = new Set<string>();
  const offer = (word: string, label: string) => {
    if (word === '' || seen.has(normaliseWord(word))) return;
    seen.add(normaliseWord(word));
    options.push({ word, label });
  };
  for (const code of spec.codes) offer(spec.labels[code] ?? code, spec.labels[code] ?? code);
  for (const code of spec.codes) {
    const label = spec.labels[code] ?? code;
    for (const word of [...label.split(/\s*(?:→|\/)\s*/), ...(spec.synonyms[code] ?? [])]) offer(word, label);
  }
  return options;
}

/** The label a written word means in a coded field, or undefined. */
export function codedLabelOf(coded: CodedFieldName, text: string): string | undefined {
  const code = resolveCoded(coded, text);
  if (code === undefined) return undefined;
  return (CODED_FIELDS[coded].labels as Record<string, string>)[code];
}

interface CodedInputProps {
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
  coded: CodedFieldName;
  /** id, aria-* of the control (useLedgerForm's `control(name)`). */
  attributes: { id: string } & Record<string, unknown>;
  placeholder?: string | undefined;
  autoFocus?: boolean;
}

/** The combobox, for any owner of the value. */
export function CodedInput({ value, onChange, onBlur, inputRef, name, coded, attributes, placeholder, autoFocus }: CodedInputProps) {
  const label = codedLabelOf(coded, value);
  const listId = `${attributes.id}-words`;
  const said = value.trim() !== '' && normaliseWord(value) !== normaliseWord(label ?? '');

  return (
    <>
      <input
        {...attributes}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={false}
        list={listId}
        autoComplete="off"
        ref={inputRef}
        name={name}
        value={value}
        placeholder={placeholder ?? t.register.choose}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
        // The word stays as typed (the line under it says what it means): rewriting it on leaving the field would
        // move everything below while a click is on its way to it.
        onBlur={onBlur}
      />
      <datalist id={listId}>
        {codedOptions(coded).map((o) => (
          // The meaning as the label attribute, not text: the options' words are not text on the page.
          <option key={o.word} value={o.word} label={o.word === o.label ? undefined : o.label} />
        ))}
      </datalist>
      {said && label !== undefined && (
        <p className="field-means" data-testid={`${attributes.id}-means`}>
          {t.forms.means(label)}
        </p>
      )}
      {said && label === undefined && (
        <p className="field-hint" data-testid={`${attributes.id}-unknown`}>
          {t.forms.unknownWord(codedChoices(coded))}
        </p>
      )}
    </>
  );
}

type CodedFieldProps<V extends FieldValues, Out> = Omit<CodedInputProps, keyof BoundText> & BoundFieldProps<V, Out>;

/** CodedInput bound to a field of a useLedgerForm form. */
export function CodedField<V extends FieldValues, Out>({ control, name, ...rest }: CodedFieldProps<V, Out>) {
  return <CodedInput {...rest} {...useBoundText(control, name)} />;
}
