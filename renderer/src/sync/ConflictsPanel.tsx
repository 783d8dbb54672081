import { useState } from 'react';
import type { Conflict } from '../../../shared/sync-schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useUi } from '../stores/ui.js';
import { formatValue, messageOf, when } from './format.js';
import { siteName, useSync } from './store.js';

const s = t.sync.conflicts;

function ConflictRow({ conflict, busy, onResolve }: { conflict: Conflict; busy: boolean; onResolve: (how: 'accept' | 'keepOther') => void }) {
  const identity = useSync((st) => st.identity);
  const peers = useSync((st) => st.peers);
  const history = useSync((st) => st.history);
  const name = (site: string) => siteName({ identity, peers, history }, site, t.sync.self);
  const isNumber = conflict.kind === 'number';
  return (
    <tr data-testid="conflict-row" data-conflict={conflict.id}>
      <td className="sy-strong">{conflict.rowLabel}</td>
      <td>{isNumber ? s.numberKind : conflict.columnLabel}</td>
      <td>
        <div className="sy-value sy-value-winner" data-testid="conflict-winner">
          {formatValue(conflict.winnerValue)}
        </div>
        <div className="field-hint">{s.from(name(conflict.winnerSite))}</div>
      </td>
      <td>
        <div className="sy-value" data-testid="conflict-loser">
          {formatValue(conflict.loserValue)}
        </div>
        <div className="field-hint">{s.from(name(conflict.loserSite))}</div>
      </td>
      <td className="sy-when">{when(conflict.at)}</td>
      <td className="sy-cell-actions">
        <button type="button" className="button button-small" disabled={busy} data-testid="conflict-accept" onClick={() => onResolve('accept')}>
          {s.accept}
        </button>
        {isNumber ? (
          <span className="field-hint">{s.numberHint}</span>
        ) : (
          <button type="button" className="button button-small" disabled={busy} data-testid="conflict-keep-other" onClick={() => onResolve('keepOther')}>
            {s.keepOther}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Concurrent edits the import settled by last-writer-wins, for a person to accept or reverse. */
export function ConflictsPanel() {
  const conflicts = useSync((st) => st.conflicts);
  const load = useSync((st) => st.load);
  const notify = useUi((st) => st.notify);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const resolve = async (id: number, how: 'accept' | 'keepOther') => {
    setBusy(true);
    const result = await call(how === 'accept' ? 'acceptConflict' : 'keepOtherValue', { id });
    setBusy(false);
    if (!result.ok) return setError(messageOf(result.error));
    setError(null);
    notify(how === 'accept' ? s.accepted : s.keptOther);
    await load();
  };

  return (
    <section className="panel sy-panel sy-wide" aria-labelledby="sy-conflicts-title" data-testid="sync-conflicts">
      <PanelHeading
        id="sy-conflicts-title"
        title={
          <>
            {s.title}
            {conflicts.length > 0 && <span className="sy-pill sy-pill-warn sy-title-pill">{conflicts.length}</span>}
          </>
        }
      />
      <p className="muted">{s.hint}</p>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="conflict-error">
          {error}
        </div>
      )}
      {conflicts.length === 0 ? (
        <p className="sy-empty">{s.empty}</p>
      ) : (
        <table className="sy-table">
          <thead>
            <tr>
              <th>{s.record}</th>
              <th>{s.field}</th>
              <th>{s.winner}</th>
              <th>{s.loser}</th>
              <th>{s.at}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <ConflictRow key={c.id} conflict={c} busy={busy} onResolve={(how) => void resolve(c.id, how)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
