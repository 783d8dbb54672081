import type { ImportResult } from '../../../shared/sync-schemas.js';
import { t } from '../i18n/zh-CN.js';
import { Fingerprint } from './Fingerprint.js';
import { when } from './format.js';

const s = t.sync.import;

/** Who sent the bundle and when it was made: the person checks this before importing. */
export function Sender({ result }: { result: ImportResult }) {
  return (
    <dl className="facts">
      <dt>{s.from}</dt>
      <dd>
        <span className="sy-strong" data-testid="import-sender">
          {result.sender.name}
        </span>{' '}
        <Fingerprint value={result.sender.fingerprint} size="small" />
      </dd>
      <dt>{s.createdAt}</dt>
      <dd>{when(result.createdAt)}</dd>
    </dl>
  );
}

/** The four figures a person asks about (new, already had, conflicts, held aside) and the rarer ones when non-zero. */
export function Counts({ result }: { result: ImportResult }) {
  const main = [
    ['applied', s.applied, result.applied],
    ['duplicates', s.duplicates, result.duplicates],
    ['conflicts', s.conflicts, result.conflicts],
    ['quarantined', s.quarantined, result.quarantined],
  ] as const;
  const extra = [
    ['released', s.released, result.released],
    ['renumbered', s.renumbered, result.renumbered],
    ['deletions', s.deletions, result.deletions],
  ] as const;
  return (
    <div className="sy-counts" data-testid="import-counts">
      {main.map(([key, label, n]) => (
        <div key={key} className={`sy-count sy-count-${key}${n > 0 ? ' sy-count-some' : ''}`} data-testid={`count-${key}`} data-count={n}>
          <span className="sy-count-n">{n}</span>
          <span className="sy-count-label">{label}</span>
        </div>
      ))}
      {extra
        .filter(([, , n]) => n > 0)
        .map(([key, label, n]) => (
          <div key={key} className="sy-count sy-count-extra" data-testid={`count-${key}`} data-count={n}>
            <span className="sy-count-n">{n}</span>
            <span className="sy-count-label">{label}</span>
          </div>
        ))}
    </div>
  );
}

/** The core's own sentences about this import (renumbered incidents, quarantined operations…). */
export function Messages({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="sy-messages" data-testid="import-messages">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

/** After the import: what changed, in the same figures the preview showed. */
export function ImportSummary({ result }: { result: ImportResult }) {
  return (
    <div className="sy-result sy-result-ok" role="status" data-testid="import-result">
      <p className="sy-result-title">{result.alreadyImported ? s.alreadyImported : s.done}</p>
      <Sender result={result} />
      <Counts result={result} />
      <Messages messages={result.messages} />
      {result.conflicts > 0 && <p className="field-hint">{s.conflictsHint}</p>}
    </div>
  );
}
