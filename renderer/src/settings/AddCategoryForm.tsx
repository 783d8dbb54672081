import { type FormEvent, useState } from 'react';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';

const c = t.categoryEditor;
type Field = 'name' | 'short' | 'color' | 'keywords';

/** An office's own category: name, short label, colour and keywords. */
export function AddCategoryForm() {
  const [name, setName] = useState('');
  const [short, setShort] = useState('');
  const [color, setColor] = useState('#5b6b8c');
  const [keywords, setKeywords] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const notify = useUi((s) => s.notify);
  const reload = useSession((s) => s.load);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = [...new Set(keywords.split(/[、,，;；\s]+/).map((k) => k.trim()).filter((k) => k !== ''))];
    const result = await call('addCategory', { name, short, color, keywords: list });
    if (!result.ok) {
      const byField: Partial<Record<Field, string>> = {};
      for (const f of result.error.fields ?? []) {
        const key = f.path.split('.')[0];
        if (key === 'name' || key === 'short' || key === 'color' || key === 'keywords') byField[key] ??= f.message;
      }
      setErrors(byField);
      setGeneral(Object.keys(byField).length === 0 ? result.error.message : null);
      return;
    }
    setErrors({});
    setGeneral(null);
    setName('');
    setShort('');
    setKeywords('');
    notify(c.added(result.value.name));
    await reload();
  };

  const message = (field: Field) =>
    errors[field] && (
      <p className="field-error" id={`newcat-${field}-error`}>
        {errors[field]}
      </p>
    );
  const described = (field: Field) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `newcat-${field}-error` : undefined,
  });

  return (
    <form className="form add-category" data-testid="add-category" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{c.addTitle}</h3>
      {general && (
        <div className="banner banner-error" role="alert">
          {general}
        </div>
      )}
      <div className="add-category-grid">
        <div className={`field${errors.name ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="newcat-name">
            {c.name}
          </label>
          <input id="newcat-name" type="text" value={name} maxLength={30} onChange={(e) => setName(e.target.value)} {...described('name')} />
          {message('name')}
        </div>
        <div className={`field${errors.short ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="newcat-short">
            {c.short}
          </label>
          <input id="newcat-short" type="text" value={short} maxLength={10} onChange={(e) => setShort(e.target.value)} {...described('short')} />
          {message('short')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="newcat-color">
            {c.color}
          </label>
          <input id="newcat-color" type="color" value={color} onChange={(e) => setColor(e.target.value)} {...described('color')} />
          {message('color')}
        </div>
        <div className={`field field-wide${errors.keywords ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="newcat-keywords">
            {c.keywordsField}
          </label>
          <input id="newcat-keywords" type="text" value={keywords} onChange={(e) => setKeywords(e.target.value)} {...described('keywords')} />
          {message('keywords')}
        </div>
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary">
          {c.add}
        </button>
      </div>
    </form>
  );
}
