import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { InPlaceSetting } from './InPlaceSetting.js';

const s = t.settings;

/**
 * 工作站名称 in 设置: shown, and renamed in place. The core validates (1–30 characters, one line) and audits the
 * rename. Peers keep the name from the card they added, which is why the notice sends people to export a new card.
 */
export function WorkstationName() {
  const name = useSession((st) => st.appInfo?.siteName ?? '');
  return (
    <InPlaceSetting
      value={name}
      shown={name}
      editLabel={s.rename}
      inputLabel={s.renameLabel}
      hint={s.renameHint}
      hintId="ws-name-hint"
      saveLabel={s.renameSave}
      savingLabel={s.renameSaving}
      testIds={{ shown: 'site-name', edit: 'site-rename', save: 'site-rename-save', error: 'site-rename-error' }}
      save={(draft) => call('renameWorkstation', { name: draft })}
      saved={(info) => s.renamed(info.siteName)}
    />
  );
}
