import type { Highlight } from '../../../shared/schemas.js';

// Marks where the query's terms occur, as runs of plain text — the UI renders hits as <mark>, never as HTML.

function hitRanges(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Whether any of the terms occurs in the text. */
export function mentions(text: string, terms: readonly string[]): boolean {
  return hitRanges(text, terms).length > 0;
}

export function highlight(text: string, terms: readonly string[]): Highlight {
  const runs: Highlight = [];
  let cursor = 0;
  for (const [start, end] of hitRanges(text, terms)) {
    if (start > cursor) runs.push({ text: text.slice(cursor, start), hit: false });
    runs.push({ text: text.slice(start, end), hit: true });
    cursor = end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), hit: false });
  return runs;
}

/** About `width` characters around the first hit in the first text that has one (or the start of the first). */
export function snippet(texts: readonly string[], terms: readonly string[], width = 60): Highlight {
  const source = texts.find((t) => hitRanges(t, terms).length > 0) ?? texts.find((t) => t !== '') ?? '';
  const first = hitRanges(source, terms)[0]?.[0] ?? 0;
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(source.length, start + width);
  const runs = highlight(source.slice(start, end), terms);
  if (start > 0) runs.unshift({ text: '…', hit: false });
  if (end < source.length) runs.push({ text: '…', hit: false });
  return runs;
}
