import { type FormEvent, type ReactNode, useState } from 'react';
import type { Result } from '../../../shared/errors.js';
import { t } from '../i18n/zh-CN.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';

interface AddNamedFormProps {
  /** Prefix of element ids and test ids, e.g. `new-township`. */
  idPrefix: string;
  title: string;
  nameLabel: string;
  submitLabel: string;
  /** 乡镇（街道） or 单位, for the notice. */
  what: string;
  maxLength: number;
  add: (name: string) => Promise<Result<{ name: string }>>;
  /** Further fields (a unit's type); their refusals are shown in the banner. */
  children?: ReactNode;
}

/** Adds a township or unit by name. The core refuses a name already taken; the refusal is placed under the name. */
export function AddNamedForm({ idPrefix, title, nameLabel, submitLabel, what, maxLength, add, children }: AddNamedFormProps) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useUi((s) => s.notify);
  const reload = useSession((s) => s.load);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await add(name);
    setBusy(false);
    if (!result.ok) {
      const fields = result.error.fields ?? [];
      const onName = fields.find((f) => f.path === 'name')?.message ?? null;
      setNameError(onName);
      // Another field's refusal, or a refusal of no field at all, goes in the banner.
      setGeneral(fields.find((f) => f.path !== 'name')?.message ?? (onName === null ? result.error.message : null));
      return;
    }
    setNameError(null);
    setGeneral(null);
    setName('');
    notify(t.namedRow.added(what, result.value.name));
    await reload();
  };

  return (
    <form className="form named-add" data-testid={idPrefix} noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{title}</h3>
      {general && (
        <div className="banner banner-error" role="alert">
          {general}
        </div>
      )}
      <div className="named-add-grid">
        <div className={`field field-required${nameError ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor={`${idPrefix}-name`}>
            {nameLabel}
          </label>
          <input
            id={`${idPrefix}-name`}
            type="text"
            value={name}
            maxLength={maxLength}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${idPrefix}-name-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {nameError && (
            <p className="field-error" id={`${idPrefix}-name-error`}>
              {nameError}
            </p>
          )}
        </div>
        {children}
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
