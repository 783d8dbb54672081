import { deadlineMovedText } from '../../../shared/deadline-moved.js';
import { useCallback, useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { Commitment, CommitmentPatchInput } from '../../../shared/api/commitments.js';
import { formatChinaDateTime, toChinaInputValue } from '../../../shared/china-time.js';
import {
  COMMITMENT_STATUS_LABELS,
  type IncidentStatus,
  RECORDED_COMMITMENT_STATUSES,
  STATUS_LABELS,
} from '../../../shared/domain.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useNav } from '../stores/nav.js';
import { useUi } from '../stores/ui.js';
import { shortDate } from './CommitmentCard.js';
import { Dialog } from './Dialog.js';
import { responseWhen, useResponses } from './responseLink.js';
import { useCommitments } from './store.js';
import { CodedField } from '../forms/CodedField.js';
import { DateTimeField } from '../forms/DateTimeField.js';
import { useDiscardGuard } from '../forms/DiscardGuard.js';
import { FormField } from '../forms/FormField.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';

const d = t.commitments.detail;

// Where the contract's paths are shown in this dialog's flat fields.
const ALIASES = {
  'publication.channel': 'channel',
  'publication.at': 'pubAt',
  'publication.url': 'url',
  'publication.note': 'pubNote',
  publication: 'pubState',
  'check.by': 'checkBy',
  'check.at': 'checkAt',
  'check.result': 'checkResult',
  check: 'checkBy',
} as const;

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
          ? { published: true, ...(v.channel.trim() ? { channel: v.channel } : {}), ...(v.pubAt ? { at: v.pubAt } : {}), url: v.url }
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
  const lf = useLedgerForm({ defaultValues: before, ids: { prefix: 'cd', testPrefix: 'cm' }, aliases: ALIASES });
  const { form } = lf;
  const [closing, setClosing] = useState<{ canClose: boolean; missing: string[]; status: IncidentStatus } | null>(null);
  const [closingBusy, setClosingBusy] = useState(false);
  const busy = lf.busy || closingBusy;
  // Only a commitment tied to a response needs the incident's responses, to say which one.
  const responses = useResponses(c.responseId ? c.incidentId : null);
  const source = responses?.find((r) => r.id === c.responseId);
  const guard = useDiscardGuard(lf.dirty, () => select(null));
  const [status, pubState] = useWatch({ control: form.control, name: ['status', 'pubState'] });
  // 兑现时间 is asked, not set behind the person's back: choosing 已兑现 offers today's date and time to change.
  const statusField = form.register('status', {
    onChange: (e: { target: { value: string } }) => {
      if (e.target.value === 'fulfilled' && form.getValues('fulfilledAt').trim() === '') {
        form.setValue('fulfilledAt', toChinaInputValue(new Date().toISOString()), { shouldDirty: true });
      }
    },
  });

  const checkClosing = useCallback(async () => {
    const [check, incident] = await Promise.all([call('getClosingCheck', { incident: c.incidentId }), call('getIncident', { id: c.incidentId })]);
    if (check.ok && incident.ok) setClosing({ ...check.value, status: incident.value.status });
  }, [c.incidentId]);
  useEffect(() => {
    void checkClosing();
  }, [checkClosing]);

  const save = lf.onSubmit(async (v) => {
    const result = await call('updateCommitment', { id: c.id, patch: patchOf(before, v) });
    if (!result.ok) return lf.refuse(result.error);
    const fresh = initialValues(result.value);
    setC(result.value);
    setBefore(fresh);
    form.reset(fresh);
    notify(d.saved(result.value.number));
    await Promise.all([changed(), checkClosing()]);
  });

  const closeIncident = async () => {
    setClosingBusy(true);
    const result = await call('transitionIncident', { id: c.incidentId, to: 'closed' });
    setClosingBusy(false);
    if (!result.ok) return lf.say(result.error.message);
    notify(d.closed(result.value.number));
    await Promise.all([changed(), checkClosing()]);
  };

  const mayClose = closing?.canClose === true && (closing.status === 'responded' || closing.status === 'tracking');
  const input = (name: keyof Values, props: { placeholder?: string } = {}) => <input {...lf.input(name)} {...props} />;
  const time = (name: 'fulfilledAt' | 'pubAt' | 'checkAt', label: string) => (
    <DateTimeField control={form.control} name={name} label={label} attributes={lf.control(name, { hint: t.forms.timeHint })} />
  );
  return (
    <Dialog
      id="cm-detail"
      title={d.title(c.number)}
      onClose={guard.asking ? guard.keep : guard.leave}
      wide
      testId="commitment-detail"
      footer={
        <>
          {guard.question}
          <button type="button" className="button" onClick={guard.leave}>
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
              select(null);
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
      {lf.banner('detail-error')}
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
        <FormField of={lf} name="status" label={d.setStatus}>
          <select {...statusField} {...lf.control('status')}>
            {RECORDED_COMMITMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {optionLabel(s, c)}
              </option>
            ))}
          </select>
        </FormField>
        {status === 'unfulfillable' ? (
          <FormField of={lf} name="statusReason" label={d.reason} required>
            {input('statusReason')}
          </FormField>
        ) : (
          <FormField of={lf} name="fulfilledAt" label={d.fulfilledAt} hint={t.forms.timeHint} required={status === 'fulfilled'}>
            {time('fulfilledAt', d.fulfilledAt)}
          </FormField>
        )}
        <FormField of={lf} name="evidence" label={d.evidence} wide required={status === 'fulfilled'}>
          <textarea rows={2} {...lf.input('evidence')} />
        </FormField>

        <h3 className="form-section field-wide">{d.publication}</h3>
        <div className="field field-wide cm-modes" role="radiogroup" aria-label={d.publication}>
          {(['unrecorded', 'published', 'not_published'] as const).map((state) => (
            <label key={state}>
              <input type="radio" value={state} {...form.register('pubState')} />
              {d.pubState[state]}
            </label>
          ))}
        </div>
        {pubState === 'published' && (
          <>
            <FormField of={lf} name="channel" label={d.channel} required>
              <CodedField control={form.control} name="channel" coded="responseChannel" attributes={lf.control('channel', { required: true })} />
            </FormField>
            <FormField of={lf} name="pubAt" label={d.pubAt} hint={t.forms.timeHint}>
              {time('pubAt', d.pubAt)}
            </FormField>
            <FormField of={lf} name="url" label={d.url} wide>
              {input('url', { placeholder: 'https://' })}
            </FormField>
          </>
        )}
        {pubState === 'not_published' && (
          <FormField of={lf} name="pubNote" label={d.pubNote} wide required>
            {input('pubNote')}
          </FormField>
        )}

        <h3 className="form-section field-wide">{d.check}</h3>
        <FormField of={lf} name="checkBy" label={d.checkBy}>
          {input('checkBy')}
        </FormField>
        <FormField of={lf} name="checkAt" label={d.checkAt} hint={t.forms.timeHint}>
          {time('checkAt', d.checkAt)}
        </FormField>
        <FormField of={lf} name="checkResult" label={d.checkResult} wide>
          {input('checkResult')}
        </FormField>
      </form>
    </Dialog>
  );
}
