import type { BundleRecord, QuarantinedOp } from '../../../shared/sync-schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { formatSize } from '../common/files.js';
import { t } from '../i18n/zh-CN.js';
import { baseName, when } from './format.js';
import { siteName, useSync } from './store.js';

const s = t.sync.history;

function BundleRow({ record }: { record: BundleRecord }) {
  const incoming = record.direction === 'in';
  return (
    <tr data-testid="history-row" data-direction={record.direction}>
      <td className="sy-when">{when(record.at)}</td>
      <td>
        <span className={`sy-pill ${incoming ? 'sy-pill-in' : 'sy-pill-out'}`}>{incoming ? s.in : s.out}</span>
      </td>
      <td>{record.peerName}</td>
      <td className="sy-num">{record.opCount}</td>
      <td className="sy-num">{incoming ? `${record.applied} / ${record.duplicates} / ${record.conflicts} / ${record.quarantined}` : '—'}</td>
      <td className="sy-num">{formatSize(record.bytes)}</td>
      <td className="sy-path" title={record.file}>
        {baseName(record.file)}
        {record.full && <span className="sy-tag">{s.full}</span>}
        {record.passphrase && <span className="sy-tag">{s.passphrase}</span>}
      </td>
    </tr>
  );
}

function QuarantineRow({ op, from }: { op: QuarantinedOp; from: string }) {
  return (
    <tr data-testid="quarantine-row">
      <td>{from}</td>
      <td>{t.sync.tables[op.table] ?? op.table}</td>
      <td className="mono">{op.rowId}</td>
      <td className="mono">{op.column}</td>
      <td className="sy-num">{s.aheadHours(op.aheadHours)}</td>
      <td className="sy-when">{when(op.receivedAt)}</td>
    </tr>
  );
}

/** Every bundle written or read here, and the operations held aside for stamps too far in the future. */
export function HistoryPanel() {
  const identity = useSync((st) => st.identity);
  const peers = useSync((st) => st.peers);
  const history = useSync((st) => st.history);
  const quarantine = useSync((st) => st.quarantine);
  return (
    <section className="panel sy-panel sy-wide" aria-labelledby="sy-history-title" data-testid="sync-history">
      <PanelHeading id="sy-history-title" title={s.title} />
      {history.length === 0 ? (
        <p className="sy-empty">{s.empty}</p>
      ) : (
        <table className="sy-table">
          <thead>
            <tr>
              <th>{s.at}</th>
              <th>{s.direction}</th>
              <th>{s.peer}</th>
              <th className="sy-num">{s.ops}</th>
              <th className="sy-num">{s.counts}</th>
              <th className="sy-num">{s.size}</th>
              <th>{s.file}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((r) => (
              <BundleRow key={`${r.direction}-${r.bundleId}`} record={r} />
            ))}
          </tbody>
        </table>
      )}
      <h3 className="sy-subtitle">{s.quarantineTitle}</h3>
      <p className="muted">{s.quarantineHint}</p>
      {quarantine.length === 0 ? (
        <p className="sy-empty" data-testid="quarantine-empty">
          {s.quarantineEmpty}
        </p>
      ) : (
        <table className="sy-table">
          <thead>
            <tr>
              <th>{s.site}</th>
              <th>{s.table}</th>
              <th>{s.rowId}</th>
              <th>{s.column}</th>
              <th className="sy-num">{s.ahead}</th>
              <th>{s.receivedAt}</th>
            </tr>
          </thead>
          <tbody>
            {quarantine.map((op) => (
              <QuarantineRow key={`${op.hlc}-${op.column}`} op={op} from={siteName({ identity, peers, history }, op.site, t.sync.self)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
