import { type FormEvent, useState } from 'react';
import type { Category } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { AddCategoryForm } from './AddCategoryForm.js';
import { refusalLine } from '../forms/refusals.js';

const c = t.categoryEditor;

/** 敏感类别 and their keywords (the source of 登记 suggestions). Every change is saved at once. */
export function CategoryEditor() {
  const reference = useSession((s) => s.reference);
  const categories = reference?.categories ?? [];
  return (
    <section className="panel" aria-labelledby="categories-heading" data-testid="category-editor">
      <PanelHeading id="categories-heading" title={c.title} />
      <p className="panel-hint muted">{c.hint}</p>
      <ul className="category-list">
        {categories.map((category) => (
          <CategoryRow key={category.code} category={category} />
        ))}
      </ul>
      <AddCategoryForm />
    </section>
  );
}

function CategoryRow({ category }: { category: Category }) {
  const [keyword, setKeyword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const notify = useUi((s) => s.notify);
  const reload = useSession((s) => s.load);
  const inputId = `kw-${category.code}`;

  const saveKeywords = async (keywords: string[]) => {
    const result = await call('updateCategory', { code: category.code, keywords });
    if (!result.ok) return setError(refusalLine(result.error));
    setError(null);
    notify(c.saved(category.name));
    await reload();
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    // Several at once are fine: 拖欠、欠薪，工资
    const fresh = keyword
      .split(/[、,，;；\s]+/)
      .map((k) => k.trim())
      .filter((k) => k !== '' && !category.keywords.includes(k));
    if (fresh.length === 0) return;
    setKeyword('');
    void saveKeywords([...category.keywords, ...new Set(fresh)]);
  };

  // No confirmation first: only an added category that no incident names can be deleted; a refusal shows at once.
  const remove = async () => {
    const result = await call('deleteCategory', { code: category.code });
    if (!result.ok) return setError(result.error.message);
    notify(c.deleted(category.name));
    await reload();
  };

  return (
    <li className="category-row" data-testid={`category-${category.code}`}>
      <div className="category-name">
        <span className="swatch" style={{ '--tag-color': category.color }} aria-hidden="true" />
        <span className="category-full">{category.name}</span>
        <span className="tag" style={{ '--tag-color': category.color }}>
          {category.short}
        </span>
        {category.builtin ? (
          <span className="muted category-builtin">{c.builtin}</span>
        ) : (
          <button type="button" className="link-button link-danger" onClick={() => void remove()}>
            {c.delete}
          </button>
        )}
      </div>
      <div className="keyword-chips" aria-label={`${category.name}${c.keywords}`} role="list">
        {category.keywords.length === 0 && <span className="muted">{c.noKeywords}</span>}
        {category.keywords.map((k) => (
          <span key={k} className="keyword" role="listitem">
            {k}
            <button
              type="button"
              className="keyword-remove"
              aria-label={c.removeKeyword(k)}
              onClick={() => void saveKeywords(category.keywords.filter((other) => other !== k))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <form className="inline-form" onSubmit={add}>
        <label htmlFor={inputId} className="visually-hidden">
          {`${category.name}${c.addKeyword}`}
        </label>
        <input id={inputId} type="text" placeholder={c.addKeywordPlaceholder} value={keyword} maxLength={100} onChange={(e) => setKeyword(e.target.value)} />
        <button type="submit" className="button button-small">
          {c.addKeyword}
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
