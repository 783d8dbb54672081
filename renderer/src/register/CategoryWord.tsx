import { useState } from 'react';
import { CATEGORY_SYNONYMS, resolveCategoryWord } from '../../../shared/input/coded-values.js';
import type { Category } from '../../../shared/schemas.js';
import { t } from '../i18n/zh-CN.js';

// 敏感类别 chosen by the words people say: 欠薪 chooses 工资拖欠, 疫情 chooses 疫情防控 — the same words the
// contract reads (resolveCategoryWord), offered as they type. Enter, or picking a word from the list, checks the
// category's chip.

export function CategoryWord({ categories, chosen, onPick }: { categories: readonly Category[]; chosen: readonly string[]; onPick: (code: string) => void }) {
  const [word, setWord] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const words = categories.flatMap((c) => [
    { word: c.name, name: c.name },
    ...(c.short && c.short !== c.name ? [{ word: c.short, name: c.name }] : []),
    ...(CATEGORY_SYNONYMS[c.code] ?? []).filter((w) => w !== c.short).map((w) => ({ word: w, name: c.name })),
  ]);

  const pick = (text: string, fromList: boolean) => {
    const code = resolveCategoryWord(categories, text);
    const category = categories.find((c) => c.code === code);
    if (!category) {
      if (!fromList) setSaid(t.forms.categoryUnknown(text.trim()));
      return false;
    }
    if (!chosen.includes(category.code)) onPick(category.code);
    setSaid(t.forms.categoryAdded(category.name));
    setWord('');
    return true;
  };

  return (
    <div className="category-word">
      <input
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={false}
        aria-label={t.forms.categoryWord}
        list="category-words"
        autoComplete="off"
        placeholder={t.forms.addCategory}
        data-testid="category-word"
        value={word}
        onChange={(e) => {
          const text = e.target.value;
          setWord(text);
          setSaid(null);
          // A word chosen from the list arrives whole: take it at once.
          if (words.some((w) => w.word === text)) pick(text, true);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          // Enter here chooses a category; it never sends the form.
          e.preventDefault();
          if (word.trim() !== '') pick(word, false);
        }}
      />
      <datalist id="category-words">
        {words.map((w) => (
          // The meaning as the label attribute, not text: the options' words are not text on the page.
          <option key={`${w.word}-${w.name}`} value={w.word} label={w.word === w.name ? undefined : w.name} />
        ))}
      </datalist>
      {said && (
        <span className="field-hint" role="status" data-testid="category-word-said">
          {said}
        </span>
      )}
    </div>
  );
}
