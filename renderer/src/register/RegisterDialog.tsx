import { type KeyboardEvent, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { SENTIMENT_LABELS, SENTIMENTS, SEVERITIES, SEVERITY_INFO } from '../../../shared/domain.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import type { PickedFile } from '../common/files.js';
import { CodedField } from '../forms/CodedField.js';
import { DateTimeField } from '../forms/DateTimeField.js';
import { useDiscardGuard } from '../forms/DiscardGuard.js';
import { ChoiceField, FormField } from '../forms/FormField.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useIncidents } from '../incident-list/store.js';
import { useNav } from '../stores/nav.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { AttachmentPicker } from './AttachmentPicker.js';
import { CategoryWord } from './CategoryWord.js';
import { Suggestions } from './Suggestions.js';
import { type RecurrenceDecision, RecurrenceSuggestion } from './RecurrenceSuggestion.js';
import { draftOf, initialValues, type RegisterValues } from './form.js';

const label = t.register.fields;

/** The list with the value added (in the order chosen: the first category is the main one) or taken out. */
function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

/** The 登记 form: validates with the shared schema first, then lets the core have the last word. */
export function RegisterDialog() {
  const reference = useSession((s) => s.reference);
  const close = useUi((s) => s.closeRegister);
  const notify = useUi((s) => s.notify);
  const reload = useIncidents((s) => s.reload);
  const selectIncident = useIncidents((s) => s.selectIncident);
  const openIncident = useNav((s) => s.openIncident);

  const [defaults] = useState(() => initialValues(new Date().toISOString()));
  const lf = useLedgerForm<RegisterValues, ReturnType<typeof incidentInputSchema.parse>>({
    defaultValues: defaults,
    contract: { draft: draftOf, schema: incidentInputSchema },
    ids: { prefix: 'reg', testPrefix: '' },
    // A long dialog: the refusal is said on top too, as its field may be scrolled out of sight.
    sayWholeRefusal: true,
  });
  const { form } = lf;
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [recurrence, setRecurrence] = useState<RecurrenceDecision>(null);
  const watched = useWatch({ control: form.control, name: ['title', 'summary', 'categories', 'foundAt', 'leadUnit', 'coUnits', 'township', 'involvedUnit'] });
  const [title, summary, chosen, foundAt, leadUnit, coUnits, township, involvedUnit] = watched;
  const guard = useDiscardGuard(lf.dirty || files.length > 0, close);

  const submit = lf.onSubmit(async (request) => {
    const result = await call('createIncident', request);
    if (!result.ok) return lf.refuse(result.error);
    // The files go once the incident exists; a refused file does not undo the registration, it is reported.
    let failed = 0;
    for (const file of files) {
      const added = await call('addAttachment', { incident: result.value.id, name: file.name, mime: file.mime, dataBase64: file.dataBase64 });
      if (!added.ok) failed++;
    }
    // A 反弹 the person confirmed is recorded on both incidents once this one exists; dismissing is recorded too.
    if (recurrence !== null) {
      await call('markRecurrence', { incident: result.value.id, of: recurrence === 'dismissed' ? null : recurrence.of, dismissed: recurrence === 'dismissed' });
    }
    close();
    notify(failed === 0 ? t.ledger.registered(result.value.number) : t.ledger.registeredWithFailures(result.value.number, failed));
    // The new incident is what the clerk works on next: it opens, and is the selected row on the way back.
    openIncident(result.value.id);
    await reload();
    selectIncident(result.value.id);
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || lf.busy) return;
    event.stopPropagation();
    // Esc while the question is asked means “keep editing”.
    if (guard.asking) guard.keep();
    else guard.leave();
  };

  const categories = reference?.categories ?? [];
  const units = (reference?.units ?? []).filter((u) => u.active);
  const townships = (reference?.townships ?? []).filter((tw) => tw.active);
  const setList = (name: 'categories' | 'coUnits', list: string[]) => form.setValue(name, list, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="reg-heading" onKeyDown={onKeyDown}>
        <form className="form" data-testid="register-form" noValidate onSubmit={(e) => void submit(e)}>
          <header className="dialog-header">
            <h2 id="reg-heading">{t.register.title}</h2>
            <button type="button" className="dialog-close" aria-label={t.close} onClick={guard.leave}>
              ×
            </button>
          </header>

          <div className="dialog-body">
            {lf.banner('register-error')}

            <h3 className="form-section">{t.register.sections.basic}</h3>
            <div className="form-grid">
              <FormField of={lf} name="title" label={label.title} required wide>
                <input type="text" maxLength={200} autoFocus {...lf.input('title', { required: true })} />
              </FormField>
              <FormField of={lf} name="summary" label={label.summary} wide>
                <textarea rows={3} {...lf.input('summary')} />
                <RecurrenceSuggestion
                  title={title}
                  summary={summary}
                  categories={chosen}
                  foundAt={foundAt}
                  township={township}
                  involvedUnit={involvedUnit}
                  decision={recurrence}
                  onDecide={setRecurrence}
                />
              </FormField>
              <FormField of={lf} name="platform" label={label.platform} required>
                <CodedField control={form.control} name="platform" coded="platform" attributes={lf.control('platform', { required: true })} />
              </FormField>
              <FormField of={lf} name="url" label={label.url} hint={t.register.urlHint}>
                <input type="text" inputMode="url" {...lf.input('url', { hint: t.register.urlHint })} />
              </FormField>
              <FormField of={lf} name="firstSeenAt" label={label.firstSeenAt} hint={t.forms.timeHint}>
                <DateTimeField control={form.control} name="firstSeenAt" label={label.firstSeenAt} attributes={lf.control('firstSeenAt', { hint: t.forms.timeHint })} />
              </FormField>
              <FormField of={lf} name="foundAt" label={label.foundAt} required hint={t.forms.timeHint}>
                <DateTimeField control={form.control} name="foundAt" label={label.foundAt} attributes={lf.control('foundAt', { hint: t.forms.timeHint, required: true })} />
              </FormField>
              <FormField of={lf} name="township" label={label.township}>
                <select {...lf.input('township')}>
                  <option value="">{t.register.none}</option>
                  {townships.map((tw) => (
                    <option key={tw.id} value={tw.id}>
                      {tw.name}
                    </option>
                  ))}
                </select>
              </FormField>
              <FormField of={lf} name="involvedUnit" label={label.involvedUnit}>
                <input type="text" {...lf.input('involvedUnit')} />
              </FormField>
              <div className="field field-wide" role="group" aria-labelledby="reg-attachments-label">
                <span className="field-label" id="reg-attachments-label">
                  {label.attachments}
                </span>
                <AttachmentPicker files={files} onChange={setFiles} />
              </div>
            </div>

            <h3 className="form-section">{t.register.sections.grading}</h3>
            <div className="form-grid">
              <ChoiceField of={lf} name="categories" label={label.categories} required wide>
                <Suggestions text={`${title}\n${summary}`} categories={categories} chosen={chosen} onAccept={(code) => setList('categories', [...chosen, code])} />
                <CategoryWord categories={categories} chosen={chosen} onPick={(code) => setList('categories', [...chosen, code])} />
                <div className="chips">
                  {categories.map((c) => (
                    <label key={c.code} className="chip" style={{ '--tag-color': c.color }} title={c.keywords.join('、')}>
                      <input type="checkbox" value={c.code} checked={chosen.includes(c.code)} onChange={(e) => setList('categories', toggle(chosen, c.code, e.target.checked))} />
                      <span>{c.name}</span>
                    </label>
                  ))}
                </div>
              </ChoiceField>
              <ChoiceField of={lf} name="severity" label={label.severity} required>
                <div className="chips">
                  {SEVERITIES.map((s) => (
                    <label key={s} className="chip" style={{ '--tag-color': SEVERITY_INFO[s].color }}>
                      <input type="radio" value={s} {...form.register('severity')} />
                      <span>{SEVERITY_INFO[s].label}</span>
                    </label>
                  ))}
                </div>
              </ChoiceField>
              <ChoiceField of={lf} name="sentiment" label={label.sentiment}>
                <div className="chips">
                  {SENTIMENTS.map((s) => (
                    <label key={s} className="chip chip-plain">
                      <input type="radio" value={s} {...form.register('sentiment')} />
                      <span>{SENTIMENT_LABELS[s]}</span>
                    </label>
                  ))}
                </div>
              </ChoiceField>
              <FormField of={lf} name="keyType61" label={label.keyType61} wide>
                <CodedField control={form.control} name="keyType61" coded="keyType61" attributes={lf.control('keyType61')} placeholder={t.register.none} />
              </FormField>
            </div>

            <h3 className="form-section">{t.register.sections.routing}</h3>
            <div className="form-grid">
              <FormField of={lf} name="leadUnit" label={label.leadUnit}>
                <select
                  {...lf.input('leadUnit')}
                  {...form.register('leadUnit', {
                    // A unit leads or assists, not both.
                    onChange: (e: { target: { value: string } }) => {
                      const lead = e.target.value;
                      if (coUnits.includes(lead)) setList('coUnits', coUnits.filter((u) => u !== lead));
                    },
                  })}
                >
                  <option value="">{t.register.none}</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </FormField>
              <ChoiceField of={lf} name="coUnits" label={label.coUnits} hint={t.register.coUnitsHint} wide>
                <div className="check-list">
                  {units
                    .filter((u) => u.id !== leadUnit)
                    .map((u) => (
                      <label key={u.id} className="check">
                        <input type="checkbox" value={u.id} checked={coUnits.includes(u.id)} onChange={(e) => setList('coUnits', toggle(coUnits, u.id, e.target.checked))} />
                        <span>{u.name}</span>
                      </label>
                    ))}
                </div>
              </ChoiceField>
              <FormField of={lf} name="leaderInstruction" label={label.leaderInstruction} wide>
                <textarea rows={2} {...lf.input('leaderInstruction')} />
              </FormField>
            </div>
          </div>

          <footer className="dialog-footer">
            {guard.question}
            <button type="button" className="button" onClick={guard.leave} disabled={lf.busy}>
              {t.cancel}
            </button>
            <button type="submit" className="button button-primary" data-testid="register-submit" disabled={lf.busy}>
              {lf.busy ? t.register.submitting : t.register.submit}
            </button>
          </footer>
        </form>
      </div>
    </div>
  );
}
