import type { Category } from './schemas.js';

export interface CategorySuggestion {
  code: string;
  /** The keywords found in the text, longest first — shown so the user sees why. */
  matched: string[];
}

/**
 * Categories whose keywords occur in the text, strongest first (more and longer matches rank higher). A
 * suggestion only: the UI offers it and the user decides.
 */
export function suggestCategories(text: string, categories: readonly Category[], exclude: readonly string[] = []): CategorySuggestion[] {
  const haystack = text.toLowerCase();
  if (haystack.trim() === '') return [];
  const scored: (CategorySuggestion & { score: number; order: number })[] = [];
  categories.forEach((category, order) => {
    if (exclude.includes(category.code)) return;
    const matched = [...new Set(category.keywords.filter((k) => k !== '' && haystack.includes(k.toLowerCase())))].sort(
      (a, b) => b.length - a.length,
    );
    if (matched.length === 0) return;
    scored.push({ code: category.code, matched, score: matched.reduce((sum, k) => sum + k.length, 0), order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map(({ code, matched }) => ({ code, matched }));
}
