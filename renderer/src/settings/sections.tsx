import type { ReactNode } from 'react';
import { create } from 'zustand';
import { t } from '../i18n/zh-CN.js';
import { BackupSection } from './BackupSection.js';
import { CalendarOverrides } from './CalendarOverrides.js';
import { CategoryEditor } from './CategoryEditor.js';
import { HolidayNoticeImport } from './HolidayNoticeImport.js';
import { PaperSettings } from './PaperSettings.js';
import { ResponseRulesEditor } from './ResponseRulesEditor.js';
import { TownshipEditor } from './TownshipEditor.js';
import { UnitEditor } from './UnitEditor.js';
import { WorkstationPanel } from './WorkstationPanel.js';
import { WorkstationCodeSection } from './WorkstationCodeSection.js';
import { AuditSection } from './AuditSection.js';
import { StaffSection } from './StaffSection.js';

// 设置's sections, each with its own page, in the order the side list shows them. Adding a section (备份与恢复,
// 工作人员 …) is one entry here: an id for tests and links, its title, and what its page shows.

export interface SettingsSection {
  id: string;
  title: string;
  page: () => ReactNode;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  {
    id: 'workstation',
    title: t.settingsSections.workstation,
    page: () => (
      <>
        <WorkstationPanel />
        <WorkstationCodeSection />
      </>
    ),
  },
  { id: 'papers', title: t.settingsSections.papers, page: () => <PaperSettings /> },
  { id: 'categories', title: t.settingsSections.categories, page: () => <CategoryEditor /> },
  { id: 'rules', title: t.settingsSections.rules, page: () => <ResponseRulesEditor /> },
  { id: 'townships', title: t.settingsSections.townships, page: () => <TownshipEditor /> },
  { id: 'units', title: t.settingsSections.units, page: () => <UnitEditor /> },
  {
    id: 'calendar',
    title: t.settingsSections.calendar,
    page: () => (
      <>
        <HolidayNoticeImport />
        <CalendarOverrides />
      </>
    ),
  },
  { id: 'backup', title: t.settingsSections.backup, page: () => <BackupSection /> },
  { id: 'audit', title: t.settingsSections.audit, page: () => <AuditSection /> },
  { id: 'staff', title: t.settingsSections.staff, page: () => <StaffSection /> },
];

/** Which section 设置 shows; other views open a section directly (the 工作台's backup warning → 备份与恢复). */
export const useSettingsSection = create<{ id: string; open: (id: string) => void }>((set) => ({
  id: SETTINGS_SECTIONS[0]!.id,
  open: (id) => set({ id }),
}));
