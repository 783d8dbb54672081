import { type FormEvent, useState } from 'react';
import type { FeedbackInput } from '../../../shared/api/commitments.js';
import { FEEDBACK_METHOD_LABELS, FEEDBACK_METHODS, SATISFACTION_LABELS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useIncidentPage } from '../stores/incidentPage.js';
import { useUi } from '../stores/ui.js';
import { placeErrors } from './formErrors.js';
import { fieldErrors } from '../common/fieldErrors.js';

const f = t.followups;
const FIELDS = ['method', 'satisfaction', 'note', 'actor', 'at'] as const;
type FieldName = (typeof FIELDS)[number];
const SCORES = [1, 2, 3, 4, 5] as const;

/** 反馈评价: how the public's view was learnt, their satisfaction (1–5) and what they said. */
export function FeedbackForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const notify = useUi((s) => s.notify);
  const [method, setMethod] = useState('');
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [actor, setActor] = useState('');
  const [at, setAt] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // Untouched choices are left out, so the core says “请选择反馈方式” / “满意度应为1到5的整数”.
    // The draft may lack the required two: the core's schema is what refuses it, with its own messages.
    const draft: Partial<FeedbackInput> = {
      incident: incident.id,
      ...(method ? { method } : {}),
      ...(satisfaction !== null ? { satisfaction } : {}),
      note,
      actor,
      ...(at.trim() ? { at: at.trim() } : {}),
    };
    const result = await call('addFeedback', draft as FeedbackInput);
    setBusy(false);
    if (!result.ok) {
      const placed = placeErrors(FIELDS, result.error.fields, result.error.message);
      setErrors(placed.byField);
      setGeneral(placed.general);
      return;
    }
    notify(f.feedbackSaved);
    onDone();
    await useIncidentPage.getState().refresh();
  };

  const { control: described, message, fieldClass } = fieldErrors<FieldName>('fb', 'feedback', errors);

  return (
    <form className="form response-form" data-testid="feedback-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{f.feedbackTitle}</h3>
      {general && (
        <div className="banner banner-error" role="alert">
          {general}
        </div>
      )}
      <div className="form-grid">
        <div className={fieldClass('method', ' field-required')}>
          <label className="field-label" htmlFor="fb-method">
            {f.method}
          </label>
          <select value={method} onChange={(e) => setMethod(e.target.value)} {...described('method')}>
            <option value="">{t.register.choose}</option>
            {FEEDBACK_METHODS.map((m) => (
              <option key={m} value={m}>
                {FEEDBACK_METHOD_LABELS[m]}
              </option>
            ))}
          </select>
          {message('method')}
        </div>
        <div className={fieldClass('at')}>
          <label className="field-label" htmlFor="fb-at">
            {f.feedbackAt}
          </label>
          <input type="text" placeholder="2026-11-28 14:05" value={at} onChange={(e) => setAt(e.target.value)} {...described('at')} />
          <p className="field-hint">{f.atHint}</p>
          {message('at')}
        </div>
        <fieldset className={fieldClass('satisfaction', ' field-wide field-required')} aria-describedby={errors.satisfaction ? 'fb-satisfaction-error' : undefined}>
          <legend className="field-label">{f.satisfaction}</legend>
          <div className="chips" role="radiogroup" aria-label={f.satisfaction}>
            {SCORES.map((n) => (
              <label key={n} className="chip chip-plain">
                <input type="radio" name="fb-satisfaction" value={n} checked={satisfaction === n} onChange={() => setSatisfaction(n)} />
                {n} {SATISFACTION_LABELS[n]}
              </label>
            ))}
          </div>
          {message('satisfaction')}
        </fieldset>
        <div className={fieldClass('note', ' field-wide')}>
          <label className="field-label" htmlFor="fb-note">
            {f.note}
          </label>
          <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} {...described('note')} />
          {message('note')}
        </div>
        <div className={fieldClass('actor')}>
          <label className="field-label" htmlFor="fb-actor">
            {f.recorder}
          </label>
          <input type="text" value={actor} maxLength={50} onChange={(e) => setActor(e.target.value)} {...described('actor')} />
          <p className="field-hint">{f.actorHint}</p>
          {message('actor')}
        </div>
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary" data-testid="feedback-submit" disabled={busy}>
          {busy ? f.submitting : f.feedbackSubmit}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
