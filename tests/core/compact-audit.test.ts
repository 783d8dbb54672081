import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.js';
import { insertAuditRow } from '../../electron/core/ledger/audit-store.js';
import type { AuditRow } from '../../electron/core/ledger/audit.js';
import { tempDir } from '../helpers/temp.js';

// Migration 19 and audit-store.ts keep audit entries compactly; the view `audit` must give back every entry's text
// exactly as it was sealed — times, stamps and hashes in their usual form, and anything else untouched.

const COMPACT = MIGRATIONS.findIndex((m) => m.name === 'compact-audit');
const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const site = hex(16);
const iso = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const stamp = (of: fc.Arbitrary<string>) => fc.tuple(iso, hex(4), of).map(([t, c, s]) => `${t}-${c}-${s}`);
// What an older or foreign writer could have left: near misses of each form, kept as text.
const odd = fc.constantFrom('', '2026-11-20 01:00', '2026-02-30T00:00:00.000Z', '1969-12-31T23:59:59.999Z', 'ABCDEF', '0'.repeat(63), 'x'.repeat(64));
const sha = fc.oneof({ weight: 5, arbitrary: hex(64) }, { weight: 1, arbitrary: odd }, { weight: 1, arbitrary: hex(64).map((h) => h.toUpperCase()) });

const entry = (seq: number) =>
  fc.record({
    at: fc.oneof({ weight: 5, arbitrary: iso }, { weight: 1, arbitrary: odd }),
    site,
    actor: fc.string(),
    action: fc.constantFrom('create', 'update', 'seed'),
    entity: fc.constantFrom('incident', 'reference'),
    entity_id: fc.string(),
    summary: fc.string(),
    op_count: fc.nat(300),
    stamps: fc.oneof(
      { weight: 5, arbitrary: site.chain((s) => fc.tuple(stamp(fc.constant(s)), stamp(fc.constant(s)))) },
      { weight: 1, arbitrary: fc.tuple(stamp(site), stamp(site)) },
      { weight: 1, arbitrary: fc.tuple(odd, odd) },
    ),
    ops_digest: sha,
    prev_hash: sha,
    hash: sha,
  }).map(({ stamps: [first_hlc, last_hlc], ...rest }): AuditRow => ({ seq, ...rest, first_hlc, last_hlc }));

const entries = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entry(i + 1))));
const readBack = (db: ReturnType<typeof openDatabase>['db']) => db.prepare('SELECT * FROM audit ORDER BY seq').all();

describe('the compact audit log', () => {
  it('gives back through the view every entry written before the migration, exactly', () => {
    fc.assert(
      fc.property(entries, (rows) => {
        const path = join(tempDir(), 'old.db');
        const old = openDatabase({ path, migrations: MIGRATIONS.slice(0, COMPACT) });
        old.guard.allow(() => {
          const insert = old.db.prepare(
            `INSERT INTO audit (seq, at, site, actor, action, entity, entity_id, summary, op_count, first_hlc, last_hlc, ops_digest, prev_hash, hash)
             VALUES (@seq, @at, @site, @actor, @action, @entity, @entity_id, @summary, @op_count, @first_hlc, @last_hlc, @ops_digest, @prev_hash, @hash)`,
          );
          for (const row of rows) insert.run(row);
        });
        old.db.close();
        const { db } = openDatabase({ path, migrations: MIGRATIONS });
        expect(readBack(db)).toEqual(rows);
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('gives back through the view every entry written after it, exactly, and stores the usual forms compactly', () => {
    fc.assert(
      fc.property(entries, (rows) => {
        const { db, guard } = openDatabase({ path: join(tempDir(), 'new.db'), migrations: MIGRATIONS });
        guard.allow(() => {
          for (const row of rows) insertAuditRow(db, row);
        });
        expect(readBack(db)).toEqual(rows);
        const stored = db.prepare('SELECT typeof(at) AS at, typeof(first_hlc) AS first, typeof(hash) AS hash FROM audit_log ORDER BY seq').all() as {
          at: string;
          first: string;
          hash: string;
        }[];
        rows.forEach((row, i) => {
          expect(stored[i]!.at).toBe(/^\d{4}-.*Z$/.test(row.at) && new Date(row.at).toISOString() === row.at && row.at >= '1970' ? 'integer' : 'text');
          expect(stored[i]!.hash).toBe(/^[0-9a-f]{64}$/.test(row.hash) ? 'blob' : 'text');
          const sameSite = row.first_hlc.slice(30) === row.last_hlc.slice(30) && /^\d{4}-/.test(row.first_hlc) && /^\d{4}-/.test(row.last_hlc);
          if (!sameSite) expect(stored[i]!.first).toBe('text');
        });
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});
