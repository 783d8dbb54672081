import { type FormEvent, useEffect, useState } from 'react';
import type { Commitment } from '../../../shared/api/commitments.js';
import { FOLLOWUP_KIND_LABELS, FOLLOWUP_KINDS, type FollowupKind } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useIncidentPage } from '../stores/incidentPage.js';
import { useUi } from '../stores/ui.js';
import { placeErrors } from './formErrors.js';
import { fieldErrors } from '../common/fieldErrors.js';

const f = t.followups;
const FIELDS = ['kind', 'commitment', 'at', 'actor', 'content'] as const;
type FieldName = (typeof FIELDS)[number];

/** 跟进: 进展 / 督办 / 催办 / 核查 / 回访 / 舆情反弹 on the incident or one of its commitments. */
export function FollowupForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const notify = useUi((s) => s.notify);
  const [kind, setKind] = useState<FollowupKind>('progress');
  const [commitment, setCommitment] = useState('');
  const [at, setAt] = useState('');
  const [actor, setActor] = useState('');
  const [content, setContent] = useState('');
  const [commitments, setCommitments] = useState<Commitment[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    if (busy) return;
    setBusy(true);
    const result = await call('addFollowup', {
      incident: incident.id,
      ...(commitment ? { commitment } : {}),
      kind,
      ...(at.trim() ? { at: at.trim() } : {}),
      actor,
      content,
    });
    setBusy(false);
    if (!result.ok) {
      const placed = placeErrors(FIELDS, result.error.fields, result.error.message);
      setErrors(placed.byField);
      setGeneral(placed.general);
      return;
    }
    notify(f.saved(FOLLOWUP_KIND_LABELS[result.value.kind]));
    onDone();
    await useIncidentPage.getState().refresh();
  };

  const { control: described, message, fieldClass } = fieldErrors<FieldName>('fu', 'followup', errors);

  return (
    <form className="form response-form" data-testid="followup-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{f.followupTitle}</h3>
      {general && (
        <div className="banner banner-error" role="alert">
          {general}
        </div>
      )}
      <div className="form-grid">
        <fieldset className={fieldClass('kind', ' field-wide field-required')}>
          <legend className="field-label">{f.kind}</legend>
          <div className="chips" role="radiogroup" aria-label={f.kind}>
            {FOLLOWUP_KINDS.map((k) => (
              <label key={k} className="chip chip-plain">
                <input type="radio" name="fu-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {FOLLOWUP_KIND_LABELS[k]}
              </label>
            ))}
          </div>
          {message('kind')}
        </fieldset>
        <div className={fieldClass('commitment', ' field-wide')}>
          <label className="field-label" htmlFor="fu-commitment">
            {f.commitment}
          </label>
          <select value={commitment} onChange={(e) => setCommitment(e.target.value)} {...described('commitment')}>
            <option value="">{f.noCommitment}</option>
            {commitments.map((c) => (
              <option key={c.id} value={c.id}>
                {c.number} {c.content.length > 30 ? `${c.content.slice(0, 30)}…` : c.content}
              </option>
            ))}
          </select>
          {message('commitment')}
        </div>
        <div className={fieldClass('content', ' field-wide field-required')}>
          <label className="field-label" htmlFor="fu-content">
            {f.content}
          </label>
          <textarea rows={3} value={content} onChange={(e) => setContent(e.target.value)} {...described('content')} />
          {message('content')}
        </div>
        <div className={fieldClass('actor')}>
          <label className="field-label" htmlFor="fu-actor">
            {f.actor}
          </label>
          <input type="text" value={actor} maxLength={50} onChange={(e) => setActor(e.target.value)} {...described('actor')} />
          <p className="field-hint">{f.actorHint}</p>
          {message('actor')}
        </div>
        <div className={fieldClass('at')}>
          <label className="field-label" htmlFor="fu-at">
            {f.at}
          </label>
          <input type="text" placeholder="2026-11-28 14:05" value={at} onChange={(e) => setAt(e.target.value)} {...described('at')} />
          <p className="field-hint">{f.atHint}</p>
          {message('at')}
        </div>
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary" data-testid="followup-submit" disabled={busy}>
          {busy ? f.submitting : f.submit}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
