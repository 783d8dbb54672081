import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { CodedFieldName } from '../../../shared/input/coded-values.js';
import { CodedInput } from '../forms/CodedField.js';
import { DateTimeInput } from '../forms/DateTimeField.js';
import { t } from '../i18n/zh-CN.js';

// One field of the incident page: shown as text, edited in place. Saving asks the ledger; a refusal is shown
// right under the field, in the ledger's own words, and the field stays open to be fixed.

export type Draft = string | readonly string[];

export interface Option {
  value: string;
  label: string;
}

export type EditorSpec =
  | { kind: 'text'; maxLength?: number; placeholder?: string }
  /** A time typed as people write it, with the calendar beside it. */
  | { kind: 'time' }
  /** A coded value typed as a word people say (抖音, 12345, 切身利益), offered as they type. */
  | { kind: 'coded'; coded: CodedFieldName; none?: string }
  | { kind: 'textarea'; rows?: number }
  | { kind: 'select'; options: readonly Option[]; none?: string }
  | { kind: 'checks'; options: readonly Option[] };

interface InlineFieldProps {
  name: string;
  label: string;
  display: ReactNode;
  /** The value the editor opens with. */
  initial: Draft;
  editor: EditorSpec;
  /** Saves the draft; answers an error message, or null when saved. */
  save: (draft: Draft) => Promise<string | null>;
  hint?: string;
  wide?: boolean;
  /** Hears the draft while it is typed, and null once the editor closes (category suggestions follow the title). */
  onDraft?: (draft: Draft | null) => void;
}

const asText = (draft: Draft) => (typeof draft === 'string' ? draft : draft.join(''));
const asList = (draft: Draft): readonly string[] => (typeof draft === 'string' ? [] : draft);

export function InlineField({ name, label, display, initial, editor, save, hint, wide, onDraft }: InlineFieldProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const controlId = useId();
  const errorId = `${controlId}-error`;

  const change = (next: Draft) => {
    setDraft(next);
    onDraft?.(next);
  };
  const open = () => {
    setDraft(initial);
    setError(null);
    setEditing(true);
  };
  const cancel = () => {
    setEditing(false);
    setError(null);
    onDraft?.(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const message = await save(draft);
    setSaving(false);
    if (message === null) {
      setEditing(false);
      onDraft?.(null);
    }
    setError(message);
  };

  const describedBy = error ? errorId : undefined;
  const control = (() => {
    switch (editor.kind) {
      case 'text':
        return (
          <input
            id={controlId}
            type="text"
            value={asText(draft)}
            maxLength={editor.maxLength}
            placeholder={editor.placeholder}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => change(e.target.value)}
          />
        );
      case 'time':
        return (
          <DateTimeInput
            value={asText(draft)}
            onChange={change}
            label={label}
            autoFocus
            attributes={{ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy }}
          />
        );
      case 'coded':
        return (
          <CodedInput
            value={asText(draft)}
            onChange={change}
            coded={editor.coded}
            placeholder={editor.none}
            autoFocus
            attributes={{ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy }}
          />
        );
      case 'textarea':
        return (
          <textarea
            id={controlId}
            rows={editor.rows ?? 3}
            value={asText(draft)}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => change(e.target.value)}
          />
        );
      case 'select':
        return (
          <select
            id={controlId}
            value={asText(draft)}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => change(e.target.value)}
          >
            {editor.none !== undefined && <option value="">{editor.none}</option>}
            {editor.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        );
      case 'checks':
        return (
          <div className="check-list" id={controlId} role="group" aria-label={label} aria-describedby={describedBy}>
            {editor.options.map((o) => {
              const list = asList(draft);
              return (
                <label key={o.value} className="check">
                  <input
                    type="checkbox"
                    checked={list.includes(o.value)}
                    onChange={(e) => change(e.target.checked ? [...list, o.value] : list.filter((v) => v !== o.value))}
                  />
                  <span>{o.label}</span>
                </label>
              );
            })}
          </div>
        );
    }
  })();

  return (
    <div className={`inline-field${wide ? ' inline-field-wide' : ''}${error ? ' field-invalid' : ''}`} data-testid={`detail-${name}`}>
      {editing ? (
        <form
          className="inline-editor"
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              // Escape leaves the editor, not the page.
              e.stopPropagation();
              cancel();
            }
          }}
        >
          {editor.kind === 'checks' ? (
            <span className="inline-label">{label}</span>
          ) : (
            <label className="inline-label" htmlFor={controlId}>
              {label}
            </label>
          )}
          {control}
          {hint && <p className="field-hint">{hint}</p>}
          {error && (
            <p className="field-error" id={errorId} role="alert" data-testid={`detail-error-${name}`}>
              {error}
            </p>
          )}
          <div className="inline-actions">
            <button type="submit" className="button button-primary button-small" disabled={saving}>
              {saving ? t.incident.saving : t.incident.save}
            </button>
            <button type="button" className="button button-small" onClick={cancel} disabled={saving}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : (
        <>
          <span className="inline-label">{label}</span>
          <div className="inline-value">{display}</div>
          <button type="button" className="inline-edit" aria-label={`${t.incident.edit}${label}`} onClick={open}>
            {t.incident.edit}
          </button>
        </>
      )}
    </div>
  );
}
