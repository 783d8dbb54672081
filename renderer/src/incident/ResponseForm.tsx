import { useRef, useState } from 'react';
import { toChinaInputValue } from '../../../shared/china-time.js';
import { responseInputSchema } from '../../../shared/api/responses.js';
import type { Incident } from '../../../shared/schemas.js';
import { CodedField } from '../forms/CodedField.js';
import { DateTimeField } from '../forms/DateTimeField.js';
import { FormActions, useDiscardGuard, useScrollIntoView } from '../forms/DiscardGuard.js';
import { FormField } from '../forms/FormField.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useIncidentPage } from './store.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { useStaff } from '../stores/staff.js';

interface Values {
  at: string;
  method: string;
  channel: string;
  url: string;
  content: string;
  unit: string;
  disposition: string;
  responder: string;
}
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
  const lf = useLedgerForm({
    defaultValues: {
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
    } satisfies Values,
    contract: {
      // Untouched choices are left out, so the schema says “请选择回应方式” rather than “无效”. Left at its default,
      // 回应时间 means “just now”: the exact instant, not the minute the form was opened.
      draft: (v: Values) => ({
        ...(incidents ? { incidents: [...incidents] } : { incident: incident.id }),
        at: v.at === openedAt ? new Date().toISOString() : v.at,
        ...(v.method.trim() ? { method: v.method } : {}),
        ...(v.channel.trim() ? { channel: v.channel } : {}),
        url: v.url,
        content: v.content,
        ...(v.unit ? { unit: v.unit } : {}),
        disposition: v.disposition.trim() === '' ? null : v.disposition,
        responder: v.responder,
      }),
      schema: responseInputSchema,
    },
    ids: { prefix: 'resp', testPrefix: 'response' },
  });
  const { form } = lf;
  const frame = useRef<HTMLFormElement>(null);
  useScrollIntoView(frame);
  const guard = useDiscardGuard(lf.dirty, onDone);

  const submit = lf.onSubmit(async (request) => {
    const result = await call('addResponse', request);
    if (!result.ok) return lf.refuse(result.error);
    notify(t.response.recorded);
    onDone();
    await useIncidentPage.getState().refresh();
  });

  return (
    <form ref={frame} className="form response-form" data-testid="response-form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={guard.onKeyDown}>
      <h3 className="form-section">{t.response.formTitle}</h3>
      {lf.banner()}
      <div className="form-grid">
        <FormField of={lf} name="at" label={label.at} required hint={t.forms.timeHint}>
          <DateTimeField control={form.control} name="at" label={label.at} attributes={lf.control('at', { required: true, hint: t.forms.timeHint })} />
        </FormField>
        <FormField of={lf} name="unit" label={label.unit} required>
          <select {...lf.input('unit', { required: true })}>
            <option value="">{t.register.choose}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField of={lf} name="method" label={label.method} required>
          <CodedField control={form.control} name="method" coded="responseMethod" attributes={lf.control('method', { required: true })} />
        </FormField>
        <FormField of={lf} name="channel" label={label.channel} required>
          <CodedField control={form.control} name="channel" coded="responseChannel" attributes={lf.control('channel', { required: true })} />
        </FormField>
        <FormField of={lf} name="url" label={label.url} wide>
          <input type="text" inputMode="url" {...lf.input('url')} />
        </FormField>
        <FormField of={lf} name="content" label={label.content} wide required>
          <textarea rows={3} {...lf.input('content', { required: true })} />
        </FormField>
        <FormField of={lf} name="disposition" label={label.disposition} wide>
          <CodedField control={form.control} name="disposition" coded="disposition" attributes={lf.control('disposition')} placeholder={t.register.none} />
        </FormField>
        <FormField of={lf} name="responder" label={label.responder} hint={t.response.responderHint}>
          <input type="text" maxLength={20} {...lf.input('responder', { hint: t.response.responderHint })} />
        </FormField>
      </div>
      <FormActions busy={lf.busy} submit={t.response.submit} submitting={t.response.submitting} testId="response-submit" guard={guard} />
    </form>
  );
}
