import type { Highlight } from '../../../shared/schemas.js';

/**
 * The runs from `lead` characters before the first hit on, the text cut in front marked “…”. A one-line cell
 * cuts its end with an ellipsis, so a hit far into a long title or snippet would be hidden; starting near it
 * keeps the hit in view whatever the cell's width (the whole title stays in the cell's tooltip).
 */
export function nearFirstHit(runs: Highlight, lead: number): Highlight {
  const at = runs.findIndex((run) => run.hit);
  if (at <= 0) return runs;
  const before = runs.slice(0, at).map((run) => run.text).join('');
  // The ledger's snippet already starts with “…” when it was cut from a longer text.
  const chars = [...before.replace(/^…/, '')];
  if (chars.length <= lead) return runs;
  return [{ text: `…${chars.slice(-lead).join('')}`, hit: false }, ...runs.slice(at)];
}

/** Search-matched text: hits in <mark>, everything as text nodes — the runs come from the ledger, never as HTML. */
export function Highlighted({ runs, lead }: { runs: Highlight; lead?: number }) {
  return (
    <>
      {(lead === undefined ? runs : nearFirstHit(runs, lead)).map((run, i) =>
        run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
      )}
    </>
  );
}
