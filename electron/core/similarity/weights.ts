import type { Db } from '../db/open.js';
import { cached } from '../ledger/statements.js';

// How much a shared bigram says: its inverse document frequency over the whole ledger, from shingle_frequency
// (documents per shingle hash, kept by the apply path beside the signatures — FTS5's own vocabulary counts the same
// by walking each bigram's posting list, 0.3 ms a bigram on a 20k ledger, too slow for thousands of bigrams). A bigram in more than COMMON_SHARE of a ledger's incidents (小区, 县城 in a
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
export interface Weigher {
  weight(hash: number, extra: number): number;
  /** Reads the frequencies of every hash in `lists` not yet known, in one query (a period is thousands of them). */
  load(lists: Iterable<Uint32Array>): void;
}

/** A memoising weigher for one computation (a report, a page): the ledger does not change under it. */
export function weigher(db: Db): Weigher {
  const total = Math.max(1, (cached(db, 'SELECT count(*) AS n FROM incident_signatures').get() as { n: number }).n);
  const one = cached(db, 'SELECT docs FROM shingle_frequency WHERE hash = ?').pluck();
  const many = cached(db, 'SELECT hash, docs FROM shingle_frequency WHERE hash IN (SELECT value FROM json_each(?))').raw();
  // Keyed by the hash as a signed 32-bit integer: a small integer to V8, a much faster key than a uint32 above 2^31.
  const known = new Map<number, number>();
  const frequency = (hash: number) => {
    let df = known.get(hash | 0);
    if (df === undefined) {
      df = (one.get(hash) as number | undefined) ?? 0;
      known.set(hash | 0, df);
    }
    return df;
  };
  return {
    weight(hash, extra) {
      const df = frequency(hash) + extra;
      if (df < 2) return 0;
      if (total >= MIN_FOR_COMMON && df / total > COMMON_SHARE) return 0;
      // Smoothed (1 +): in a ledger of a handful of incidents a bigram every one of them holds still counts a little.
      return Math.log(1 + total / df);
    },
    load(lists) {
      const wanted: number[] = [];
      for (const list of lists) {
        for (const hash of list) {
          if (known.has(hash | 0)) continue;
          known.set(hash | 0, 0); // absent from the table unless the query says otherwise
          wanted.push(hash);
        }
      }
      if (wanted.length === 0) return;
      for (const [hash, docs] of many.all(JSON.stringify(wanted)) as [number, number][]) known.set(hash | 0, docs);
    },
  };
}
