import { useRef } from 'react';
import { feedbackInputSchema } from '../../../shared/api/commitments.js';
import { SATISFACTION_LABELS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { CodedField } from '../forms/CodedField.js';
import { DateTimeField } from '../forms/DateTimeField.js';
import { FormActions, useDiscardGuard, useScrollIntoView } from '../forms/DiscardGuard.js';
import { ChoiceField, FormField } from '../forms/FormField.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useIncidentPage } from './store.js';
import { useUi } from '../stores/ui.js';
import { useStaff } from '../stores/staff.js';

const f = t.followups;
const SCORES = [1, 2, 3, 4, 5] as const;

interface Values {
  method: string;
  at: string;
  satisfaction: string;
  note: string;
  actor: string;
}

/** 反馈评价: how the public's view was learnt, their satisfaction (1–5) and what they said. */
export function FeedbackForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const notify = useUi((s) => s.notify);
  const lf = useLedgerForm({
    defaultValues: {
      method: '',
      at: '',
      satisfaction: '',
      note: '',
      // The person at the keyboard, as 登记人 is; they may name someone else.
      actor: useStaff.getState().current,
    } satisfies Values,
    contract: {
      // Untouched choices are left out, so the schema says “请选择反馈方式” / “满意度应为1到5的整数”.
      draft: (v: Values) => ({
        incident: incident.id,
        ...(v.method.trim() ? { method: v.method } : {}),
        ...(v.satisfaction ? { satisfaction: Number(v.satisfaction) } : {}),
        note: v.note,
        actor: v.actor,
        ...(v.at.trim() ? { at: v.at.trim() } : {}),
      }),
      schema: feedbackInputSchema,
    },
    ids: { prefix: 'fb', testPrefix: 'feedback' },
  });
  const { form } = lf;
  const frame = useRef<HTMLFormElement>(null);
  useScrollIntoView(frame);
  const guard = useDiscardGuard(lf.dirty, onDone);

  const submit = lf.onSubmit(async (request) => {
    const result = await call('addFeedback', request);
    if (!result.ok) return lf.refuse(result.error);
    notify(f.feedbackSaved);
    onDone();
    await useIncidentPage.getState().refresh();
  });

  return (
    <form ref={frame} className="form response-form" data-testid="feedback-form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={guard.onKeyDown}>
      <h3 className="form-section">{f.feedbackTitle}</h3>
      {lf.banner()}
      <div className="form-grid">
        <FormField of={lf} name="method" label={f.method} required>
          <CodedField control={form.control} name="method" coded="feedbackMethod" attributes={lf.control('method', { required: true })} />
        </FormField>
        <FormField of={lf} name="at" label={f.feedbackAt} hint={f.atHint}>
          <DateTimeField control={form.control} name="at" label={f.feedbackAt} attributes={lf.control('at', { hint: f.atHint })} />
        </FormField>
        <ChoiceField of={lf} name="satisfaction" label={f.satisfaction} wide required>
          <div className="chips" role="radiogroup" aria-label={f.satisfaction}>
            {SCORES.map((n) => (
              <label key={n} className="chip chip-plain">
                <input type="radio" value={String(n)} {...form.register('satisfaction')} />
                {n} {SATISFACTION_LABELS[n]}
              </label>
            ))}
          </div>
        </ChoiceField>
        <FormField of={lf} name="note" label={f.note} wide>
          <textarea rows={3} {...lf.input('note')} />
        </FormField>
        <FormField of={lf} name="actor" label={f.recorder} hint={f.actorHint}>
          <input type="text" maxLength={50} {...lf.input('actor', { hint: f.actorHint })} />
        </FormField>
      </div>
      <FormActions busy={lf.busy} submit={f.feedbackSubmit} submitting={f.submitting} testId="feedback-submit" guard={guard} />
    </form>
  );
}
