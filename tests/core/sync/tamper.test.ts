import { describe, expect, it } from 'vitest';
import { createIncident } from '../../../electron/core/ledger/incidents.js';
import { open, seal } from '../../../electron/core/sync/age.js';
import { BundleError } from '../../../electron/core/sync/errors.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { introduce, LOW_SCRYPT, replica, testClock, wholeDbHash } from './helpers.js';

// Every seeded mutation or truncation of a valid bundle must be refused with a specific message, and leave the
// receiving database exactly as it was. Half the cases damage the age ciphertext (caught by age's MACs); half
// damage the plaintext inside and seal it again with the right passphrase — what a sender who knows the office
// passphrase but not the signing key could do — so the signature, the manifest checks and the payload hash are
// what must catch them.

const PASSPHRASE = 'office-passphrase';
const CASES = Number(process.env.YQ_TAMPER_CASES ?? 5000);

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function damage(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = new Uint8Array(bytes);
  if (random() < 0.2) return out.subarray(0, Math.floor(random() * bytes.length)); // truncation
  const flips = 1 + Math.floor(random() * 3);
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(random() * out.length);
    out[at] = out[at]! ^ (1 + Math.floor(random() * 255)); // never a no-op
  }
  return out;
}

describe('tampered bundles', () => {
  it(`refuses ${CASES} seeded mutations and truncations, leaving the database unchanged`, async () => {
    const clock = testClock();
    const a = replica('甲', clock.now);
    const b = replica('乙', clock.now);
    await introduce(a, b);
    for (const title of ['县城供暖不热', '小区拆迁补偿纠纷', '学校食堂食品安全']) {
      createIncident(a.ctx, incidentInputSchema.parse({ title, platform: '微博', foundAt: '2026-11-27 09:00', severity: '一般', categories: ['环境'] }));
    }
    const { bytes: valid } = await buildBundle(a, { peers: [b.siteId], full: false, passphrase: PASSPHRASE, scryptWorkFactor: LOW_SCRYPT });
    const inner = await open(valid, { identities: [], passphrase: PASSPHRASE });
    const before = wholeDbHash(b.db);
    const random = prng(20261128);
    const problems = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const outer = i % 2 === 0;
      const bytes = outer ? damage(valid, random) : await seal(damage(inner, random), { recipients: [], passphrase: PASSPHRASE, scryptWorkFactor: LOW_SCRYPT });
      const error = await importBundleBytes(b, bytes, { passphrase: PASSPHRASE }).then(
        (result) => new Error(`case ${i} was accepted: ${JSON.stringify(result)}`),
        (e: unknown) => e,
      );
      if (!(error instanceof BundleError)) throw error;
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      problems.set(error.problem, (problems.get(error.problem) ?? 0) + 1);
      if (i % 250 === 0 || i === CASES - 1) expect(wholeDbHash(b.db), `after case ${i}`).toBe(before);
    }
    expect(wholeDbHash(b.db)).toBe(before);
    console.log(`[tamper] ${CASES} cases refused: ${JSON.stringify(Object.fromEntries(problems))}`);
    // The untouched bundle still imports: the refusals were about the damage, not the bundle.
    await expect(importBundleBytes(b, valid, { passphrase: PASSPHRASE })).resolves.toMatchObject({ alreadyImported: false });
  }, 300_000);
});
