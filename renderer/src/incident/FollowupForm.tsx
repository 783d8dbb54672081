import { useEffect, useRef, useState } from 'react';
import { type Commitment, followupInputSchema } from '../../../shared/api/commitments.js';
import { FOLLOWUP_KIND_LABELS, FOLLOWUP_KINDS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
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

interface Values {
  kind: string;
  commitment: string;
  content: string;
  actor: string;
  at: string;
}

/** 跟进: 进展 / 督办 / 催办 / 核查 / 回访 / 舆情反弹 on the incident or one of its commitments. */
export function FollowupForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const notify = useUi((s) => s.notify);
  const [commitments, setCommitments] = useState<Commitment[]>([]);
  const lf = useLedgerForm({
    defaultValues: {
      kind: 'progress',
      commitment: '',
      content: '',
      // The person at the keyboard, as 登记人 is; they may name someone else.
      actor: useStaff.getState().current,
      at: '',
    } satisfies Values,
    contract: {
      draft: (v: Values) => ({
        incident: incident.id,
        ...(v.commitment ? { commitment: v.commitment } : {}),
        kind: v.kind,
        ...(v.at.trim() ? { at: v.at.trim() } : {}),
        actor: v.actor,
        content: v.content,
      }),
      schema: followupInputSchema,
    },
    ids: { prefix: 'fu', testPrefix: 'followup' },
  });
  const { form } = lf;
  const frame = useRef<HTMLFormElement>(null);
  useScrollIntoView(frame);
  const guard = useDiscardGuard(lf.dirty, onDone);

  useEffect(() => {
    let live = true;
    void call('listCommitments', { incident: incident.id }).then((r) => {
      if (live && r.ok) setCommitments(r.value);
    });
    return () => {
      live = false;
    };
  }, [incident.id]);

  const submit = lf.onSubmit(async (request) => {
    const saved = await call('addFollowup', request);
    if (!saved.ok) return lf.refuse(saved.error);
    notify(f.saved(FOLLOWUP_KIND_LABELS[saved.value.kind]));
    onDone();
    await useIncidentPage.getState().refresh();
  });

  return (
    <form ref={frame} className="form response-form" data-testid="followup-form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={guard.onKeyDown}>
      <h3 className="form-section">{f.followupTitle}</h3>
      {lf.banner()}
      <div className="form-grid">
        <ChoiceField of={lf} name="kind" label={f.kind} wide required>
          <div className="chips" role="radiogroup" aria-label={f.kind}>
            {FOLLOWUP_KINDS.map((k) => (
              <label key={k} className="chip chip-plain">
                <input type="radio" value={k} {...form.register('kind')} />
                {FOLLOWUP_KIND_LABELS[k]}
              </label>
            ))}
          </div>
        </ChoiceField>
        <FormField of={lf} name="commitment" label={f.commitment} wide>
          <select {...lf.input('commitment')}>
            <option value="">{f.noCommitment}</option>
            {commitments.map((c) => (
              <option key={c.id} value={c.id}>
                {c.number} {c.content.length > 30 ? `${c.content.slice(0, 30)}…` : c.content}
              </option>
            ))}
          </select>
        </FormField>
        <FormField of={lf} name="content" label={f.content} wide required>
          <textarea rows={3} {...lf.input('content', { required: true })} />
        </FormField>
        <FormField of={lf} name="actor" label={f.actor} hint={f.actorHint}>
          <input type="text" maxLength={50} {...lf.input('actor', { hint: f.actorHint })} />
        </FormField>
        <FormField of={lf} name="at" label={f.at} hint={f.atHint}>
          <DateTimeField control={form.control} name="at" label={f.at} attributes={lf.control('at', { hint: f.atHint })} />
        </FormField>
      </div>
      <FormActions busy={lf.busy} submit={f.submit} submitting={f.submitting} testId="followup-submit" guard={guard} />
    </form>
  );
}
