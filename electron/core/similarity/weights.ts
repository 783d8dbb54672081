import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';

// How much a shared bigram says: its inverse document frequency over the whole ledger, read from the search
// index's own vocabulary (FTS5's fts5vocab over incident_search, which already counts the documents holding each
// bigram), so no second index is kept. A bigram in more than COMMON_SHARE of a ledger's incidents (小区, 县城 in a
// county's ledger) means nothing and weighs 0; rarer ones weigh more, as a reader would weigh them.

const COMMON_SHARE = 0.15;
/** Below this many incidents document frequencies are too coarse to call anything common. */
const MIN_FOR_COMMON = 40;

/**
 * A shingle's weight. `extra`: documents outside the index that hold it (a draft being registered, compared with
 * the ledger, counts as one more document for its own bigrams, on both sides of the comparison). A bigram only one
 * document holds weighs 0: it can match nothing, and counting it would only dilute the share of a text full of
 * one-off names and word boundaries (前公, 工全) against every other text.
 */
export type Weigh = (shingle: string, extra: number) => number;

function ensureVocabulary(db: Db): void {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.yq_search_terms USING fts5vocab(main, 'incident_search', 'row')");
}

/** A memoising weigher for one computation (a report, a page): the ledger does not change under it. */
export function weigher(db: Db): Weigh {
  ensureVocabulary(db);
  const total = Math.max(1, (cached(db, 'SELECT count(*) AS n FROM incident_signatures').get() as { n: number }).n);
  const docs = cached(db, 'SELECT doc FROM temp.yq_search_terms WHERE term = ?');
  const memo = new Map<string, number>();
  const frequency = (shingle: string) => {
    let df = memo.get(shingle);
    if (df === undefined) {
      df = (docs.get(shingle) as { doc: number } | undefined)?.doc ?? 0;
      memo.set(shingle, df);
    }
    return df;
  };
  return (shingle, extra) => {
    const df = frequency(shingle) + extra;
    if (df < 2) return 0;
    if (total >= MIN_FOR_COMMON && df / total > COMMON_SHARE) return 0;
    return Math.log((total + 1) / df);
  };
}
