import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Db, openDatabase, SCHEMA_VERSION } from './db/open.js';
import type { LedgerContext } from './ledger/mutate.js';
import { seedReference } from './ledger/seed.js';
import { createHlc } from './sync/hlc.js';
import { releaseHeldOps } from './sync/held.js';
import { actAs, checkStaff, currentStaff } from './ledger/staff.js';
import type { Migration } from './db/migrations/index.js';
import type { Catalogue } from './ledger/tables.js';
import { defaultKeyStore, type KeyStore } from './sync/keystore.js';

export interface OpenLedgerOptions {
  /** The database file (the app passes one under userData; the CLI takes --db), or ':memory:'. */
  path: string;
  /** Milliseconds since the epoch; defaults to the system clock. */
  now?: () => number;
  /** Who works at this workstation, for the audit log. */
  actor?: string;
  /** A member of this workstation's staff acting for this opening only (yq --as 姓名); refused if not active staff. */
  staff?: string;
  /** Name given to a new workstation (an existing one keeps its own; see ledger/workstation.ts to rename). */
  siteName?: string;
  /** Code given to a new workstation for its incident numbers (YQ-2026-宣-0001); see ledger/numbering.ts. */
  siteCode?: string;
  /** The better-sqlite3 addon built for the running ABI (Electron passes its own). */
  nativeBinding?: string;
  /** Where attachment files live (content-addressed); defaults to `attachments/` beside the database file. */
  attachmentsDir?: string;
  /** Where attachments are copied to be opened by the system viewer; defaults to a folder in the OS temp dir. */
  openCopiesDir?: string;
  /** Where this workstation's private sync keys live (main passes a safeStorage-backed one); default `<db>.keys`. */
  keyStore?: KeyStore;
  /** Tests only: open as another version of the app would (its migrations and its synced-table catalogue). */
  version?: { migrations: readonly Migration[]; catalogue: Catalogue };
}

export interface Ledger {
  ctx: LedgerContext;
  db: Db;
  siteId: string;
  /** Kept in step with `meta.site_name` by renameWorkstation. */
  siteName: string;
  schemaVersion: number;
  /** Whether this call created the ledger (and seeded it). */
  created: boolean;
  attachmentsDir: string;
  openCopiesDir: string;
  keyStore: KeyStore;
  /** The database file (or ':memory:') and the addon it was opened with: backups open copies of it. */
  path: string;
  nativeBinding?: string;
  close(): void;
}

function readMeta(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/**
 * Opens a ledger, creating and seeding it on first use. The site id is made once per database and never
 * changes; the clock resumes after the highest stamp the ledger has seen, so it never goes backwards.
 */
export function openLedger(options: OpenLedgerOptions): Ledger {
  const now = options.now ?? Date.now;
  const { db, guard } = openDatabase({
    path: options.path,
    ...(options.version ? { migrations: options.version.migrations } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // Creating the site and seeding happen in one transaction: a crash leaves either nothing or a whole ledger.
    const setup = db.transaction(() => {
      let siteId = readMeta(db, 'site_id');
      const created = siteId === undefined;
      if (siteId === undefined) {
        siteId = randomBytes(8).toString('hex');
        const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        insert.run('site_id', siteId);
        // A placeholder until the office names the workstation (设置, `yq init --name`, `yq identity --name`).
        insert.run('site_name', options.siteName ?? `工作站-${siteId.slice(0, 4)}`);
        insert.run('created_at', new Date(now()).toISOString());
        if (options.siteCode) insert.run('site_code', options.siteCode);
      }
      const siteName = readMeta(db, 'site_name') ?? siteId;
      const last = (db.prepare('SELECT max(max_hlc) AS hlc FROM sites').get() as { hlc: string | null }).hlc;
      const hlc = createHlc({ site: siteId, now, ...(last ? { last } : {}) });
      const ctx: LedgerContext = {
        db, guard, hlc, site: siteId, now, actor: options.actor ?? siteName,
        ...(options.version ? { catalogue: options.version.catalogue } : {}),
      };
      if (created) seedReference(ctx);
      return { ctx, siteId, siteName, created };
    });
    const { ctx, siteId, siteName, created } = setup.immediate();
    // The person chosen at this keyboard last time, unless the caller names someone (yq --as).
    if (options.staff !== undefined) checkStaff(db, options.staff);
    const chosen = options.staff ?? (options.actor === undefined ? currentStaff(db) : '');
    if (chosen) actAs(ctx, chosen);
    // What a newer peer synced before this version knew it shows now (sync/held.ts).
    releaseHeldOps(ctx);
    const attachmentsDir =
      options.attachmentsDir ??
      (options.path === ':memory:' ? join(tmpdir(), `yq-attachments-${siteId}`) : join(dirname(options.path), 'attachments'));
    const openCopiesDir = options.openCopiesDir ?? join(tmpdir(), `yuqing-ledger-open-${siteId}`);
    return { ctx, db, siteId, siteName, schemaVersion: options.version?.migrations.length ?? SCHEMA_VERSION, created, attachmentsDir, openCopiesDir,
      keyStore: options.keyStore ?? defaultKeyStore(options.path), path: options.path,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
