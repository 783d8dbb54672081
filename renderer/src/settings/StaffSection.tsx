import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { staffMethods } from '../../../shared/api/staff.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useStaff } from '../stores/staff.js';
import { useUi } from '../stores/ui.js';
import '../staff/staff.css';

const s = t.staff;
const addSchema = staffMethods.addStaff.input;
type AddInput = z.input<typeof addSchema>;
type AddOutput = z.output<typeof addSchema>;

/** 设置 → 人员: this workstation's staff (姓名, 岗位); add and deactivate. Not synced: each workstation keeps its own. */
export function StaffSection() {
  const staff = useStaff((st) => st.staff);
  const current = useStaff((st) => st.current);
  const load = useStaff((st) => st.load);
  const notify = useUi((st) => st.notify);
  const form = useForm<AddInput, unknown, AddOutput>({ resolver: zodResolver(addSchema), defaultValues: { name: '', post: '' } });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    void load();
  }, [load]);

  const add = form.handleSubmit(async (input) => {
    const result = await call('addStaff', input);
    if (!result.ok) {
      // The core has the last word (a name already taken): its refusal goes under the field it names.
      const onField = result.error.fields?.find((f) => f.path === 'name' || f.path === 'post');
      form.setError(onField?.path === 'post' ? 'post' : 'name', { message: onField?.message ?? result.error.message });
      return;
    }
    form.reset();
    notify(s.added(result.value.name));
    await load();
  });

  const deactivate = async (name: string) => {
    const result = await call('deactivateStaff', { name });
    if (!result.ok) return notify(result.error.message);
    notify(s.deactivated(name));
    await load();
  };

  return (
    <section className="panel" data-testid="settings-staff">
      <PanelHeading title={s.settingsTitle} />
      <p className="field-hint">{s.settingsHint}</p>
      {staff.length === 0 ? (
        <p className="field-hint" data-testid="staff-empty">
          {s.empty}
        </p>
      ) : (
        <ul className="staff-list" data-testid="staff-list">
          {staff.map((m) => (
            <li key={m.name} className={`staff-row${m.active ? '' : ' staff-row-inactive'}`} data-testid={`staff-${m.name}`}>
              <strong>{m.name}</strong>
              <span>{m.post}</span>
              {m.name === current && <span className="chip">{s.current}</span>}
              {m.active ? (
                <button type="button" className="link-button" aria-label={`${s.deactivate} ${m.name}`} onClick={() => void deactivate(m.name)}>
                  {s.deactivate}
                </button>
              ) : (
                <span>{s.inactive}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="form named-add" data-testid="staff-add" noValidate onSubmit={(e) => void add(e)}>
        <div className="named-add-grid">
          <div className={`field field-required${errors.name ? ' field-invalid' : ''}`}>
            <label className="field-label" htmlFor="staff-name">
              {s.name}
            </label>
            <input id="staff-name" type="text" maxLength={20} aria-invalid={errors.name ? true : undefined} {...form.register('name')} />
            {errors.name && (
              <p className="field-error" data-testid="staff-name-error">
                {errors.name.message}
              </p>
            )}
          </div>
          <div className={`field${errors.post ? ' field-invalid' : ''}`}>
            <label className="field-label" htmlFor="staff-post">
              {s.post}
            </label>
            <input id="staff-post" type="text" maxLength={30} placeholder={s.postHint} {...form.register('post')} />
            {errors.post && <p className="field-error">{errors.post.message}</p>}
          </div>
        </div>
        <div className="inline-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {s.add}
          </button>
        </div>
      </form>
    </section>
  );
}
