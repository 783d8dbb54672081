import { deadlineMovedText } from '../../../shared/deadline-moved.js';
import { type FormEvent, useEffect, useState } from 'react';
import type { DeadlineInfo, DeadlineInput } from '../../../shared/api/commitments.js';
import { toChinaInputValue } from '../../../shared/china-time.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { Dialog, errorsByField, Field } from './Dialog.js';
import { responseChoice, useResponses } from './responseLink.js';
import { useCommitments } from './store.js';

const f = t.commitments.form;
type Mode = 'date' | 'workdays' | 'days';

/** What the person typed, as the contract's deadline; a number that is not one stays NaN for the schema to refuse. */
function deadlineOf(mode: Mode, date: string, n: string, from: string): DeadlineInput {
  if (mode === 'date') return { date };
  const count = /^\d+$/.test(n.trim()) ? Number(n) : Number.NaN;
  const start = from.trim() ? { from: from.trim() } : {};
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
  const [v, setV] = useState({
    incident: fixedIncident ?? '',
    content: '',
    unit: '',
    person: '',
    promisedAt: toChinaInputValue(new Date().toISOString()),
    mode: 'workdays' as Mode,
    date: '',
    n: '',
    from: '',
    response: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [preview, setPreview] = useState<DeadlineInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof v, value: string) => setV((old) => ({ ...old, [name]: value }));

  const responses = useResponses(v.incident.trim() || null);
  // A response chosen for the incident typed before is not one of this incident's: it falls back to none.
  const response = responses?.some((r) => r.id === v.response) ? v.response : '';

  const deadline = deadlineOf(v.mode, v.date, v.n, v.from);
  const { mode, date, n, from, promisedAt } = v;
  useEffect(() => {
    let live = true;
    void call('previewDeadline', { deadline: deadlineOf(mode, date, n, from), ...(promisedAt ? { promisedAt } : {}) }).then((r) => {
      if (live) setPreview(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [mode, date, n, from, promisedAt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await call('addCommitment', {
      incident: v.incident.trim(),
      response: response || null,
      content: v.content,
      unit: v.unit,
      person: v.person,
      promisedAt: v.promisedAt,
      deadline,
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(errorsByField(result.error.fields));
      setGeneral(result.error.fields?.length ? null : result.error.message);
      return;
    }
    notify(f.saved(result.value.number));
    close();
    await changed();
  };

  const deadlineError = errors.deadline ?? errors['deadline.date'] ?? errors['deadline.workdays'] ?? errors['deadline.days'] ?? errors['deadline.from'];
  return (
    <Dialog
      id="cm-add"
      title={f.title}
      onClose={close}
      testId="commitment-form"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            {t.cancel}
          </button>
          <button type="submit" form="cm-add-form" className="button button-primary" disabled={busy} data-testid="commitment-submit">
            {busy ? f.saving : f.submit}
          </button>
        </>
      }
    >
      <form id="cm-add-form" className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
        {general && (
          <div className="banner banner-error field-wide" role="alert">
            {general}
          </div>
        )}
        <Field id="cm-incident" name="incident" label={f.incident} hint={f.incidentHint} error={errors.incident} required>
          <input id="cm-incident" value={v.incident} readOnly={fixedIncident !== undefined} onChange={(e) => set('incident', e.target.value)} />
        </Field>
        <Field id="cm-promisedAt" name="promisedAt" label={f.promisedAt} error={errors.promisedAt} required>
          <input id="cm-promisedAt" value={v.promisedAt} onChange={(e) => set('promisedAt', e.target.value)} />
        </Field>
        <Field
          id="cm-response"
          name="response"
          label={f.response}
          hint={responses !== null && responses.length === 0 ? f.noResponses : f.responseHint}
          error={errors.response}
          wide
        >
          <select id="cm-response" value={response} onChange={(e) => set('response', e.target.value)}>
            <option value="">{f.noResponse}</option>
            {(responses ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {responseChoice(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="cm-content" name="content" label={f.content} error={errors.content} wide required>
          <textarea id="cm-content" rows={3} value={v.content} onChange={(e) => set('content', e.target.value)} />
        </Field>
        <Field id="cm-unit" name="unit" label={f.unit} error={errors.unit} required>
          <select id="cm-unit" value={v.unit} onChange={(e) => set('unit', e.target.value)}>
            <option value="">{f.choose}</option>
            {units.map((u) => (
              <option key={u.id} value={u.name}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="cm-person" name="person" label={f.person} error={errors.person}>
          <input id="cm-person" value={v.person} onChange={(e) => set('person', e.target.value)} />
        </Field>
        <fieldset className="field field-wide cm-deadline">
          <legend className="field-label">{f.deadline}</legend>
          <div className="cm-modes" role="radiogroup">
            {(['workdays', 'days', 'date'] as const).map((mode) => (
              <label key={mode}>
                <input type="radio" name="cm-mode" value={mode} checked={v.mode === mode} onChange={() => set('mode', mode)} />
                {f.mode[mode]}
              </label>
            ))}
          </div>
          {v.mode === 'date' ? (
            <label className="cm-inline">
              {f.date}
              <input id="cm-date" placeholder="2026-12-31" value={v.date} onChange={(e) => set('date', e.target.value)} />
            </label>
          ) : (
            <span className="cm-inline-row">
              <label className="cm-inline">
                {f.n}
                <input id="cm-n" inputMode="numeric" size={5} value={v.n} onChange={(e) => set('n', e.target.value)} />
              </label>
              <label className="cm-inline">
                {f.from}
                <input id="cm-from" placeholder={f.fromHint} value={v.from} onChange={(e) => set('from', e.target.value)} />
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
