import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue, opsOfRow, storeOps } from '../../electron/core/ledger/op-store.js';
import { LEDGER_TABLES, type FieldType, type FieldValue } from '../../electron/core/ledger/tables.js';
import { tempLedger } from '../helpers/temp.js';

// Operations are stored compactly (migration 9) but must read back exactly as written: the audit digests, the
// bundles and the view `ops` all see the logical value.

const valueOf: Record<FieldType, fc.Arbitrary<FieldValue>> = {
  text: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2026-02-30T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '')),
  'text?': fc.oneof(fc.constant(null), fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  int: fc.maxSafeInteger(),
  bool: fc.boolean(),
  'real?': fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()),
  'json-strings': fc.array(fc.string()),
};

describe('compact operation storage', () => {
  it('decodes every value of every field type to what was encoded', () => {
    for (const type of Object.keys(valueOf) as FieldType[]) {
      fc.assert(
        fc.property(valueOf[type], (value) => {
          const stored = encodeValue(type, value);
          // What SQLite hands back: integers as numbers (safe ones; times and flags always are).
          const read = typeof stored === 'bigint' ? Number(stored) : stored;
          expect(JSON.stringify(decodeValue(type, read))).toBe(JSON.stringify(value));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('stores through the database and reads back the same operations, in the view ops as JSON', () => {
    const ledger = tempLedger();
    const fields = Object.entries(LEDGER_TABLES.incidents) as [string, FieldType][];
    fc.assert(
      fc.property(fc.tuple(...fields.map(([, type]) => valueOf[type])), (values) => {
        const row = `r${Math.random().toString(16).slice(2)}`;
        const ops = fields.map(([col], i) => ({ hlc: ledger.ctx.hlc.next(), site: ledger.siteId, tbl: 'incidents' as const, row, col, value: values[i]! }));
        ledger.ctx.guard.allow(() => ledger.db.transaction(() => storeOps(ledger.db, ops))());
        expect(opsOfRow(ledger.db, 'incidents', row)).toEqual(ops);
        const viewed = ledger.db.prepare('SELECT hlc, col, value FROM ops WHERE row = ? ORDER BY hlc').all(row);
        expect(viewed).toEqual(ops.map((op) => ({ hlc: op.hlc, col: op.col, value: JSON.stringify(op.value) })));
      }),
      { numRuns: 60 },
    );
  });
});
