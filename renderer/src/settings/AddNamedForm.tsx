import type { ReactNode } from 'react';
import type { Result } from '../../../shared/errors.js';
import { FormField } from '../forms/FormField.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
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
  const notify = useUi((s) => s.notify);
  const reload = useSession((s) => s.load);
  const lf = useLedgerForm({ defaultValues: { name: '' }, ids: { prefix: idPrefix, testPrefix: idPrefix } });

  const submit = lf.onSubmit(async ({ name }) => {
    const result = await add(name);
    if (!result.ok) return lf.refuse(result.error);
    lf.form.reset({ name: '' });
    notify(t.namedRow.added(what, result.value.name));
    await reload();
  });

  return (
    <form className="form named-add" data-testid={idPrefix} noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{title}</h3>
      {lf.banner()}
      <div className="named-add-grid">
        <FormField of={lf} name="name" label={nameLabel} required>
          <input type="text" maxLength={maxLength} {...lf.input('name', { required: true })} />
        </FormField>
        {children}
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary" disabled={lf.busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
