import { deadlineMovedText } from '../../../shared/deadline-moved.js';
import { useEffect, useRef, useState } from 'react';
import type { Commitment } from '../../../shared/api/commitments.js';
import { toChinaInputValue } from '../../../shared/china-time.js';
import { COMMITMENT_STATUS_LABELS, RESPONSE_CHANNEL_LABELS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { AddCommitmentDialog } from '../commitments/AddCommitmentDialog.js';
import { shortDate } from '../commitments/CommitmentCard.js';
import { CommitmentDialog } from '../commitments/CommitmentDialog.js';
import { responseWhen } from '../commitments/responseLink.js';
import { useCommitments } from '../commitments/store.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useIncidentPage } from './store.js';
import '../commitments/commitments.css';
import './followups.css';

const s = t.incidentCommitments;

/** 剩N个工作日 / 逾期N个工作日 / the closed status, as on the board's cards. */
function when(c: Commitment): string {
  if (c.status === 'overdue') return t.commitments.overdueBy(c.overdueWorkdays);
  if (c.workdaysLeft !== null) return t.commitments.left(c.workdaysLeft);
  return '';
}

function publication(c: Commitment): string {
  const p = c.publication;
  if (p.state === 'published') return `${s.publication.published}${p.channel ? `（${RESPONSE_CHANNEL_LABELS[p.channel]}）` : ''}`;
  return s.publication[p.state];
}

/**
 * The incident's commitments (承诺事项): each opens the board's detail dialog (fulfilment, 公开情况, 核查), and
 * 新增承诺 opens the board's add dialog preset to this incident. Both dialogs report through the commitments
 * store (`version`); every change re-reads the whole incident page, so the timeline, the status actions and this
 * list move together.
 */
export function IncidentCommitments({ incident }: { incident: Incident }) {
  const adding = useCommitments((st) => st.adding);
  const selected = useCommitments((st) => st.selected);
  const version = useCommitments((st) => st.version);
  const openAdd = useCommitments((st) => st.openAdd);
  const select = useCommitments((st) => st.select);
  // The page re-reads everything after each change; the list follows the timeline's re-read.
  const timeline = useIncidentPage((st) => st.timeline);
  // The page holds the incident's responses already: enough to say which one made a commitment.
  const responses = useIncidentPage((st) => st.responses);
  const sourceOf = (c: Commitment) => {
    const source = responses.find((r) => r.id === c.responseId);
    return `${t.commitments.fromResponse}：${source ? responseWhen(source) : t.commitments.responseGone}`;
  };
  const [list, setList] = useState<Commitment[] | null>(null);
  const [closing, setClosing] = useState<{ canClose: boolean; missing: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([call('listCommitments', { incident: incident.id }), call('getClosingCheck', { incident: incident.id })]).then(
      ([commitments, check]) => {
        if (!live) return;
        setList(commitments.ok ? commitments.value : []);
        setClosing(check.ok ? check.value : null);
        setError(commitments.ok ? null : commitments.error.message);
      },
    );
    return () => {
      live = false;
    };
  }, [incident.id, incident.updatedAt, timeline]);

  // A dialog saved something: re-read the page (incident, timeline, and through it this list).
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void useIncidentPage.getState().refresh();
  }, [version]);

  // The dialogs live in the board's store: leaving the page must not leave one open for the board to show.
  useEffect(
    () => () => {
      useCommitments.setState({ adding: false, selected: null });
    },
    [],
  );

  const today = toChinaInputValue(new Date().toISOString()).slice(0, 10);
  const mayClose = incident.status === 'responded' || incident.status === 'tracking';
  return (
    <section className="panel" aria-labelledby="commitments-heading" data-testid="incident-commitments">
      <PanelHeading id="commitments-heading" title={s.title}>
        <button type="button" className="button button-primary button-small" data-testid="incident-commitment-add" onClick={openAdd}>
          {s.add}
        </button>
      </PanelHeading>
      {error && (
        <p className="field-error" role="alert">
          {s.loadFailed}：{error}
        </p>
      )}
      {list !== null && list.length === 0 && <p className="muted">{s.none}</p>}
      {list !== null && list.length > 0 && (
        <ul className="ic-list">
          {list.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`ic-row ic-row-${c.status}`}
                data-testid="incident-commitment"
                data-number={c.number}
                aria-label={s.open(c.number)}
                onClick={() => select(c)}
              >
                <span className="ic-top">
                  <span className="mono ic-number">{c.number}</span>
                  <span className={`cm-status cm-status-${c.status}`} data-testid="incident-commitment-status">
                    {COMMITMENT_STATUS_LABELS[c.status]}
                  </span>
                  <span className={`ic-pub ic-pub-${c.publication.state}`} title={s.columns.publication}>
                    {s.columns.publication}：{publication(c)}
                  </span>
                </span>
                <span className="ic-content">{c.content}</span>
                <span className="ic-meta muted">
                  <span>
                    {c.unitName}
                    {c.person ? `（${c.person}）` : ''}
                  </span>
                  <span data-testid="incident-commitment-deadline">
                    {s.columns.deadline} {shortDate(c.deadline, today)}
                    {when(c) && ` · ${when(c)}`}
                  </span>
                  {!c.calendarVerified && (
                    <span className="cm-card-warn" title={t.commitments.unverifiedHint}>
                      {t.commitments.unverified}
                    </span>
                  )}
                  {c.deadlineNonWorkday && <span className="cm-card-warn">{t.commitments.nonWorkday(c.deadlineNonWorkday)}</span>}
                  {c.deadlineMovedFrom && <span className="cm-card-note">{deadlineMovedText(c.deadlineMovedFrom, c.deadlineSpec.n)}</span>}
                  {c.responseId && <span data-testid="incident-commitment-response">{sourceOf(c)}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {mayClose && closing && list !== null && list.length > 0 && (
        <div className={`banner ic-closing ${closing.canClose ? 'cm-banner-ok' : 'cm-banner-info'}`} data-testid="incident-closing-check">
          {closing.canClose ? (
            s.closable
          ) : (
            <>
              {s.stillMissing}
              <ul>
                {closing.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {(adding || selected) && (
        // Esc closes the dialog (it handles the key itself); marked handled so the page does not also go back.
        <div
          className="ic-dialogs"
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.preventDefault();
          }}
        >
          {adding && <AddCommitmentDialog incident={incident.number} />}
          {selected && <CommitmentDialog key={selected.id} commitment={selected} />}
        </div>
      )}
    </section>
  );
}
