import { useEffect } from 'react';
import { staffMethods } from '../../../shared/api/staff.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { FormField } from '../forms/FormField.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useStaff } from '../stores/staff.js';
import { useUi } from '../stores/ui.js';
import '../staff/staff.css';

const s = t.staff;

interface Values {
  name: string;
  post: string;
}
const BLANK: Values = { name: '', post: '' };

/** 设置 → 人员: this workstation's staff (姓名, 岗位); add and deactivate. Not synced: each workstation keeps its own. */
export function StaffSection() {
  const staff = useStaff((st) => st.staff);
  const current = useStaff((st) => st.current);
  const load = useStaff((st) => st.load);
  const notify = useUi((st) => st.notify);
  const lf = useLedgerForm({
    defaultValues: BLANK,
    contract: { draft: (v: Values) => ({ name: v.name, post: v.post }), schema: staffMethods.addStaff.input },
    ids: { prefix: 'staff', testPrefix: 'staff' },
  });

  useEffect(() => {
    void load();
  }, [load]);

  // The core has the last word (a name already taken): the form layer puts its refusal under the field it names.
  const add = lf.onSubmit(async (request) => {
    const result = await call('addStaff', request);
    if (!result.ok) return lf.refuse(result.error);
    lf.form.reset(BLANK);
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
        {lf.banner()}
        <div className="named-add-grid">
          <FormField of={lf} name="name" label={s.name} required>
            <input type="text" maxLength={20} {...lf.input('name', { required: true })} />
          </FormField>
          <FormField of={lf} name="post" label={s.post}>
            <input type="text" maxLength={30} placeholder={s.postHint} {...lf.input('post')} />
          </FormField>
        </div>
        <div className="inline-actions">
          <button type="submit" className="button button-primary" disabled={lf.busy}>
            {s.add}
          </button>
        </div>
      </form>
    </section>
  );
}
