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
import { fieldErrorsFrom } from '../../../shared/errors.js';
import type { Incident } from '../../../shared/schemas.js';
import { FormActions, useEntryForm } from '../common/entryForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useIncidentPage } from '../stores/incidentPage.js';
import { useSession } from '../stores/session.js';
import { useStaff } from '../stores/staff.js';
import { useUi } from '../stores/ui.js';

const FIELDS = ['at', 'method', 'channel', 'url', 'content', 'unit', 'disposition', 'responder'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;
const label = t.response.fields;

/**
 * Records one response (回应): time, 方式, 渠道, link, content, unit and 80号 分类处置. With `incidents` (ids, this
 * incident among them) it is a 共性回应 recorded once for all of them.
 */
export function ResponseForm({ incident, onDone, incidents }: { incident: Incident; onDone: () => void; incidents?: readonly string[] }) {
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
    // The person at the keyboard, as 登记人 is; they may name someone else.
    responder: useStaff.getState().current,
  }));
  const form = useEntryForm(FIELDS, { idPrefix: 'resp', testPrefix: 'response' });

  const set = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    form.clear(name);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.busy) return;
    // Untouched choices are left out, so the schema says “请选择回应方式” rather than “无效”.
    // Left at its default, 回应时间 means “just now”: the exact instant, not the minute the form was opened.
    const at = values.at === openedAt ? new Date().toISOString() : values.at;
    const draft = {
      ...(incidents ? { incidents: [...incidents] } : { incident: incident.id }),
      at,
      ...(values.method ? { method: values.method } : {}),
      ...(values.channel ? { channel: values.channel } : {}),
      url: values.url,
      content: values.content,
      ...(values.unit ? { unit: values.unit } : {}),
      disposition: values.disposition === '' ? null : values.disposition,
      responder: values.responder,
    };
    const parsed = responseInputSchema.safeParse(draft);
    if (!parsed.success) return form.fail(fieldErrorsFrom(parsed.error), t.register.checkFields(parsed.error.issues.length));
    if (!(await form.send(() => call('addResponse', parsed.data)))) return;
    notify(t.response.recorded);
    onDone();
    await useIncidentPage.getState().refresh();
  };

  return (
    <form className="form response-form" data-testid="response-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{t.response.formTitle}</h3>
      {form.banner}
      <div className="form-grid">
        {form.field(
          'at',
          label.at,
          <input type="text" placeholder="2026-11-28 14:05" value={values.at} onChange={(e) => set('at', e.target.value)} {...form.control('at')} />,
          { required: true },
        )}
        {form.field(
          'unit',
          label.unit,
          <select value={values.unit} onChange={(e) => set('unit', e.target.value)} {...form.control('unit')}>
            <option value="">{t.register.choose}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>,
          { required: true },
        )}
        {form.field(
          'method',
          label.method,
          <select value={values.method} onChange={(e) => set('method', e.target.value)} {...form.control('method')}>
            <option value="">{t.register.choose}</option>
            {RESPONSE_METHODS.map((m) => (
              <option key={m} value={m}>
                {RESPONSE_METHOD_LABELS[m]}
              </option>
            ))}
          </select>,
          { required: true },
        )}
        {form.field(
          'channel',
          label.channel,
          <select value={values.channel} onChange={(e) => set('channel', e.target.value)} {...form.control('channel')}>
            <option value="">{t.register.choose}</option>
            {RESPONSE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {RESPONSE_CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>,
          { required: true },
        )}
        {form.field(
          'url',
          label.url,
          <input type="text" inputMode="url" value={values.url} onChange={(e) => set('url', e.target.value)} {...form.control('url')} />,
          { wide: true },
        )}
        {form.field(
          'content',
          label.content,
          <textarea rows={3} value={values.content} onChange={(e) => set('content', e.target.value)} {...form.control('content')} />,
          { wide: true, required: true },
        )}
        {form.field(
          'disposition',
          label.disposition,
          <select value={values.disposition} onChange={(e) => set('disposition', e.target.value)} {...form.control('disposition')}>
            <option value="">{t.register.none}</option>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {DISPOSITION_LABELS[d]}
              </option>
            ))}
          </select>,
          { wide: true },
        )}
        {form.field(
          'responder',
          label.responder,
          <input type="text" maxLength={20} value={values.responder} onChange={(e) => set('responder', e.target.value)} {...form.control('responder')} />,
          { hint: t.response.responderHint },
        )}
      </div>
      <FormActions busy={form.busy} submit={t.response.submit} submitting={t.response.submitting} testId="response-submit" onCancel={onDone} />
    </form>
  );
}
