import { type FormEvent, useEffect, useState } from 'react';
import type { Commitment } from '../../../shared/api/commitments.js';
import { FOLLOWUP_KIND_LABELS, FOLLOWUP_KINDS, type FollowupKind } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { FormActions, useEntryForm } from '../common/entryForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useIncidentPage } from '../stores/incidentPage.js';
import { useStaff } from '../stores/staff.js';
import { useUi } from '../stores/ui.js';

const f = t.followups;
const FIELDS = ['kind', 'commitment', 'at', 'actor', 'content'] as const;

/** 跟进: 进展 / 督办 / 催办 / 核查 / 回访 / 舆情反弹 on the incident or one of its commitments. */
export function FollowupForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const notify = useUi((s) => s.notify);
  const [kind, setKind] = useState<FollowupKind>('progress');
  const [commitment, setCommitment] = useState('');
  const [at, setAt] = useState('');
  // The person at the keyboard, as 登记人 is; they may name someone else.
  const [actor, setActor] = useState(() => useStaff.getState().current);
  const [content, setContent] = useState('');
  const [commitments, setCommitments] = useState<Commitment[]>([]);
  const form = useEntryForm(FIELDS, { idPrefix: 'fu', testPrefix: 'followup' });

  useEffect(() => {
    let live = true;
    void call('listCommitments', { incident: incident.id }).then((r) => {
      if (live && r.ok) setCommitments(r.value);
    });
    return () => {
      live = false;
    };
  }, [incident.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.send(() =>
      call('addFollowup', {
        incident: incident.id,
        ...(commitment ? { commitment } : {}),
        kind,
        ...(at.trim() ? { at: at.trim() } : {}),
        actor,
        content,
      }),
    );
    if (!saved) return;
    notify(f.saved(FOLLOWUP_KIND_LABELS[saved.kind]));
    onDone();
    await useIncidentPage.getState().refresh();
  };

  return (
    <form className="form response-form" data-testid="followup-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{f.followupTitle}</h3>
      {form.banner}
      <div className="form-grid">
        {form.choices(
          'kind',
          f.kind,
          FOLLOWUP_KINDS.map((k) => (
            <label key={k} className="chip chip-plain">
              <input type="radio" name="fu-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {FOLLOWUP_KIND_LABELS[k]}
            </label>
          )),
          { wide: true, required: true },
        )}
        {form.field(
          'commitment',
          f.commitment,
          <select value={commitment} onChange={(e) => setCommitment(e.target.value)} {...form.control('commitment')}>
            <option value="">{f.noCommitment}</option>
            {commitments.map((c) => (
              <option key={c.id} value={c.id}>
                {c.number} {c.content.length > 30 ? `${c.content.slice(0, 30)}…` : c.content}
              </option>
            ))}
          </select>,
          { wide: true },
        )}
        {form.field(
          'content',
          f.content,
          <textarea rows={3} value={content} onChange={(e) => setContent(e.target.value)} {...form.control('content')} />,
          { wide: true, required: true },
        )}
        {form.field(
          'actor',
          f.actor,
          <input type="text" value={actor} maxLength={50} onChange={(e) => setActor(e.target.value)} {...form.control('actor')} />,
          { hint: f.actorHint },
        )}
        {form.field(
          'at',
          f.at,
          <input type="text" placeholder="2026-11-28 14:05" value={at} onChange={(e) => setAt(e.target.value)} {...form.control('at')} />,
          { hint: f.atHint },
        )}
      </div>
      <FormActions busy={form.busy} submit={f.submit} submitting={f.submitting} testId="followup-submit" onCancel={onDone} />
    </form>
  );
}
