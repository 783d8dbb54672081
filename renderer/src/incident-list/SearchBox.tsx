import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n/zh-CN.js';
import { useIncidents } from './store.js';

// Searching as one types, but not on every keystroke: the query goes out once typing pauses (or on Enter).
const DEBOUNCE_MS = 250;

export const SEARCH_INPUT_ID = 'ledger-search';

export function SearchBox() {
  const text = useIncidents((s) => s.filters.text);
  const setFilters = useIncidents((s) => s.setFilters);
  const [draft, setDraft] = useState(text);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A saved view or 清除 may change the text from outside.
  useEffect(() => setDraft(text), [text]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (value: string) => {
    clearTimeout(timer.current);
    if (value.trim() !== useIncidents.getState().filters.text.trim()) setFilters({ text: value.trim() });
  };

  return (
    <div className="search" role="search">
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        {t.ledger.search.label}
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        className="search-input"
        data-testid="search-input"
        placeholder={t.ledger.search.placeholder}
        aria-keyshortcuts="/"
        value={draft}
        maxLength={100}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(value), DEBOUNCE_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft);
          if (e.key === 'Escape') {
            // Escape empties the box first, then leaves it so J/K work again.
            if (draft !== '') {
              e.preventDefault();
              setDraft('');
              commit('');
            } else e.currentTarget.blur();
          }
        }}
      />
    </div>
  );
}
