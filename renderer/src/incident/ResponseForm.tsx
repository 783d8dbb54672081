import { type FormEvent, useState } from 'react';
import { toChinaInputValue } from '../../../shared/china-time.js';
import { responseInputSchema } from '../../../shared/api/responses.js';
import {
  DISPOSITION_LABELS,
  DISPOSITIONS,
  RESPONSE_CHANNEL_LABELS,
  RESPONSE_CHANNELS,
  RESPONSE_METHOD_LABELS,
  RESPONSE_METHODS,
} from '../../../shared/domain.js';
import { type FieldError, fieldErrorsFrom } from '../../../shared/errors.js';
import type { Incident } from '../../../shared/schemas.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useIncidentPage } from '../stores/incidentPage.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { fieldErrors } from '../common/fieldErrors.js';

const FIELDS = ['at', 'method', 'channel', 'url', 'content', 'unit', 'disposition'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;
type Errors = Partial<Record<FieldName, string>>;
const label = t.response.fields;

function isFieldName(name: string): name is FieldName {
  const names: readonly string[] = FIELDS;
  return names.includes(name);
}

/** Each message next to its field (the first per field); the rest for the top of the form. */
function place(fields: readonly FieldError[]): { byField: Errors; other: string[] } {
  const byField: Errors = {};
  const other: string[] = [];
  for (const { path, message } of fields) {
    const name = path.split('.')[0] ?? '';
    if (isFieldName(name)) byField[name] ??= message;
    else other.push(message);
  }
  return { byField, other };
}

/** Records one response (回应): time, 方式, 渠道, link, content, unit and 80号 分类处置. */
export function ResponseForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const reference = useSession((s) => s.reference);
  const units = (reference?.units ?? []).filter((u) => u.active);
  const notify = useUi((s) => s.notify);
  const [openedAt] = useState(() => toChinaInputValue(new Date().toISOString()));
  const [values, setValues] = useState<Values>(() => ({
    at: openedAt,
    method: '',
    channel: '',
    url: '',
    content: '',
    // Usually the lead unit answers.
    unit: incident.leadUnitId ?? '',
    disposition: '',
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const fail = (fields: readonly FieldError[], message: string) => {
    const { byField, other } = place(fields);
    setErrors(byField);
    setGeneral(other.length > 0 || Object.keys(byField).length === 0 ? [message, ...other].join(' ') : null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // Untouched choices are left out, so the schema says “请选择回应方式” rather than “无效”.
    // Left at its default, 回应时间 means “just now”: the exact instant, not the minute the form was opened.
    const at = values.at === openedAt ? new Date().toISOString() : values.at;
    const draft = {
      incident: incident.id,
      at,
      ...(values.method ? { method: values.method } : {}),
      ...(values.channel ? { channel: values.channel } : {}),
      url: values.url,
      content: values.content,
      ...(values.unit ? { unit: values.unit } : {}),
      disposition: values.disposition === '' ? null : values.disposition,
    };
    const parsed = responseInputSchema.safeParse(draft);
    if (!parsed.success) return fail(fieldErrorsFrom(parsed.error), t.register.checkFields(parsed.error.issues.length));
    setBusy(true);
    const result = await call('addResponse', parsed.data);
    setBusy(false);
    if (!result.ok) return fail(result.error.fields ?? [], result.error.message);
    notify(t.response.recorded);
    onDone();
    await useIncidentPage.getState().refresh();
  };

  const { control: fieldProps, message, fieldClass } = fieldErrors<FieldName>('resp', 'response', errors);

  return (
    <form className="form response-form" data-testid="response-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{t.response.formTitle}</h3>
      {general && (
        <div className="banner banner-error" role="alert">
          {general}
        </div>
      )}
      <div className="form-grid">
        <div className={fieldClass('at', ' field-required')}>
          <label className="field-label" htmlFor="resp-at">
            {label.at}
          </label>
          <input type="text" placeholder="2026-11-28 14:05" value={values.at} onChange={(e) => set('at', e.target.value)} {...fieldProps('at')} />
          {message('at')}
        </div>
        <div className={fieldClass('unit', ' field-required')}>
          <label className="field-label" htmlFor="resp-unit">
            {label.unit}
          </label>
          <select value={values.unit} onChange={(e) => set('unit', e.target.value)} {...fieldProps('unit')}>
            <option value="">{t.register.choose}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          {message('unit')}
        </div>
        <div className={fieldClass('method', ' field-required')}>
          <label className="field-label" htmlFor="resp-method">
            {label.method}
          </label>
          <select value={values.method} onChange={(e) => set('method', e.target.value)} {...fieldProps('method')}>
            <option value="">{t.register.choose}</option>
            {RESPONSE_METHODS.map((m) => (
              <option key={m} value={m}>
                {RESPONSE_METHOD_LABELS[m]}
              </option>
            ))}
          </select>
          {message('method')}
        </div>
        <div className={fieldClass('channel', ' field-required')}>
          <label className="field-label" htmlFor="resp-channel">
            {label.channel}
          </label>
          <select value={values.channel} onChange={(e) => set('channel', e.target.value)} {...fieldProps('channel')}>
            <option value="">{t.register.choose}</option>
            {RESPONSE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {RESPONSE_CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
          {message('channel')}
        </div>
        <div className={fieldClass('url', ' field-wide')}>
          <label className="field-label" htmlFor="resp-url">
            {label.url}
          </label>
          <input type="text" inputMode="url" value={values.url} onChange={(e) => set('url', e.target.value)} {...fieldProps('url')} />
          {message('url')}
        </div>
        <div className={fieldClass('content', ' field-wide field-required')}>
          <label className="field-label" htmlFor="resp-content">
            {label.content}
          </label>
          <textarea rows={3} value={values.content} onChange={(e) => set('content', e.target.value)} {...fieldProps('content')} />
          {message('content')}
        </div>
        <div className={fieldClass('disposition', ' field-wide')}>
          <label className="field-label" htmlFor="resp-disposition">
            {label.disposition}
          </label>
          <select value={values.disposition} onChange={(e) => set('disposition', e.target.value)} {...fieldProps('disposition')}>
            <option value="">{t.register.none}</option>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {DISPOSITION_LABELS[d]}
              </option>
            ))}
          </select>
          {message('disposition')}
        </div>
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary" data-testid="response-submit" disabled={busy}>
          {busy ? t.response.submitting : t.response.submit}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
