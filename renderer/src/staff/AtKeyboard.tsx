import { t } from '../i18n/zh-CN.js';
import { useStaff } from '../stores/staff.js';

const s = t.staff;

/** The header's "当前人员 张三 切换": who is at the keyboard; shown once the workstation has staff. */
export function AtKeyboard() {
  const staff = useStaff((st) => st.staff);
  const current = useStaff((st) => st.current);
  const openSwitch = useStaff((st) => st.openSwitch);
  if (!staff.some((m) => m.active)) return null;
  return (
    <div className="header-person" data-testid="at-keyboard">
      <span className="header-site-label">{s.atKeyboard}</span>
      <span className="header-site-name" data-testid="at-keyboard-name">
        {current || s.nobody}
      </span>
      <button type="button" className="link-button" data-testid="staff-switch" onClick={openSwitch}>
        {s.switch}
      </button>
    </div>
  );
}
