import { type FormEvent, type KeyboardEvent, useEffect, useState } from 'react';
import {
  KEY_TYPE_61_LABELS,
  KEY_TYPES_61,
  PLATFORM_LABELS,
  PLATFORMS,
  SENTIMENT_LABELS,
  SENTIMENTS,
  SEVERITIES,
  SEVERITY_INFO,
} from '../../../shared/domain.js';
import { fieldErrorsFrom } from '../../../shared/errors.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import type { PickedFile } from '../common/files.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useIncidents } from '../stores/incidents.js';
import { useNav } from '../stores/nav.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { AttachmentPicker } from './AttachmentPicker.js';
import { controlId, describe, Field, GroupField } from './fields.js';
import { Suggestions } from './Suggestions.js';
import { draftOf, type FieldErrors, type FieldName, firstInvalid, initialValues, placeErrors, type RegisterValues } from './form.js';

const label = t.register.fields;

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  const list: readonly string[] = values;
  return list.includes(value);
}

/** The 登记 form: validates with the shared schema first, then lets the core have the last word. */
export function RegisterDialog() {
  const reference = useSession((s) => s.reference);
  const close = useUi((s) => s.closeRegister);
  const notify = useUi((s) => s.notify);
  const reload = useIncidents((s) => s.reload);
  const selectIncident = useIncidents((s) => s.selectIncident);
  const openIncident = useNav((s) => s.openIncident);

  const [values, setValues] = useState<RegisterValues>(() => initialValues(new Date().toISOString()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [files, setFiles] = useState<PickedFile[]>([]);
  // Bumped whenever errors are shown, so focus moves to the first field that needs attention.
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    const name = firstInvalid(errors);
    if (!name) return;
    const field = document.querySelector<HTMLElement>(`[data-testid="field-${name}"]`);
    field?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [focusRequest, errors]);

  const set = <K extends FieldName>(name: K, value: RegisterValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    // Editing a field answers its message; the others stay until the next submit.
    setErrors((e) => (e[name] === undefined ? e : { ...e, [name]: undefined }));
  };

  const showErrors = (byField: FieldErrors, message: string) => {
    setErrors(byField);
    setGeneral(message);
    setFocusRequest((n) => n + 1);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const parsed = incidentInputSchema.safeParse(draftOf(values));
    if (!parsed.success) {
      const { byField, unplaced } = placeErrors(fieldErrorsFrom(parsed.error));
      const count = Object.keys(byField).length + unplaced.length;
      showErrors(byField, [t.register.checkFields(count), ...unplaced].join(' '));
      return;
    }
    setSubmitting(true);
    const result = await call('createIncident', parsed.data);
    if (!result.ok) {
      setSubmitting(false);
      const { byField } = placeErrors(result.error.fields ?? []);
      showErrors(byField, result.error.message);
      return;
    }
    // The files go once the incident exists; a refused file does not undo the registration, it is reported.
    let failed = 0;
    for (const file of files) {
      const added = await call('addAttachment', { incident: result.value.id, name: file.name, mime: file.mime, dataBase64: file.dataBase64 });
      if (!added.ok) failed++;
    }
    setSubmitting(false);
    close();
    notify(failed === 0 ? t.ledger.registered(result.value.number) : t.ledger.registeredWithFailures(result.value.number, failed));
    // The new incident is what the clerk works on next: it opens, and is the selected row on the way back.
    openIncident(result.value.id);
    await reload();
    selectIncident(result.value.id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !submitting) {
      event.stopPropagation();
      close();
    }
  };

  const categories = reference?.categories ?? [];
  const units = (reference?.units ?? []).filter((u) => u.active);
  const townships = (reference?.townships ?? []).filter((tw) => tw.active);

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="reg-heading" onKeyDown={onKeyDown}>
        <form className="form" data-testid="register-form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <header className="dialog-header">
            <h2 id="reg-heading">{t.register.title}</h2>
            <button type="button" className="dialog-close" aria-label={t.close} onClick={close}>
              ×
            </button>
          </header>

          <div className="dialog-body">
            {general && (
              <div className="banner banner-error" role="alert" data-testid="register-error">
                {general}
              </div>
            )}

            <h3 className="form-section">{t.register.sections.basic}</h3>
            <div className="form-grid">
              <Field name="title" label={label.title} error={errors.title} required wide>
                <input
                  id={controlId('title')}
                  type="text"
                  value={values.title}
                  maxLength={200}
                  autoFocus
                  aria-required
                  onChange={(e) => set('title', e.target.value)}
                  {...describe('title', errors.title)}
                />
              </Field>
              <Field name="summary" label={label.summary} error={errors.summary} wide>
                <textarea
                  id={controlId('summary')}
                  rows={3}
                  value={values.summary}
                  onChange={(e) => set('summary', e.target.value)}
                  {...describe('summary', errors.summary)}
                />
              </Field>
              <Field name="platform" label={label.platform} error={errors.platform} required>
                <select
                  id={controlId('platform')}
                  value={values.platform}
                  aria-required
                  onChange={(e) => set('platform', isOneOf(PLATFORMS, e.target.value) ? e.target.value : '')}
                  {...describe('platform', errors.platform)}
                >
                  <option value="">{t.register.choose}</option>
                  {PLATFORMS.map((p) => (
                    <option key={p} value={p}>
                      {PLATFORM_LABELS[p]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field name="url" label={label.url} error={errors.url} hint={t.register.urlHint}>
                <input
                  id={controlId('url')}
                  type="text"
                  inputMode="url"
                  value={values.url}
                  onChange={(e) => set('url', e.target.value)}
                  {...describe('url', errors.url, t.register.urlHint)}
                />
              </Field>
              <Field name="firstSeenAt" label={label.firstSeenAt} error={errors.firstSeenAt} hint={t.register.timeHint}>
                <input
                  id={controlId('firstSeenAt')}
                  type="text"
                  placeholder="2026-11-28 14:05"
                  value={values.firstSeenAt}
                  onChange={(e) => set('firstSeenAt', e.target.value)}
                  {...describe('firstSeenAt', errors.firstSeenAt, t.register.timeHint)}
                />
              </Field>
              <Field name="foundAt" label={label.foundAt} error={errors.foundAt} required hint={t.register.timeHint}>
                <input
                  id={controlId('foundAt')}
                  type="text"
                  placeholder="2026-11-28 14:05"
                  value={values.foundAt}
                  aria-required
                  onChange={(e) => set('foundAt', e.target.value)}
                  {...describe('foundAt', errors.foundAt, t.register.timeHint)}
                />
              </Field>
              <Field name="township" label={label.township} error={errors.township}>
                <select
                  id={controlId('township')}
                  value={values.township}
                  onChange={(e) => set('township', e.target.value)}
                  {...describe('township', errors.township)}
                >
                  <option value="">{t.register.none}</option>
                  {townships.map((tw) => (
                    <option key={tw.id} value={tw.id}>
                      {tw.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field name="involvedUnit" label={label.involvedUnit} error={errors.involvedUnit}>
                <input
                  id={controlId('involvedUnit')}
                  type="text"
                  value={values.involvedUnit}
                  onChange={(e) => set('involvedUnit', e.target.value)}
                  {...describe('involvedUnit', errors.involvedUnit)}
                />
              </Field>
              <div className="field field-wide" role="group" aria-labelledby="reg-attachments-label">
                <span className="field-label" id="reg-attachments-label">
                  {label.attachments}
                </span>
                <AttachmentPicker files={files} onChange={setFiles} />
              </div>
            </div>

            <h3 className="form-section">{t.register.sections.grading}</h3>
            <div className="form-grid">
              <GroupField name="categories" label={label.categories} error={errors.categories} required wide>
                <Suggestions
                  text={`${values.title}\n${values.summary}`}
                  categories={categories}
                  chosen={values.categories}
                  onAccept={(code) => set('categories', [...values.categories, code])}
                />
                <div className="chips">
                  {categories.map((c) => (
                    <label key={c.code} className="chip" style={{ '--tag-color': c.color }} title={c.keywords.join('、')}>
                      <input
                        type="checkbox"
                        checked={values.categories.includes(c.code)}
                        onChange={(e) => set('categories', toggle(values.categories, c.code, e.target.checked))}
                      />
                      <span>{c.name}</span>
                    </label>
                  ))}
                </div>
              </GroupField>
              <GroupField name="severity" label={label.severity} error={errors.severity} required>
                <div className="chips">
                  {SEVERITIES.map((s) => (
                    <label key={s} className="chip" style={{ '--tag-color': SEVERITY_INFO[s].color }}>
                      <input
                        type="radio"
                        name="severity"
                        value={s}
                        checked={values.severity === s}
                        onChange={() => set('severity', s)}
                      />
                      <span>{SEVERITY_INFO[s].label}</span>
                    </label>
                  ))}
                </div>
              </GroupField>
              <GroupField name="sentiment" label={label.sentiment} error={errors.sentiment}>
                <div className="chips">
                  {SENTIMENTS.map((s) => (
                    <label key={s} className="chip chip-plain">
                      <input
                        type="radio"
                        name="sentiment"
                        value={s}
                        checked={values.sentiment === s}
                        onChange={() => set('sentiment', s)}
                      />
                      <span>{SENTIMENT_LABELS[s]}</span>
                    </label>
                  ))}
                </div>
              </GroupField>
              <Field name="keyType61" label={label.keyType61} error={errors.keyType61} wide>
                <select
                  id={controlId('keyType61')}
                  value={values.keyType61}
                  onChange={(e) => set('keyType61', isOneOf(KEY_TYPES_61, e.target.value) ? e.target.value : '')}
                  {...describe('keyType61', errors.keyType61)}
                >
                  <option value="">{t.register.none}</option>
                  {KEY_TYPES_61.map((k) => (
                    <option key={k} value={k}>
                      {KEY_TYPE_61_LABELS[k]}
                    </option>
                  ))}
                </select>
              </Field>
            </div>

            <h3 className="form-section">{t.register.sections.routing}</h3>
            <div className="form-grid">
              <Field name="leadUnit" label={label.leadUnit} error={errors.leadUnit}>
                <select
                  id={controlId('leadUnit')}
                  value={values.leadUnit}
                  onChange={(e) => {
                    const lead = e.target.value;
                    set('leadUnit', lead);
                    // A unit leads or assists, not both.
                    if (values.coUnits.includes(lead)) set('coUnits', toggle(values.coUnits, lead, false));
                  }}
                  {...describe('leadUnit', errors.leadUnit)}
                >
                  <option value="">{t.register.none}</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </Field>
              <GroupField name="coUnits" label={label.coUnits} error={errors.coUnits} hint={t.register.coUnitsHint} wide>
                <div className="check-list">
                  {units
                    .filter((u) => u.id !== values.leadUnit)
                    .map((u) => (
                      <label key={u.id} className="check">
                        <input
                          type="checkbox"
                          checked={values.coUnits.includes(u.id)}
                          onChange={(e) => set('coUnits', toggle(values.coUnits, u.id, e.target.checked))}
                        />
                        <span>{u.name}</span>
                      </label>
                    ))}
                </div>
              </GroupField>
              <Field name="leaderInstruction" label={label.leaderInstruction} error={errors.leaderInstruction} wide>
                <textarea
                  id={controlId('leaderInstruction')}
                  rows={2}
                  value={values.leaderInstruction}
                  onChange={(e) => set('leaderInstruction', e.target.value)}
                  {...describe('leaderInstruction', errors.leaderInstruction)}
                />
              </Field>
            </div>
          </div>

          <footer className="dialog-footer">
            <button type="button" className="button" onClick={close} disabled={submitting}>
              {t.cancel}
            </button>
            <button type="submit" className="button button-primary" data-testid="register-submit" disabled={submitting}>
              {submitting ? t.register.submitting : t.register.submit}
            </button>
          </footer>
        </form>
      </div>
    </div>
  );
}
