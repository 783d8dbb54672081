import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { open, seal } from '../../../electron/core/sync/age.js';

/** An X25519 key whose bech32 data begins with the letters p, q (about 1 in 1,024 keys). */
async function keyStartingWith(prefix: string) {
  for (let tries = 0; tries < 100_000; tries++) {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    if (recipient.startsWith(prefix)) return { identity, recipient };
  }
  throw new Error(`no key starting with ${prefix} in 100,000 tries`);
}

describe('age recipients', () => {
  it('seals to an X25519 recipient that happens to start with age1pq, and it opens', async () => {
    const { identity, recipient } = await keyStartingWith('age1pq');
    expect(recipient).toMatch(/^age1pq[^1]/);
    const sealed = await seal(new TextEncoder().encode('台账'), { recipients: [recipient] });
    expect(new TextDecoder().decode(await open(sealed, { identities: [identity] }))).toBe('台账');
  });

  it('refuses genuine post-quantum and tagged recipients, and anything not age', async () => {
    const data = 'q'.repeat(1900);
    for (const recipient of [`age1pq1${data}`, `age1tag1${data}`, `age1tagpq1${data}`, 'ssh-ed25519 AAAA']) {
      await expect(seal(new Uint8Array(1), { recipients: [recipient] })).rejects.toThrow(/non-X25519/);
    }
  });
});
