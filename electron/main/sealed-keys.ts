import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';

// This workstation's private keys (signing and age identity), sealed with the OS keychain through Electron's
// safeStorage (DPAPI on Windows, the Secret Service/kwallet on UOS/Kylin desktops). Where no keychain is
// available, the caller falls back to the core's 0600 key file beside the ledger and says so.

export type Sealer = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export interface SealedKeys {
  /** The unsealed secret to hand the core, or undefined when none is stored yet (or it cannot be unsealed). */
  secret: string | undefined;
  /**
   * Set when keys are stored but the keychain cannot open them (a reinstalled system, a reset keyring): the
   * ledger opens all the same, and sync pauses with this reason until keys are imported or made anew.
   */
  unreadable?: string;
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
  let secret: string | undefined;
  let unreadable: string | undefined;
  try {
    secret = existsSync(path) ? sealer.decryptString(readFileSync(path)) : undefined;
  } catch {
    unreadable = '系统钥匙串无法解开本工作站保存的私钥（可能重装了系统、更换了登录账户或重置了钥匙串）';
  }
  return {
    secret,
    ...(unreadable ? { unreadable } : {}),
    store(next) {
      // Keys that could not be opened are kept aside, never overwritten: a keychain that comes back opens them.
      if (unreadable && existsSync(path)) renameSync(path, `${path}.unreadable-${Date.now()}`);
      unreadable = undefined;
      const secret = next;
      const temp = `${path}.tmp`;
      writeFileSync(temp, sealer.encryptString(secret), { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}
