import { categoryMethods } from '../../../shared/api/categories.js';
import { FormField } from '../forms/FormField.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';

const c = t.categoryEditor;

interface Values {
  name: string;
  short: string;
  color: string;
  keywords: string;
}
const BLANK: Values = { name: '', short: '', color: '#5b6b8c', keywords: '' };

/** An office's own category: name, short label, colour and keywords, judged by addCategory's own schema. */
export function AddCategoryForm() {
  const notify = useUi((s) => s.notify);
  const reload = useSession((s) => s.load);
  const lf = useLedgerForm({
    defaultValues: BLANK,
    contract: {
      draft: (v: Values) => ({
        name: v.name,
        short: v.short,
        color: v.color,
        keywords: [...new Set(v.keywords.split(/[、,，;；\s]+/).map((k) => k.trim()).filter((k) => k !== ''))],
      }),
      schema: categoryMethods.addCategory.input,
    },
    ids: { prefix: 'newcat', testPrefix: 'newcat' },
  });

  const submit = lf.onSubmit(async (request) => {
    const result = await call('addCategory', request);
    if (!result.ok) return lf.refuse(result.error);
    lf.form.reset(BLANK);
    notify(c.added(result.value.name));
    await reload();
  });

  return (
    <form className="form add-category" data-testid="add-category" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{c.addTitle}</h3>
      {lf.banner()}
      <div className="add-category-grid">
        <FormField of={lf} name="name" label={c.name} required>
          <input type="text" maxLength={30} {...lf.input('name', { required: true })} />
        </FormField>
        <FormField of={lf} name="short" label={c.short} required>
          <input type="text" maxLength={10} {...lf.input('short', { required: true })} />
        </FormField>
        <FormField of={lf} name="color" label={c.color}>
          <input type="color" {...lf.input('color')} />
        </FormField>
        <FormField of={lf} name="keywords" label={c.keywordsField} wide>
          <input type="text" {...lf.input('keywords')} />
        </FormField>
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary" disabled={lf.busy}>
          {c.add}
        </button>
      </div>
    </form>
  );
}
