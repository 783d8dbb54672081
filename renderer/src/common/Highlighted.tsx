import type { Highlight } from '../../../shared/schemas.js';

/** Search-matched text: hits in <mark>, everything as text nodes — the runs come from the ledger, never as HTML. */
export function Highlighted({ runs }: { runs: Highlight }) {
  return (
    <>
      {runs.map((run, i) => (run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
    </>
  );
}
