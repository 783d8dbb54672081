import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';

// This workstation's private keys (signing and age identity), sealed with the OS keychain through Electron's
// safeStorage (DPAPI on Windows, the Secret Service/kwallet on UOS/Kylin desktops). Where no keychain is
// available, the caller falls back to the core's 0600 key file beside the ledger and says so.

export type Sealer = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export interface SealedKeys {
  /** The unsealed secret to hand the core, or undefined when none is stored yet. */
  secret: string | undefined;
  /** Seals and writes new keys (temp file, then rename: never a half-written key file). */
  store(secret: string): void;
}

/**
 * Undefined when the OS offers no real keychain (then the core keeps its own 0600 file). On Linux without a
 * keyring Chromium "encrypts" with a hard-coded key (the basic_text backend): that is no protection, so it
 * counts as none.
 */
export function sealedKeys(sealer: Sealer, path: string, platform: NodeJS.Platform = process.platform): SealedKeys | undefined {
  if (!sealer.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && sealer.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    secret: existsSync(path) ? sealer.decryptString(readFileSync(path)) : undefined,
    store(secret) {
      const temp = `${path}.tmp`;
      writeFileSync(temp, sealer.encryptString(secret), { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}
