import { type FormEvent, useState } from 'react';
import type { FeedbackInput } from '../../../shared/api/commitments.js';
import { FEEDBACK_METHOD_LABELS, FEEDBACK_METHODS, SATISFACTION_LABELS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { FormActions, useEntryForm } from '../common/entryForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useIncidentPage } from '../stores/incidentPage.js';
import { useStaff } from '../stores/staff.js';
import { useUi } from '../stores/ui.js';

const f = t.followups;
const FIELDS = ['method', 'satisfaction', 'note', 'actor', 'at'] as const;
const SCORES = [1, 2, 3, 4, 5] as const;

/** 反馈评价: how the public's view was learnt, their satisfaction (1–5) and what they said. */
export function FeedbackForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const notify = useUi((s) => s.notify);
  const [method, setMethod] = useState('');
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [note, setNote] = useState('');
  // The person at the keyboard, as 登记人 is; they may name someone else.
  const [actor, setActor] = useState(() => useStaff.getState().current);
  const [at, setAt] = useState('');
  const form = useEntryForm(FIELDS, { idPrefix: 'fb', testPrefix: 'feedback' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
    if (!(await form.send(() => call('addFeedback', draft as FeedbackInput)))) return;
    notify(f.feedbackSaved);
    onDone();
    await useIncidentPage.getState().refresh();
  };

  return (
    <form className="form response-form" data-testid="feedback-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{f.feedbackTitle}</h3>
      {form.banner}
      <div className="form-grid">
        {form.field(
          'method',
          f.method,
          <select value={method} onChange={(e) => setMethod(e.target.value)} {...form.control('method')}>
            <option value="">{t.register.choose}</option>
            {FEEDBACK_METHODS.map((m) => (
              <option key={m} value={m}>
                {FEEDBACK_METHOD_LABELS[m]}
              </option>
            ))}
          </select>,
          { required: true },
        )}
        {form.field(
          'at',
          f.feedbackAt,
          <input type="text" placeholder="2026-11-28 14:05" value={at} onChange={(e) => setAt(e.target.value)} {...form.control('at')} />,
          { hint: f.atHint },
        )}
        {form.choices(
          'satisfaction',
          f.satisfaction,
          SCORES.map((n) => (
            <label key={n} className="chip chip-plain">
              <input type="radio" name="fb-satisfaction" value={n} checked={satisfaction === n} onChange={() => setSatisfaction(n)} />
              {n} {SATISFACTION_LABELS[n]}
            </label>
          )),
          { wide: true, required: true },
        )}
        {form.field(
          'note',
          f.note,
          <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} {...form.control('note')} />,
          { wide: true },
        )}
        {form.field(
          'actor',
          f.recorder,
          <input type="text" value={actor} maxLength={50} onChange={(e) => setActor(e.target.value)} {...form.control('actor')} />,
          { hint: f.actorHint },
        )}
      </div>
      <FormActions busy={form.busy} submit={f.feedbackSubmit} submitting={f.submitting} testId="feedback-submit" onCancel={onDone} />
    </form>
  );
}
