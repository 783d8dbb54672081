import { t } from '../i18n/zh-CN.js';
import { SETTINGS_SECTIONS, useSettingsSection } from '../settings/sections.js';

/** 设置: a list of sections at the side, the chosen one's page beside it (settings/sections.tsx lists them). */
export function SettingsView() {
  const { id: chosen, open: setChosen } = useSettingsSection();
  const section = SETTINGS_SECTIONS.find((s) => s.id === chosen) ?? SETTINGS_SECTIONS[0]!;
  return (
    <div className="settings-layout">
      <nav className="settings-nav" aria-label={t.settingsSections.label}>
        {SETTINGS_SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            className="settings-tab"
            aria-current={s.id === section.id ? 'page' : undefined}
            data-testid={`settings-tab-${s.id}`}
            onClick={() => setChosen(s.id)}
          >
            {s.title}
          </button>
        ))}
      </nav>
      <div className="settings">{section.page()}</div>
    </div>
  );
}
