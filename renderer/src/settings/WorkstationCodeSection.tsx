import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { InPlaceSetting } from './InPlaceSetting.js';

const s = t.identity;

/**
 * 设置 → 事件编号: the code this workstation puts in the numbers it gives (YQ-2026-宣-0001). The core checks the
 * code's form and that no peer uses it, and audits the change; numbers already given never change.
 */
export function WorkstationCodeSection() {
  const code = useSession((st) => st.appInfo?.siteCode ?? '');
  return (
    <section className="panel" data-testid="settings-numbering">
      <PanelHeading title={s.codeTitle} />
      <dl className="facts">
        <dt>{s.code}</dt>
        <dd>
          <InPlaceSetting
            value={code}
            shown={code || s.codeNone}
            editLabel={code ? s.codeChange : s.codeSet}
            inputLabel={s.codeLabel}
            hint={s.codeHint}
            hintId="ws-code-hint"
            saveLabel={s.codeSave}
            maxLength={8}
            testIds={{ shown: 'site-code', edit: 'site-code-edit', save: 'site-code-save', error: 'site-code-error' }}
            save={(draft) => call('setWorkstationCode', { code: draft })}
            saved={(info) => s.codeSaved(info.siteCode)}
          />
        </dd>
      </dl>
      <p className="field-hint">{code ? s.codeExample(code) : s.codeMissing}</p>
    </section>
  );
}
