import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Sealer, sealedKeys } from '../../electron/main/sealed-keys.js';

const reversing: Sealer = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
  decryptString: (sealed) => [...sealed.toString().replace(/^sealed:/, '')].reverse().join(''),
};

describe('private keys sealed with the OS keychain', () => {
  it('stores keys sealed, owner-only, and unseals them on the next start', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'yq-keys-')), 'keys.sealed');
    const first = sealedKeys(reversing, path)!;
    expect(first.secret).toBeUndefined();
    first.store('{"ed25519":"秘密"}');
    expect(readFileSync(path, 'utf8')).not.toContain('秘密"}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(sealedKeys(reversing, path)!.secret).toBe('{"ed25519":"秘密"}');
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('steps aside where the OS has no keychain, so the core keeps its own 0600 file', () => {
    expect(sealedKeys({ ...reversing, isEncryptionAvailable: () => false }, '/nowhere/keys.sealed')).toBeUndefined();
  });

  it('does not count Linux\'s hard-coded-key fallback (basic_text) as a keychain', () => {
    const basic = { ...reversing, getSelectedStorageBackend: () => 'basic_text' as const };
    expect(sealedKeys(basic, '/nowhere/keys.sealed', 'linux')).toBeUndefined();
    expect(sealedKeys(reversing, join(mkdtempSync(join(tmpdir(), 'yq-keys-')), 'keys.sealed'), 'linux')).toBeDefined();
  });

  it('opens without the keys when the keychain cannot unseal them, and keeps the unreadable file aside when new keys come', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yq-keys-'));
    const path = join(dir, 'keys.sealed');
    sealedKeys(reversing, path)!.store('{"ed25519":"旧密钥"}');
    const reset = { ...reversing, decryptString: () => { throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'); } };
    const keys = sealedKeys(reset, path)!;
    expect(keys.secret).toBeUndefined();
    expect(keys.unreadable).toContain('钥匙串无法解开');
    keys.store('{"ed25519":"新密钥"}');
    expect(sealedKeys(reversing, path)!.secret).toBe('{"ed25519":"新密钥"}');
    expect(readdirSync(dir).filter((f) => f.startsWith('keys.sealed.unreadable-'))).toHaveLength(1);
  });
});
