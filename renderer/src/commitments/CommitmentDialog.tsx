import { deadlineMovedText } from '../../../shared/deadline-moved.js';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { Commitment, CommitmentPatchInput } from '../../../shared/api/commitments.js';
import { formatChinaDateTime, toChinaInputValue } from '../../../shared/china-time.js';
import {
  COMMITMENT_STATUS_LABELS,
  type IncidentStatus,
  RECORDED_COMMITMENT_STATUSES,
  RESPONSE_CHANNEL_LABELS,
  RESPONSE_CHANNELS,
  STATUS_LABELS,
} from '../../../shared/domain.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useNav } from '../stores/nav.js';
import { useUi } from '../stores/ui.js';
import { shortDate } from './CommitmentCard.js';
import { Dialog, errorsByField, Field } from './Dialog.js';
import { responseWhen, useResponses } from './responseLink.js';
import { useCommitments } from './store.js';
import { withoutFieldPaths } from '../common/placeErrors.js';

const d = t.commitments.detail;

// The fields this dialog shows, as errorsByField names them: a refusal on one of them is shown beside it.
const SHOWN_FIELDS = new Set([
  'status',
  'statusReason',
  'fulfilledAt',
  'evidence',
  'publication.channel',
  'publication.at',
  'publication.url',
  'publication.note',
  'check.by',
  'check.at',
  'check.result',
]);
const fieldKey = (path: string) => {
  const parts = path.split('.').filter((p) => p !== 'patch');
  return parts[0] === 'publication' || parts[0] === 'check' ? parts.slice(0, 2).join('.') : (parts[0] ?? '');
};

function initialValues(c: Commitment) {
  return {
    status: String(c.recordedStatus),
    evidence: c.evidence,
    fulfilledAt: c.fulfilledAt ? toChinaInputValue(c.fulfilledAt) : '',
    statusReason: c.statusReason,
    pubState: c.publication.state,
    channel: c.publication.channel ?? '',
    pubAt: c.publication.at ? toChinaInputValue(c.publication.at) : '',
    url: c.publication.url,
    pubNote: c.publication.note,
    checkBy: c.check?.by ?? '',
    checkAt: c.check?.at ? toChinaInputValue(c.check.at) : '',
    checkResult: c.check?.result ?? '',
  };
}
type Values = ReturnType<typeof initialValues>;

/** Only what the person changed, in the contract's shape. */
function patchOf(before: Values, v: Values): CommitmentPatchInput {
  const patch: CommitmentPatchInput = {};
  if (v.status !== before.status) patch.status = v.status;
  if (v.evidence !== before.evidence) patch.evidence = v.evidence;
  if (v.statusReason !== before.statusReason) patch.statusReason = v.statusReason;
  if (v.fulfilledAt !== before.fulfilledAt && v.fulfilledAt.trim() !== '') patch.fulfilledAt = v.fulfilledAt;
  const pubChanged = (['pubState', 'channel', 'pubAt', 'url', 'pubNote'] as const).some((k) => v[k] !== before[k]);
  if (pubChanged) {
    patch.publication =
      v.pubState === 'unrecorded'
        ? null
        : v.pubState === 'published'
          ? { published: true, ...(v.channel ? { channel: v.channel } : {}), ...(v.pubAt ? { at: v.pubAt } : {}), url: v.url }
          : { published: false, note: v.pubNote };
  }
  const checkChanged = (['checkBy', 'checkAt', 'checkResult'] as const).some((k) => v[k] !== before[k]);
  if (checkChanged) {
    patch.check = v.checkBy === '' && v.checkAt === '' && v.checkResult === '' ? null : { by: v.checkBy, at: v.checkAt, result: v.checkResult };
  }
  return patch;
}

/**
 * The 状态 choices say what the line above says: 逾期 is derived from the deadline, so while the commitment is
 * overdue its open states read 逾期（未开始）/ 逾期（推进中） instead of 未到期.
 */
function optionLabel(s: Values['status'], c: Commitment): string {
  const label = COMMITMENT_STATUS_LABELS[s as keyof typeof COMMITMENT_STATUS_LABELS];
  if (c.status !== 'overdue') return label;
  if (s === 'pending') return d.overduePending;
  if (s === 'in_progress') return d.overdueInProgress;
  return label;
}

/** One commitment: record its fulfilment, 公开情况 and 核查; when the incident may close, offer to close it. */
export function CommitmentDialog({ commitment }: { commitment: Commitment }) {
  const select = useCommitments((s) => s.select);
  const changed = useCommitments((s) => s.changed);
  const notify = useUi((s) => s.notify);
  const openIncident = useNav((s) => s.openIncident);
  const [c, setC] = useState(commitment);
  const [before, setBefore] = useState(() => initialValues(commitment));
  const [v, setV] = useState(before);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState<{ canClose: boolean; missing: string[]; status: IncidentStatus } | null>(null);
  // Only a commitment tied to a response needs the incident's responses, to say which one.
  const responses = useResponses(c.responseId ? c.incidentId : null);
  const source = responses?.find((r) => r.id === c.responseId);
  const close = () => select(null);
  const set = (name: keyof Values, value: string) =>
    setV((old) => {
      const next = { ...old, [name]: value };
      // 兑现时间 is asked, not set behind the person's back: choosing 已兑现 offers today's date and time to change.
      if (name === 'status' && value === 'fulfilled' && next.fulfilledAt.trim() === '') next.fulfilledAt = toChinaInputValue(new Date().toISOString());
      return next;
    });

  const checkClosing = useCallback(async () => {
    const [check, incident] = await Promise.all([call('getClosingCheck', { incident: c.incidentId }), call('getIncident', { id: c.incidentId })]);
    if (check.ok && incident.ok) setClosing({ ...check.value, status: incident.value.status });
  }, [c.incidentId]);
  useEffect(() => {
    void checkClosing();
  }, [checkClosing]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const patch = patchOf(before, v);
    setBusy(true);
    const result = await call('updateCommitment', { id: c.id, patch });
    setBusy(false);
    if (!result.ok) {
      const byField = errorsByField(result.error.fields);
      setErrors(byField);
      // Messages that sit beside their fields are not repeated on top; what is left is said without field paths.
      const shown = (result.error.fields ?? []).every((f) => SHOWN_FIELDS.has(fieldKey(f.path)));
      setGeneral(result.error.fields?.length && shown ? null : withoutFieldPaths(result.error.message));
      return;
    }
    setErrors({});
    setGeneral(null);
    const fresh = initialValues(result.value);
    setC(result.value);
    setBefore(fresh);
    setV(fresh);
    notify(d.saved(result.value.number));
    await Promise.all([changed(), checkClosing()]);
  };

  const closeIncident = async () => {
    setBusy(true);
    const result = await call('transitionIncident', { id: c.incidentId, to: 'closed' });
    setBusy(false);
    if (!result.ok) return setGeneral(result.error.message);
    notify(d.closed(result.value.number));
    await Promise.all([changed(), checkClosing()]);
  };

  const mayClose = closing?.canClose === true && (closing.status === 'responded' || closing.status === 'tracking');
  const input = (name: keyof Values, props: { placeholder?: string } = {}) => (
    <input id={`cd-${name}`} value={v[name]} onChange={(e) => set(name, e.target.value)} {...props} />
  );
  return (
    <Dialog
      id="cm-detail"
      title={d.title(c.number)}
      onClose={close}
      wide
      testId="commitment-detail"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            {t.close}
          </button>
          <button type="submit" form="cm-detail-form" className="button button-primary" disabled={busy} data-testid="commitment-save">
            {busy ? d.saving : d.save}
          </button>
        </>
      }
    >
      <dl className="facts cm-facts">
        <dt>{d.incident}</dt>
        <dd>
          {c.incidentNumber} {c.incidentTitle}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              close();
              openIncident(c.incidentId);
            }}
          >
            {d.openIncident}
          </button>
        </dd>
        {c.responseId && (
          <>
            <dt>{t.commitments.fromResponse}</dt>
            <dd data-testid="detail-response">{responses && (source ? responseWhen(source) : t.commitments.responseGone)}</dd>
          </>
        )}
        <dt>{t.commitments.form.content}</dt>
        <dd>{c.content}</dd>
        <dt>{t.commitments.form.unit}</dt>
        <dd>
          {c.unitName}
          {c.person ? `（${c.person}）` : ''}
        </dd>
        <dt>{d.deadline}</dt>
        <dd data-testid="detail-deadline">
          {shortDate(c.deadline, '')}
          {c.deadlineNonWorkday && <span className="cm-card-warn">{t.commitments.nonWorkday(c.deadlineNonWorkday)}</span>}
          {c.deadlineMovedFrom && (
            <span className="cm-card-note" data-testid="detail-deadline-moved">
              {deadlineMovedText(c.deadlineMovedFrom, c.deadlineSpec.n)}
            </span>
          )}
          {!c.calendarVerified && (
            <span className="cm-card-warn" title={t.commitments.unverifiedHint}>
              {t.commitments.unverified}
            </span>
          )}
        </dd>
        <dt>{d.status}</dt>
        <dd data-testid="detail-status">
          <span className={`cm-status cm-status-${c.status}`}>{COMMITMENT_STATUS_LABELS[c.status]}</span>
          {c.fulfilledAt && ` ${formatChinaDateTime(c.fulfilledAt)}`}
        </dd>
      </dl>
      {general && (
        <div className="banner banner-error" role="alert" data-testid="detail-error">
          {general}
        </div>
      )}
      {closing && closing.status !== 'closed' && (
        <div className={`banner ${mayClose ? 'cm-banner-ok' : 'cm-banner-info'}`} data-testid="closing-check">
          {mayClose ? (
            <>
              {d.canClose}{' '}
              <button type="button" className="button button-primary button-small" data-testid="incident-close" disabled={busy} onClick={() => void closeIncident()}>
                {d.closeIncident}
              </button>
            </>
          ) : closing.missing.length > 0 ? (
            <>
              {d.stillMissing}
              <ul>
                {closing.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          ) : (
            `${t.commitments.detail.incident}：${STATUS_LABELS[closing.status]}`
          )}
        </div>
      )}
      {closing?.status === 'closed' && (
        <div className="banner cm-banner-ok" data-testid="closing-check">
          {d.closed(c.incidentNumber)}
        </div>
      )}
      <form id="cm-detail-form" className="form-grid" noValidate onSubmit={(e) => void save(e)}>
        <h3 className="form-section field-wide">{d.fulfilment}</h3>
        <Field id="cd-status" name="status" label={d.setStatus} error={errors.status}>
          <select id="cd-status" value={v.status} onChange={(e) => set('status', e.target.value)}>
            {RECORDED_COMMITMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {optionLabel(s, c)}
              </option>
            ))}
          </select>
        </Field>
        {v.status === 'unfulfillable' ? (
          <Field id="cd-statusReason" name="statusReason" label={d.reason} error={errors.statusReason}>
            {input('statusReason')}
          </Field>
        ) : (
          <Field id="cd-fulfilledAt" name="fulfilledAt" label={d.fulfilledAt} error={errors.fulfilledAt} hint={t.register.timeHint}>
            {input('fulfilledAt')}
          </Field>
        )}
        <Field id="cd-evidence" name="evidence" label={d.evidence} error={errors.evidence} wide>
          <textarea id="cd-evidence" rows={2} value={v.evidence} onChange={(e) => set('evidence', e.target.value)} />
        </Field>

        <h3 className="form-section field-wide">{d.publication}</h3>
        <div className="field field-wide cm-modes" role="radiogroup" aria-label={d.publication}>
          {(['unrecorded', 'published', 'not_published'] as const).map((state) => (
            <label key={state}>
              <input type="radio" name="cd-pub" value={state} checked={v.pubState === state} onChange={() => set('pubState', state)} />
              {d.pubState[state]}
            </label>
          ))}
        </div>
        {v.pubState === 'published' && (
          <>
            <Field id="cd-channel" name="channel" label={d.channel} error={errors['publication.channel']}>
              <select id="cd-channel" value={v.channel} onChange={(e) => set('channel', e.target.value)}>
                <option value="">{t.commitments.form.choose}</option>
                {RESPONSE_CHANNELS.map((ch) => (
                  <option key={ch} value={ch}>
                    {RESPONSE_CHANNEL_LABELS[ch]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="cd-pubAt" name="pubAt" label={d.pubAt} error={errors['publication.at']} hint={t.register.timeHint}>
              {input('pubAt')}
            </Field>
            <Field id="cd-url" name="url" label={d.url} error={errors['publication.url']} wide>
              {input('url', { placeholder: 'https://' })}
            </Field>
          </>
        )}
        {v.pubState === 'not_published' && (
          <Field id="cd-pubNote" name="pubNote" label={d.pubNote} error={errors['publication.note']} wide>
            {input('pubNote')}
          </Field>
        )}

        <h3 className="form-section field-wide">{d.check}</h3>
        <Field id="cd-checkBy" name="checkBy" label={d.checkBy} error={errors['check.by']}>
          {input('checkBy')}
        </Field>
        <Field id="cd-checkAt" name="checkAt" label={d.checkAt} error={errors['check.at']} hint={t.register.timeHint}>
          {input('checkAt')}
        </Field>
        <Field id="cd-checkResult" name="checkResult" label={d.checkResult} error={errors['check.result']} wide>
          {input('checkResult')}
        </Field>
      </form>
    </Dialog>
  );
}
