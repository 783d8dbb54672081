import { type PaperSettings, paperSettingsSchema } from '../../../shared/api/paper.js';
import type { Db } from '../db/open.js';
import { audited } from './audit.js';
import type { LedgerContext } from './mutate.js';
import { cached } from './statements.js';

// The papers' masthead (编印单位, 报/送) lives in `meta` beside the workstation's name: local, not synced (see
// shared/api/paper.ts for why), and a change is audited like a rename.

const KEY = 'paper_settings';
const EMPTY: PaperSettings = { issuer: '', reportTo: '', copyTo: '' };

export function getPaperSettings(db: Db): PaperSettings {
  const row = cached(db, 'SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return EMPTY;
  const parsed = paperSettingsSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : EMPTY;
}

export function setPaperSettings(ctx: LedgerContext, settings: PaperSettings): PaperSettings {
  const before = getPaperSettings(ctx.db);
  if (JSON.stringify(before) === JSON.stringify(settings)) return before;
  audited(
    ctx,
    { action: 'paper.settings', entity: 'workstation', entityId: ctx.site, summary: `报告版头设置：编印单位“${settings.issuer || '（工作站名称）'}”` },
    () => {
      cached(ctx.db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(settings));
    },
  );
  return settings;
}

/** What a paper prints: the issuer defaults to the workstation's name. */
export function paperMasthead(db: Db, siteName: string): PaperSettings {
  const settings = getPaperSettings(db);
  return { ...settings, issuer: settings.issuer || siteName };
}
