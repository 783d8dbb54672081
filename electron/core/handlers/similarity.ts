import type { LedgerHandlers } from '../../../shared/contract.js';
import type { Ledger } from '../open-ledger.js';
import { listCommonIssues } from '../similarity/common-issues.js';
import { markRecurrence, suggestRecurrence } from '../similarity/recurrence.js';
import { sameIssueOf } from '../similarity/same-issue.js';
import { listSimilar } from '../similarity/similar.js';

export function similarityHandlers({ ctx, db }: Ledger) {
  return {
    listCommonIssues: (query) => listCommonIssues(db, query, ctx.now()),
    listSimilar: (query) => listSimilar(db, query),
    getSameIssue: ({ incident }) => sameIssueOf(db, incident, ctx.now()),
    suggestRecurrence: (draft) => suggestRecurrence(db, draft, ctx.now()),
    markRecurrence: (input) => markRecurrence(ctx, input),
  } satisfies Partial<LedgerHandlers>;
}
