import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIncident, getIncident } from '../../../electron/core/ledger/incidents.js';
import { open } from '../../../electron/core/sync/age.js';
import { buildBundle } from '../../../electron/core/sync/export.js';
import { loadIdentity } from '../../../electron/core/sync/identity.js';
import { importBundleBytes } from '../../../electron/core/sync/import.js';
import { incidentInputSchema } from '../../../shared/schemas.js';
import { toolsRequired } from '../../browser/chromium.js';
import { tempDir } from '../../helpers/temp.js';
import { introduce, LOW_SCRYPT, replica, testClock } from './helpers.js';

// Interop with the reference `age` tool (Debian's age 1.1.1): a bundle must open with `age -d`, and a file
// `age` encrypted to our recipient must pass our decryption layer. Where `age` (or `script`, which gives age
// the terminal it reads passphrases from) is missing, these tests skip loudly — and fail under
// YQ_REQUIRE_TOOLS=1, so CI cannot pass by skipping.

function findTool(envVar: string, candidates: readonly string[]): string | undefined {
  const fromEnv = process.env[envVar];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((path) => existsSync(path));
}

const AGE = findTool('AGE_PATH', ['/usr/bin/age', '/usr/local/bin/age']);
const SCRIPT = findTool('SCRIPT_PATH', ['/usr/bin/script']);

function toolsAvailable(): boolean {
  if (AGE && SCRIPT) return true;
  const notice = `age CLI ${AGE ? '' : 'not found (set AGE_PATH or apt-get install age)'}${SCRIPT ? '' : ' script(1) not found (bsdutils)'}: age interop tests ${toolsRequired ? 'FAIL' : 'SKIPPED'}`;
  console.warn(`\n${'!'.repeat(notice.length)}\n${notice}\n${'!'.repeat(notice.length)}\n`);
  if (toolsRequired) throw new Error(notice);
  return false;
}

const MAGIC = 'YQBUNDLE';
const incident = incidentInputSchema.parse({ title: '县城供暖不热', platform: '微博', foundAt: '2026-11-27 09:00', severity: '一般', categories: ['环境'] });

describe.runIf(toolsAvailable())('interop with the age command-line tool', () => {
  it('opens our bundle for a peer with `age -d -i` and the peer identity', async () => {
    const clock = testClock();
    const [a, b] = [replica('甲', clock.now), replica('乙', clock.now)];
    await introduce(a, b);
    createIncident(a.ctx, incident);
    const dir = tempDir();
    const bundle = join(dir, 'to-b.yqb');
    writeFileSync(bundle, (await buildBundle(a, { peers: [b.siteId], full: false })).bytes);
    const identityFile = join(dir, 'b.key');
    writeFileSync(identityFile, `${(await loadIdentity(b)).current.ageIdentity}\n`, { mode: 0o600 });
    const plain = execFileSync(AGE!, ['-d', '-i', identityFile, bundle]);
    expect(plain.subarray(0, MAGIC.length).toString()).toBe(MAGIC);
    expect(Buffer.compare(plain, Buffer.from(await open(readFileSync(bundle), { identities: [(await loadIdentity(b)).current.ageIdentity] })))).toBe(0);
  });

  it('opens our office-passphrase bundle with `age -d` at a terminal (under script)', async () => {
    const clock = testClock();
    const a = replica('甲', clock.now);
    createIncident(a.ctx, incident);
    const dir = tempDir();
    const bundle = join(dir, 'office.yqb');
    const out = join(dir, 'office.plain');
    writeFileSync(bundle, (await buildBundle(a, { peers: [], passphrase: '县委宣传部口令2026', full: true, scryptWorkFactor: LOW_SCRYPT })).bytes);
    execFileSync(SCRIPT!, ['-q', '-e', '-c', `${AGE} -d -o ${out} ${bundle}`, '/dev/null'], { input: '县委宣传部口令2026\n' });
    expect(readFileSync(out).subarray(0, MAGIC.length).toString()).toBe(MAGIC);
  });

  it('imports a bundle that `age -r` encrypted to our recipient', async () => {
    const clock = testClock();
    const [a, b] = [replica('甲', clock.now), replica('乙', clock.now)];
    await introduce(a, b);
    const made = createIncident(a.ctx, incident);
    const bIdentity = await loadIdentity(b);
    // Our sealed bundle, opened, then sealed again by the reference tool.
    const ours = (await buildBundle(a, { peers: [b.siteId], full: false })).bytes;
    const inner = await open(ours, { identities: [bIdentity.current.ageIdentity] });
    const dir = tempDir();
    const plainFile = join(dir, 'inner.bin');
    writeFileSync(plainFile, inner);
    const theirs = execFileSync(AGE!, ['-r', bIdentity.current.ageRecipient, plainFile]);
    expect(Buffer.from(await open(theirs, { identities: [bIdentity.current.ageIdentity] })).equals(Buffer.from(inner))).toBe(true);
    const result = await importBundleBytes(b, theirs);
    expect(result.applied).toBeGreaterThan(0);
    expect(getIncident(b.db, made.id).title).toBe('县城供暖不热');
  });
});
