import type { Category } from '../../../shared/schemas.js';
import { suggestCategories } from '../../../shared/suggest.js';
import { t } from '../i18n/zh-CN.js';

interface SuggestionsProps {
  text: string;
  categories: readonly Category[];
  chosen: readonly string[];
  onAccept: (code: string) => void;
}

/**
 * 建议：欠薪（拖欠、工资） — categories whose keywords occur in the title and summary, not yet chosen. Only
 * offered: a category is chosen when the person clicks its suggestion, never by itself.
 */
export function Suggestions({ text, categories, chosen, onAccept }: SuggestionsProps) {
  const suggestions = suggestCategories(text, categories, chosen);
  if (suggestions.length === 0) return null;
  const byCode = new Map(categories.map((c) => [c.code, c]));
  return (
    <div className="suggestions" data-testid="category-suggestions" title={t.register.suggestionHint}>
      <span className="suggestions-label">{t.register.suggestions}</span>
      {suggestions.map(({ code, matched }) => {
        const category = byCode.get(code);
        if (!category) return null;
        return (
          <button
            key={code}
            type="button"
            className="suggestion"
            style={{ '--tag-color': category.color }}
            data-testid={`suggest-${code}`}
            aria-label={t.register.acceptSuggestion(category.name)}
            onClick={() => onAccept(code)}
          >
            <span aria-hidden="true">＋</span>
            {t.register.suggestion(category.short, matched)}
          </button>
        );
      })}
    </div>
  );
}
