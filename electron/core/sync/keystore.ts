import { chmodSync, existsSync, openSync, closeSync, readFileSync, renameSync, statSync, writeFileSync, fsyncSync } from 'node:fs';

// Where this workstation's private keys live. The core never decides: the Electron main process passes a store
// backed by the OS keychain (safeStorage), the CLI and tests use a 0600 file beside the database. The secret is
// an opaque text (JSON made by identity.ts); a store only keeps it.

export interface KeyStore {
  /** The stored secret, or undefined when this workstation has none yet. */
  read(): Promise<string | undefined>;
  /** Replaces the stored secret; must not leave a half-written secret behind. */
  write(secret: string): Promise<void>;
  /** Where the keys are, for messages (e.g. the file path); never the secret itself. */
  readonly describe: string;
  /** Set when the store holds keys it cannot open (a reset keychain): why, in one Chinese line. */
  problem?: string;
}

/** The CLI/test store: a file readable by its owner only, replaced atomically. */
export function fileKeyStore(path: string): KeyStore {
  return {
    describe: `${path}（仅本用户可读的文件）`,
    read() {
      if (!existsSync(path)) return Promise.resolve(undefined);
      // A copy or an unpacked archive may have widened the mode: the keys go back to owner-only before use.
      if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      return Promise.resolve(readFileSync(path, 'utf8'));
    },
    write(secret) {
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, secret, { mode: 0o600 });
      chmodSync(temp, 0o600); // the mode above is filtered by umask only on creation; make sure
      const fd = openSync(temp, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, path);
      return Promise.resolve();
    },
  };
}

/** For `:memory:` ledgers and for main to seed with keys it unsealed itself. */
export function memoryKeyStore(initial?: string): KeyStore {
  let secret = initial;
  return {
    describe: '内存',
    read: () => Promise.resolve(secret),
    write(next) {
      secret = next;
      return Promise.resolve();
    },
  };
}

/** The default store for a ledger path: `<db>.keys` beside the file, or memory for ':memory:'. */
export function defaultKeyStore(dbPath: string): KeyStore {
  return dbPath === ':memory:' ? memoryKeyStore() : fileKeyStore(`${dbPath}.keys`);
}
