import { chmodSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { LedgerError } from '../../../shared/errors.js';
import { seal, open } from '../sync/age.js';
import { writeAtomically } from '../sync/export.js';
import type { SyncHost } from '../sync/host.js';
import { forgetLoadedIdentity, loadIdentity } from '../sync/identity.js';
import { signingPublicOf } from '../sync/keys.js';
import { formerSiteIds } from './former-sites.js';

// The key recovery file: this workstation's private keys (the KeyStore's secret) sealed with the office
// passphrase (age scrypt, readable by the `age` tool too), so that a reinstalled machine, a reset keychain or a
// lost key file never ends sync. Imported only into the ledger it belongs to (its site id, now or before a
// restore) and only if it holds the key this ledger last signed with.

const FORMAT = 'yuqing-ledger/keys';

const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  site: z.string(),
  secret: z.string(),
});

const secretKeysSchema = z.object({
  site: z.string(),
  keys: z.array(z.object({ signSecret: z.string().regex(/^[0-9a-f]{64}$/) }).loose()).min(1),
}).loose();

export interface KeysFile {
  file: string;
  site: string;
  keys: number;
  fingerprint: string;
}

export async function exportKeys(host: SyncHost, out: string, passphrase: string, scryptWorkFactor?: number): Promise<KeysFile> {
  const identity = await loadIdentity(host); // the keys must open before they can be saved
  const secret = await host.keyStore.read();
  if (secret === undefined) throw new LedgerError('storage', '本工作站尚无可导出的密钥');
  const text = JSON.stringify({ format: FORMAT, version: 1, site: identity.site, secret } satisfies z.infer<typeof fileSchema>);
  const sealed = await seal(new TextEncoder().encode(text), { recipients: [], passphrase, ...(scryptWorkFactor !== undefined ? { scryptWorkFactor } : {}) });
  writeAtomically(out, sealed);
  chmodSync(out, 0o600); // sealed, but still nobody else's business
  return { file: out, site: identity.site, keys: identity.all.length, fingerprint: identity.current.fingerprint };
}

export async function importKeys(host: SyncHost, file: string, passphrase: string): Promise<KeysFile> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new LedgerError('not_found', `无法读取密钥恢复文件 ${file}`);
  }
  let parsed: z.infer<typeof fileSchema>;
  let keys: z.infer<typeof secretKeysSchema>;
  try {
    const plain = await open(bytes, { identities: [], passphrase });
    parsed = fileSchema.parse(JSON.parse(new TextDecoder().decode(plain)));
    keys = secretKeysSchema.parse(JSON.parse(parsed.secret));
  } catch (error) {
    const message = (error as Error).message;
    throw new LedgerError('invalid_input', /口令/.test(message) ? '办公室口令不正确，无法打开密钥恢复文件' : `${file} 不是有效的密钥恢复文件`);
  }
  // Ours if it holds a key this ledger recorded as its own (whatever site id it was exported under: restores
  // change the id), or, for a ledger that never made keys, if it names this ledger's id now or before a restore.
  const known = host.db.prepare('SELECT sign_public FROM sync_keys').all() as { sign_public: string }[];
  const held = new Set(keys.keys.map((k) => signingPublicOf(k.signSecret)));
  const ours = [host.siteId, ...formerSiteIds(host.db)];
  if (known.length === 0 && !ours.includes(keys.site)) {
    throw new LedgerError('conflict', `该密钥恢复文件属于另一个工作站（${keys.site}），不属于本台账（${host.siteId}）`);
  }
  if (known.length > 0 && !known.some((k) => held.has(k.sign_public))) {
    if (!ours.includes(keys.site)) throw new LedgerError('conflict', `该密钥恢复文件属于另一个工作站（${keys.site}），不属于本台账（${host.siteId}）`);
    throw new LedgerError('conflict', '该密钥恢复文件中的密钥与本台账登记的公钥不符（可能是更换密钥之前导出的旧文件）');
  }
  await host.keyStore.write(JSON.stringify({ ...(JSON.parse(parsed.secret) as object), site: host.siteId }));
  forgetLoadedIdentity(host.db);
  const identity = await loadIdentity(host);
  return { file, site: identity.site, keys: identity.all.length, fingerprint: identity.current.fingerprint };
}
