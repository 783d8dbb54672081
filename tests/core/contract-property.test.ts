import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileGate, NOT_CHOSEN_MESSAGE } from '../../electron/core/file-gate.js';
import { verifyAudit } from '../../electron/core/ledger/verify-audit.js';
import type { Ledger } from '../../electron/core/open-ledger.js';
import { type CallLedger, createDispatcher, createHandlers } from '../../electron/core/service.js';
import { contract, METHOD_NAMES } from '../../shared/contract.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { contractCalls, sampleIncident } from '../helpers/ledger-calls.js';
import { tempDir, tempLedger } from '../helpers/temp.js';

// Issue 15 "Prove it": every method of the contract, through the real dispatcher on a real ledger file, meets
// generated hostile input — wrong types, missing and extra fields, lone surrogates, control and bidi characters,
// zero-width look-alikes, huge strings, deep nesting, out-of-range numbers and dates, ids of other tables. Each
// answer is a typed refusal in one clean Chinese line or a success; a refusal changes no table; after a success
// that wrote, the audit chain verifies and list, digest and due still answer.

const RUNS_PER_METHOD = 200;

/** The keys each method's input object may have (walking the zod schema), to aim hostile values at real fields. */
function keysOf(schema: unknown, depth = 0): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def || depth > 6) return [];
  if (def.type === 'object') return Object.keys(def.shape as object);
  for (const inner of ['innerType', 'in', 'schema']) if (def[inner]) return keysOf(def[inner], depth + 1);
  return [];
}

function deep(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

async function seed(ledger: Ledger) {
  const { ok } = contractCalls(ledger);
  const incident = await ok('createIncident', { ...sampleIncident, township: '柳城街道' });
  const response = await ok('addResponse', { incident: incident.id, at: '2026-11-28 11:30', method: '发布权威信息', channel: '政务微博', content: '通报', unit: '县住建局' });
  const commitment = await ok('addCommitment', { incident: incident.id, content: '三日内恢复供暖', unit: '县住建局', promisedAt: '2026-11-28 10:00', deadline: { workdays: 3 } });
  const followup = await ok('addFollowup', { incident: incident.id, kind: '进展', content: '已入户检查' });
  const unit = ledger.db.prepare("SELECT id FROM units WHERE name = '县住建局'").get() as { id: string };
  const township = ledger.db.prepare("SELECT id FROM townships WHERE name = '柳城街道'").get() as { id: string };
  return [incident.id, incident.number, response.id, commitment.id, followup.id, unit.id, township.id, 'wages', 'major', '2026-W48'];
}

function hostileValue(ids: readonly string[]): fc.Arbitrary<unknown> {
  const text = fc.constantFrom(
    'a\uD800b', '\uDC00', '\u0000', '\u001b[31m红色\u001b[0m', '\u202E博微', '\u2066县住建局\u2069', '\u200B柳城街道', '县住建局\u200D',
    ' 县住建局 ', '\uFEFF', 'Cafe\u0301', '', '   ', '\n', '<script>alert(1)</script>', "'; DROP TABLE incidents; --", '../../etc/passwd',
    '/etc/passwd', 'javascript:alert(1)', '2026-02-30 08:00', '9999-12-31 23:59', '0000-01-01', '2026-11-28T24:00:00Z', '2026-W99', '2026-13',
    '重大', 'major', '欠薪', '微博', '已办结', 'NaN', '__proto__', 'constructor', 'toString',
  );
  const number = fc.constantFrom(-1, 0, -0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 721, 5);
  const huge = fc.constantFrom('长'.repeat(100_001), 'x'.repeat(1_000_001), `${'\u202E'.repeat(5000)}a`);
  return fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 2, arbitrary: number },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, ['a\uD800'], [1, 2]) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom(deep(50), deep(2000)) },
    { weight: 1, arbitrary: huge },
  );
}

function hostileInput(keys: readonly string[], ids: readonly string[]): fc.Arbitrary<unknown> {
  const value = hostileValue(ids);
  const fieldKey = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  const object = fc.dictionary(fc.oneof({ weight: 5, arbitrary: fieldKey }, { weight: 1, arbitrary: fc.constantFrom('extra', '\u0000', '__proto__', 'x'.repeat(300)) }), value, {
    maxKeys: 6,
  });
  // A real field with one nested hostile shape (patch.publication.channel and the like).
  const nested = fc.record({ key: fieldKey, inner: fc.dictionary(fc.constantFrom('channel', 'title', 'date', 'workdays', 'publication', 'name'), value, { maxKeys: 3 }) }).map(({ key, inner }) => ({
    [key]: inner,
  }));
  return fc.oneof({ weight: 6, arbitrary: object }, { weight: 2, arbitrary: nested }, { weight: 1, arbitrary: value });
}

function ledgerState(ledger: Ledger): string {
  const tables = ledger.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables) for (const row of ledger.db.prepare(`SELECT * FROM "${name}"`).all()) hash.update(`${name}${JSON.stringify(row)}\n`);
  return hash.digest('hex');
}

/** The doors gate file paths before the core sees them (core/file-gate.ts); nothing has been chosen here. */
function gated(call: CallLedger): CallLedger {
  const gate = createFileGate();
  return async (method, input) =>
    (await gate.allows(method, input)) ? call(method, input) : { ok: false, error: { code: 'forbidden', message: NOT_CHOSEN_MESSAGE } };
}

describe('the contract under hostile input', () => {
  it(`every method, ${RUNS_PER_METHOD} hostile inputs each: a typed Chinese refusal that changes nothing, or a success that keeps the ledger sound`, async () => {
    const ledger = tempLedger({ path: join(tempDir(), 'ledger.db') });
    const ids = await seed(ledger);
    const call = gated(createDispatcher(createHandlers(ledger), { logInternal: () => undefined }));
    const totalChanges = ledger.db.prepare('SELECT total_changes() AS n');
    const changes = () => (totalChanges.get() as { n: number }).n;
    let state = ledgerState(ledger);
    const tally = { refused: 0, succeeded: 0, wrote: 0 };

    for (const method of METHOD_NAMES) {
      const inputs = fc.sample(hostileInput(keysOf(contract[method].input), ids), { numRuns: RUNS_PER_METHOD, seed: 15 });
      for (const input of inputs) {
        const before = changes();
        const result = await call(method, input);
        const what = `${method} ${JSON.stringify(input)?.slice(0, 200)}`;
        if (!result.ok) {
          tally.refused += 1;
          expect(ERROR_CODES, what).toContain(result.error.code);
          expect(result.error.code, what).not.toBe('internal');
          expect(result.error.message, what).toMatch(/[\u4e00-\u9fff]/u);
          expect(result.error.message, what).not.toMatch(/[\p{Cc}\p{Cf}\p{Surrogate}]|Invalid input|expected|received|Error/u);
          expect(result.error.message.length, what).toBeLessThan(400);
          if (changes() !== before) expect(ledgerState(ledger), what).toBe(state);
          continue;
        }
        tally.succeeded += 1;
        if (changes() === before) continue;
        tally.wrote += 1;
        expect(verifyAudit(ledger.db), what).toMatchObject({ ok: true });
        for (const [check, checkInput] of [['listIncidents', {}], ['getDigest', { period: '2026-W48' }], ['listDue', {}]] as const) {
          expect(await call(check, checkInput), `${check} after ${what}`).toMatchObject({ ok: true });
        }
        state = ledgerState(ledger);
      }
    }
    expect(tally.refused + tally.succeeded).toBe(METHOD_NAMES.length * RUNS_PER_METHOD);
    console.info(`contract property: ${METHOD_NAMES.length} methods × ${RUNS_PER_METHOD}: ${tally.refused} refused, ${tally.succeeded} succeeded (${tally.wrote} wrote)`);
  }, 600_000);
});
