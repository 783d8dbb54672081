import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumOf, openDatabase, SCHEMA_VERSION } from '../../electron/core/db/open.js';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.js';
import { openLedger } from '../../electron/core/open-ledger.js';
import { tempDir } from '../helpers/temp.js';

describe('opening the ledger database', () => {
  it('creates a WAL database with foreign keys and records each migration with its checksum', () => {
    const path = join(tempDir(), 'l.db');
    const { db } = openDatabase({ path });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const rows = db.prepare('SELECT version, name, checksum FROM migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, checksum: checksumOf(m.sql) })));
    db.close();
  });

  it('reopens an existing database without re-running migrations', () => {
    const path = join(tempDir(), 'l.db');
    openDatabase({ path }).db.close();
    const { db } = openDatabase({ path });
    expect((db.prepare('SELECT count(*) AS n FROM migrations').get() as { n: number }).n).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses loudly a database whose recorded migration differs from ours', () => {
    const path = join(tempDir(), 'l.db');
    openDatabase({ path }).db.close();
    const raw = new Database(path);
    raw.prepare("UPDATE migrations SET checksum = 'tampered' WHERE version = 1").run();
    raw.close();
    expect(() => openDatabase({ path })).toThrow(/迁移记录不一致/);
  });

  it('refuses a database from a newer version of the app', () => {
    const path = join(tempDir(), 'l.db');
    openDatabase({ path }).db.close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO migrations VALUES (999, 'future', 'x', '2030-01-01')").run();
    raw.close();
    expect(() => openDatabase({ path })).toThrow(/高于本程序支持/);
  });

  it('gives a storage error for a file that is not a database', () => {
    const path = join(tempDir(), 'not.db');
    writeFileSync(path, 'this is not sqlite at all, just text'.repeat(200));
    expect(() => openLedger({ path })).toThrow(expect.objectContaining({ code: 'storage' }));
  });
});

describe('first run', () => {
  it('makes a site id once and seeds the ten categories in the seed document order, units, townships and rules', () => {
    const path = join(tempDir(), 'l.db');
    const first = openLedger({ path });
    expect(first.created).toBe(true);
    const site = first.siteId;
    const categories = first.db.prepare('SELECT id, name, short, builtin FROM categories ORDER BY sort_order').all();
    expect(categories.map((c) => (c as { name: string }).name)).toEqual([
      '疫情防控', '房地产金融', '工资拖欠', '环境污染和生态破坏', '食品药品安全', '教育医疗', '养老', '安全生产', '困难群众生活', '其他',
    ]);
    expect(categories.map((c) => (c as { short: string }).short)).toContain('欠薪');
    const unitNames = (first.db.prepare('SELECT name FROM units').all() as { name: string }[]).map((u) => u.name);
    for (const unit of ['县人社局', '县生态环境分局', '县民政局', '县教育局', '县住建局', '县应急管理局', '县公安局', '县信访局', '县政府办公室', '县发改局']) {
      expect(unitNames).toContain(unit);
    }
    const rules = first.db.prepare('SELECT id, info_hours, press_hours, response_hours FROM response_rules ORDER BY id').all();
    expect(rules).toEqual([
      { id: 'extreme', info_hours: 5, press_hours: 24, response_hours: null },
      { id: 'general', info_hours: null, press_hours: null, response_hours: 48 },
      { id: 'large', info_hours: null, press_hours: null, response_hours: 48 },
      { id: 'major', info_hours: 5, press_hours: 24, response_hours: null },
    ]);
    first.close();
    const again = openLedger({ path });
    expect(again.created).toBe(false);
    expect(again.siteId).toBe(site);
    expect((again.db.prepare('SELECT count(*) AS n FROM categories').get() as { n: number }).n).toBe(10);
    again.close();
  });
});
