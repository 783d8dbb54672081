import { useEffect } from 'react';
import { BOARD_BUCKETS, type BoardBucket, type BoardGroup } from '../../../shared/api/commitments.js';
import { t } from '../i18n/zh-CN.js';
import { useSession } from '../stores/session.js';
import { AddCommitmentDialog } from './AddCommitmentDialog.js';
import { CommitmentCard } from './CommitmentCard.js';
import { CommitmentDialog } from './CommitmentDialog.js';
import { SheetPreview } from './SheetPreview.js';
import { useCommitments } from './store.js';
import './commitments.css';

const s = t.commitments;
const COLUMNS: readonly BoardBucket[] = ['overdue', 'dueToday', 'dueSoon', 'later'];

function UnitGroup({ group, today }: { group: BoardGroup; today: string }) {
  const openSheet = useCommitments((st) => st.openSheet);
  const printable = group.overdue.length + group.dueToday.length + group.dueSoon.length + group.awaitingPublication.length > 0;
  return (
    <section className="panel cm-unit" data-testid="commitment-unit" data-unit={group.unitName} aria-label={group.unitName}>
      <header className="cm-unit-head">
        <h3>{group.unitName}</h3>
        <span className="cm-unit-counts">
          {BOARD_BUCKETS.filter((b) => group[b].length > 0).map((b) => (
            <span key={b} className={`cm-chip cm-chip-${b}`}>
              {s.buckets[b]} {group[b].length}
            </span>
          ))}
        </span>
        <button
          type="button"
          className="button button-small"
          data-testid="sheet-open"
          disabled={!printable}
          onClick={() => openSheet(group.unitId)}
        >
          {s.sheet}
        </button>
      </header>
      {/* Only the columns that hold something; each keeps its own place, so the board still reads across units. */}
      <div className="cm-columns">
        {COLUMNS.map((bucket, index) =>
          group[bucket].length === 0 ? null : (
            <div key={bucket} className={`cm-column cm-column-${bucket}`} data-testid={`bucket-${bucket}`} style={{ gridColumn: index + 1 }}>
              <h4>
                {s.buckets[bucket]} <span className="cm-count">{group[bucket].length}</span>
              </h4>
              {group[bucket].map((c) => (
                <CommitmentCard key={c.id} c={c} today={today} />
              ))}
            </div>
          ),
        )}
      </div>
      {group.awaitingPublication.length > 0 && (
        <div className="cm-awaiting" data-testid="bucket-awaitingPublication">
          <h4>
            {s.buckets.awaitingPublication} <span className="cm-count">{group.awaitingPublication.length}</span>
          </h4>
          <div className="cm-awaiting-list">
            {group.awaitingPublication.map((c) => (
              <CommitmentCard key={c.id} c={c} today={today} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

/** 承诺督办: open commitments by unit and deadline, with a printable 督办单 per unit. */
export function CommitmentsView() {
  const { board, error, loading, unit, adding, selected, sheetUnit } = useCommitments();
  const load = useCommitments((st) => st.load);
  const setUnit = useCommitments((st) => st.setUnit);
  const openAdd = useCommitments((st) => st.openAdd);
  const reference = useSession((st) => st.reference);
  const units = reference?.units ?? [];

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="view cm-view" data-testid="commitments-view">
      <div className="toolbar">
        {board && <span className="cm-today">{s.today(board.today)}</span>}
        {board && (
          <span className="cm-summary" data-testid="board-counts">
            {BOARD_BUCKETS.map((b) => (
              <span key={b} className={`cm-chip cm-chip-${b}`}>
                {s.buckets[b]} {board.counts[b]}
              </span>
            ))}
          </span>
        )}
        <label className="cm-filter">
          {s.unitFilter}
          <select value={unit} onChange={(e) => void setUnit(e.target.value)} data-testid="board-unit">
            <option value="">{s.allUnits}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <span className="toolbar-end">
          <button type="button" className="button" onClick={() => void load()} disabled={loading}>
            {s.refresh}
          </button>
          <button type="button" className="button button-primary" data-testid="commitment-add" onClick={openAdd}>
            {s.add}
          </button>
        </span>
      </div>
      <p className="cm-hint">{s.hint}</p>
      {error && (
        <div className="banner banner-error" role="alert">
          {s.loadFailed}：{error}
        </div>
      )}
      <div className="cm-board" data-testid="commitment-board">
        {board && board.groups.length === 0 && <p className="cm-empty">{s.empty}</p>}
        {board?.groups.map((g) => <UnitGroup key={g.unitId} group={g} today={board.today} />)}
      </div>
      {adding && <AddCommitmentDialog />}
      {selected && <CommitmentDialog key={selected.id} commitment={selected} />}
      {sheetUnit && <SheetPreview unitId={sheetUnit} />}
    </div>
  );
}
