import { useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { type DeadlineInfo, type DeadlineInput, commitmentInputSchema } from '../../../shared/api/commitments.js';
import { toChinaInputValue } from '../../../shared/china-time.js';
import { deadlineMovedText } from '../../../shared/deadline-moved.js';
import { DateTimeField } from '../forms/DateTimeField.js';
import { useDiscardGuard } from '../forms/DiscardGuard.js';
import { FormField } from '../forms/FormField.js';
import { writtenDate } from '../forms/pickerValue.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { Dialog } from './Dialog.js';
import { responseChoice, useResponses } from './responseLink.js';
import { useCommitments } from './store.js';

const f = t.commitments.form;
type Mode = 'date' | 'workdays' | 'days';

interface Values {
  incident: string;
  promisedAt: string;
  response: string;
  content: string;
  unit: string;
  person: string;
  mode: Mode;
  date: string;
  n: string;
  from: string;
}

/**
 * What the person typed, as the contract's deadline; a number that is not one stays NaN for the schema to refuse.
 * Dates may be written as people write them (2026年12月31日, 12月31日): the contract takes `YYYY-MM-DD`.
 */
function deadlineOf({ mode, date, n, from }: Pick<Values, 'mode' | 'date' | 'n' | 'from'>): DeadlineInput {
  if (mode === 'date') return { date: writtenDate(date) };
  const count = /^\d+$/.test(n.trim()) ? Number(n) : Number.NaN;
  const start = from.trim() ? { from: writtenDate(from) } : {};
  return mode === 'workdays' ? { workdays: count, ...start } : { days: count, ...start };
}

/**
 * 新增承诺: the deadline's computed date (and whether it is verified) is shown before saving. The response that
 * made the commitment may be chosen from the incident's responses; none is chosen unless the person does (no entry
 * point opens this dialog from a particular response).
 */
export function AddCommitmentDialog({ incident: fixedIncident }: { incident?: string }) {
  const close = useCommitments((s) => s.closeAdd);
  const changed = useCommitments((s) => s.changed);
  const notify = useUi((s) => s.notify);
  const reference = useSession((s) => s.reference);
  const units = (reference?.units ?? []).filter((u) => u.active);
  // The response chosen, when it is one of the typed incident's (see below); the draft reads it at submit.
  const chosenResponse = useRef('');
  const [defaults] = useState<Values>(() => ({
    incident: fixedIncident ?? '',
    promisedAt: toChinaInputValue(new Date().toISOString()),
    response: '',
    content: '',
    unit: '',
    person: '',
    mode: 'workdays',
    date: '',
    n: '',
    from: '',
  }));
  const lf = useLedgerForm({
    defaultValues: defaults,
    contract: {
      draft: (v: Values) => ({
        incident: v.incident.trim(),
        response: chosenResponse.current || null,
        content: v.content,
        unit: v.unit,
        person: v.person,
        promisedAt: v.promisedAt,
        deadline: deadlineOf(v),
      }),
      schema: commitmentInputSchema,
    },
    ids: { prefix: 'cm', testPrefix: 'cm' },
    // The deadline's parts are one question: its messages are said under it (see deadlineError).
    aliases: { deadline: 'mode', 'deadline.date': 'date', 'deadline.workdays': 'n', 'deadline.days': 'n', 'deadline.from': 'from' },
  });
  const { form } = lf;
  const guard = useDiscardGuard(lf.dirty, close);
  const [incident, responseId, mode, date, n, from, promisedAt] = useWatch({
    control: form.control,
    name: ['incident', 'response', 'mode', 'date', 'n', 'from', 'promisedAt'],
  });

  const responses = useResponses(incident.trim() || null);
  // A response chosen for the incident typed before is not one of this incident's: it falls back to none (and
  // comes back if the person returns to that incident).
  const response = responses?.some((r) => r.id === responseId) ? responseId : '';
  useEffect(() => {
    chosenResponse.current = response;
  }, [response]);

  const [preview, setPreview] = useState<DeadlineInfo | null>(null);
  useEffect(() => {
    let live = true;
    void call('previewDeadline', { deadline: deadlineOf({ mode, date, n, from }), ...(promisedAt ? { promisedAt } : {}) }).then((r) => {
      if (live) setPreview(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [mode, date, n, from, promisedAt]);

  const submit = lf.onSubmit(async (request) => {
    const result = await call('addCommitment', request);
    if (!result.ok) return lf.refuse(result.error);
    notify(f.saved(result.value.number));
    close();
    await changed();
  });

  const deadlineError = lf.message('mode') ?? lf.message('date') ?? lf.message('n') ?? lf.message('from');
  return (
    <Dialog
      id="cm-add"
      title={f.title}
      onClose={guard.asking ? guard.keep : guard.leave}
      testId="commitment-form"
      footer={
        <>
          {guard.question}
          <button type="button" className="button" onClick={guard.leave}>
            {t.cancel}
          </button>
          <button type="submit" form="cm-add-form" className="button button-primary" disabled={lf.busy} data-testid="commitment-submit">
            {lf.busy ? f.saving : f.submit}
          </button>
        </>
      }
    >
      <form id="cm-add-form" className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
        {lf.banner()}
        <FormField of={lf} name="incident" label={f.incident} hint={f.incidentHint} required>
          <input readOnly={fixedIncident !== undefined} {...lf.input('incident', { hint: f.incidentHint, required: true })} />
        </FormField>
        <FormField of={lf} name="promisedAt" label={f.promisedAt} hint={t.forms.timeHint} required>
          <DateTimeField control={form.control} name="promisedAt" label={f.promisedAt} attributes={lf.control('promisedAt', { hint: t.forms.timeHint, required: true })} />
        </FormField>
        <FormField of={lf} name="response" label={f.response} hint={responses !== null && responses.length === 0 ? f.noResponses : f.responseHint} wide>
          <select {...lf.control('response')} value={response} onChange={(e) => form.setValue('response', e.target.value, { shouldDirty: true })}>
            <option value="">{f.noResponse}</option>
            {(responses ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {responseChoice(r)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField of={lf} name="content" label={f.content} wide required>
          <textarea rows={3} {...lf.input('content', { required: true })} />
        </FormField>
        <FormField of={lf} name="unit" label={f.unit} required>
          <select {...lf.input('unit', { required: true })}>
            <option value="">{f.choose}</option>
            {units.map((u) => (
              <option key={u.id} value={u.name}>
                {u.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField of={lf} name="person" label={f.person}>
          <input {...lf.input('person')} />
        </FormField>
        <fieldset className={`field field-wide field-required cm-deadline${deadlineError ? ' field-invalid' : ''}`}>
          <legend className="field-label">{f.deadline}</legend>
          <div className="cm-modes" role="radiogroup">
            {(['workdays', 'days', 'date'] as const).map((m) => (
              <label key={m}>
                <input type="radio" value={m} {...form.register('mode')} />
                {f.mode[m]}
              </label>
            ))}
          </div>
          {mode === 'date' ? (
            <label className="cm-inline">
              {f.date}
              <DateTimeField control={form.control} name="date" label={f.date} kind="date" attributes={lf.control('date')} />
            </label>
          ) : (
            <span className="cm-inline-row">
              <label className="cm-inline">
                {f.n}
                <input inputMode="numeric" size={5} {...lf.input('n')} />
              </label>
              <label className="cm-inline">
                {f.from}
                <DateTimeField control={form.control} name="from" label={f.from} kind="date" attributes={lf.control('from')} placeholder={f.fromHint} />
              </label>
            </span>
          )}
          {preview && (
            <p className="cm-preview" data-testid="deadline-preview">
              {f.preview(preview.date)}
              {preview.nonWorkday && <span className="cm-card-warn">{t.commitments.nonWorkday(preview.nonWorkday)}</span>}
              {preview.movedFrom && (
                <span className="cm-card-note" data-testid="deadline-moved">
                  {deadlineMovedText(preview.movedFrom)}
                </span>
              )}
              {!preview.verified && <span className="cm-card-warn">{t.commitments.unverified}</span>}
            </p>
          )}
          {deadlineError && (
            <p className="field-error" data-testid="cm-error-deadline">
              {deadlineError}
            </p>
          )}
        </fieldset>
      </form>
    </Dialog>
  );
}
