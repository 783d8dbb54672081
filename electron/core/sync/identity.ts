import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import { LedgerError } from '../../../shared/errors.js';
import type { SyncIdentity } from '../../../shared/sync-schemas.js';
import type { Db } from '../db/open.js';
import { workstationCode } from '../ledger/numbering.js';
import { formerSiteIds } from '../backup/former-sites.js';
import { workstationName } from '../ledger/workstation.js';
import type { SyncHost } from './host.js';
import type { KeyStore } from './keystore.js';
import { fingerprintOf, newSigningKey, signingPublicOf } from './keys.js';

// This workstation's key pairs: an Ed25519 key that signs bundle manifests and an age X25519 identity that peers
// encrypt to. Made on first use. The secrets live in the KeyStore only; the database keeps the public halves
// (sync_keys), derived again from the secrets each time the identity loads, so the two cannot disagree.
// Rotating adds a new pair and retires the old one, which is kept so bundles sent to it can still be read.

const secretsSchema = z.object({
  version: z.literal(1),
  site: z.string(),
  keys: z
    .array(
      z.object({
        signSecret: z.string().regex(/^[0-9a-f]{64}$/),
        ageIdentity: z.string().startsWith('AGE-SECRET-KEY-1'),
        createdAt: z.string(),
        retiredAt: z.string().nullable(),
      }),
    )
    .min(1),
});
type Secrets = z.infer<typeof secretsSchema>;

export interface KeyPair {
  keyId: string;
  signSecret: string;
  signPublic: string;
  ageIdentity: string;
  ageRecipient: string;
  fingerprint: string;
  createdAt: string;
  retiredAt: string | null;
}

export interface LoadedIdentity {
  site: string;
  name: string;
  /** The code in this workstation's incident numbers ('' while none is set). */
  code: string;
  /** The pair that signs and receives now. */
  current: KeyPair;
  /** Every pair, current first: all of them may decrypt. */
  all: KeyPair[];
  keyStore: string;
}


// One load per database at a time: two calls racing on first use would otherwise make two identities.
const loading = new WeakMap<Db, Promise<LoadedIdentity>>();

export function loadIdentity(host: SyncHost): Promise<LoadedIdentity> {
  let pending = loading.get(host.db);
  if (!pending) {
    pending = load(host, false);
    loading.set(host.db, pending);
    pending.catch(() => loading.delete(host.db)); // a failure (e.g. keys missing) is retried next time
  }
  return pending.then((identity) => named(host.db, identity));
}

// The keys are loaded once, but the name is read each time: a rename (设置, yq identity --name) shows at once on
// the card, the identity and the next bundle's sender, without reloading keys.
function named(db: Db, identity: LoadedIdentity): LoadedIdentity {
  const name = workstationName(db, identity.site);
  const code = workstationCode(db);
  return name === identity.name && code === identity.code ? identity : { ...identity, name, code };
}

/** Makes a new key pair current; the old ones stay for reading older bundles. */
export async function rotateIdentity(host: SyncHost): Promise<LoadedIdentity> {
  await loadIdentity(host);
  const next = load(host, true);
  loading.set(host.db, next);
  next.catch(() => loading.delete(host.db));
  return next.then((identity) => named(host.db, identity));
}

/**
 * Why sync is paused when the private keys cannot be read, and the two ways on. The ledger itself works.
 */
export function keysUnavailable(keyStore: KeyStore): string {
  return (
    `${keyStore.problem ?? `本工作站的私钥不在 ${keyStore.describe}`}：同步已暂停，台账可照常登记和查阅。` +
    '两种办法继续同步：① 导入密钥恢复文件（设置 → 备份与恢复，或 yq keys import）；' +
    '② 生成新密钥，再把新的联系卡发给各对方工作站重新添加（旧联系卡将标为已更换）。'
  );
}

/** Makes new keys for a workstation whose keys cannot be read (keychain reset, key file lost). */
export async function replaceLostKeys(host: SyncHost): Promise<LoadedIdentity> {
  const current = await host.keyStore.read().catch(() => undefined);
  if (current !== undefined && !host.keyStore.problem) {
    throw new LedgerError('conflict', '本工作站的私钥可以正常读取，无需生成新密钥（如需更换，请使用“更换密钥”）');
  }
  const next = load(host, false, true);
  loading.set(host.db, next);
  next.catch(() => loading.delete(host.db));
  return next.then((identity) => named(host.db, identity));
}

/** Forgets the loaded keys, so that keys written to the store (a recovery file imported) are read again. */
export function forgetLoadedIdentity(db: Db): void {
  loading.delete(db);
}

async function load(host: SyncHost, rotate: boolean, replaceLost = false): Promise<LoadedIdentity> {
  const { db, siteId, keyStore } = host;
  let secrets = await readSecrets(keyStore);
  if (secrets && secrets.site !== siteId && (formerSiteIds(db).includes(secrets.site) || holdsRecordedKey(db, secrets))) {
    // This ledger was restored from a backup and took a new site id (backup/rejoin.ts): keys of one of its former
    // ids, or holding a public key this ledger recorded as its own, are still its own.
    secrets = { ...secrets, site: siteId };
    await keyStore.write(JSON.stringify(secrets));
  }
  if (secrets && secrets.site !== siteId) {
    throw new LedgerError(
      'storage',
      `密钥文件 ${keyStore.describe} 属于另一个工作站（${secrets.site}），不属于本台账（${siteId}）。请将其移走后重试。`,
    );
  }
  if (!secrets && hasPublicKeys(db) && !replaceLost) {
    throw new LedgerError('storage', keysUnavailable(keyStore));
  }
  if (!secrets || rotate) {
    const at = new Date(host.ctx.now()).toISOString();
    const kept = (secrets?.keys ?? []).map((k) => ({ ...k, retiredAt: k.retiredAt ?? at }));
    const fresh = { signSecret: newSigningKey().secret, ageIdentity: await generateX25519Identity(), createdAt: at, retiredAt: null };
    secrets = { version: 1, site: siteId, keys: [...kept, fresh] };
    await keyStore.write(JSON.stringify(secrets));
  }
  const pairs = await Promise.all(secrets.keys.map((k) => pairOf(siteId, k)));
  // Keys that were lost (replaceLostKeys) stay listed as retired: peers' cards of them are replaced.
  if (replaceLost) db.prepare('UPDATE sync_keys SET retired_at = coalesce(retired_at, ?)').run(new Date(host.ctx.now()).toISOString());
  recordPublicKeys(db, pairs);
  const current = [...pairs].reverse().find((p) => p.retiredAt === null) ?? pairs[pairs.length - 1]!;
  return {
    site: siteId,
    name: workstationName(db, siteId),
    code: workstationCode(db),
    current,
    all: [current, ...pairs.filter((p) => p !== current).reverse()],
    keyStore: keyStore.describe,
  };
}

async function readSecrets(keyStore: KeyStore): Promise<Secrets | undefined> {
  const text = await keyStore.read();
  if (text === undefined) return undefined;
  try {
    return secretsSchema.parse(JSON.parse(text));
  } catch {
    throw new LedgerError('storage', `密钥文件 ${keyStore.describe} 已损坏，无法读取本工作站的私钥。`);
  }
}

async function pairOf(site: string, k: Secrets['keys'][number]): Promise<KeyPair> {
  const signPublic = signingPublicOf(k.signSecret);
  const ageRecipient = await identityToRecipient(k.ageIdentity);
  return {
    keyId: signPublic.slice(0, 16),
    signSecret: k.signSecret,
    signPublic,
    ageIdentity: k.ageIdentity,
    ageRecipient,
    fingerprint: fingerprintOf(site, signPublic, ageRecipient),
    createdAt: k.createdAt,
    retiredAt: k.retiredAt,
  };
}

function holdsRecordedKey(db: Db, secrets: Secrets): boolean {
  const recorded = new Set((db.prepare('SELECT sign_public FROM sync_keys').all() as { sign_public: string }[]).map((r) => r.sign_public));
  return secrets.keys.some((k) => recorded.has(signingPublicOf(k.signSecret)));
}

function hasPublicKeys(db: Db): boolean {
  return db.prepare('SELECT 1 FROM sync_keys LIMIT 1').get() !== undefined;
}

function recordPublicKeys(db: Db, pairs: readonly KeyPair[]): void {
  const upsert = db.prepare(
    `INSERT INTO sync_keys (key_id, sign_public, age_recipient, fingerprint, created_at, retired_at)
     VALUES (@keyId, @signPublic, @ageRecipient, @fingerprint, @createdAt, @retiredAt)
     ON CONFLICT(key_id) DO UPDATE SET retired_at = excluded.retired_at, fingerprint = excluded.fingerprint`,
  );
  db.transaction(() => {
    for (const p of pairs) upsert.run(p);
  })();
}

export function publicIdentity(identity: LoadedIdentity): SyncIdentity {
  const { current } = identity;
  return {
    siteId: identity.site,
    name: identity.name,
    code: identity.code,
    fingerprint: current.fingerprint,
    signPublic: current.signPublic,
    ageRecipient: current.ageRecipient,
    createdAt: current.createdAt,
    keyStore: identity.keyStore,
    retiredKeys: identity.all
      .filter((p) => p !== current)
      .map((p) => ({ fingerprint: p.fingerprint, createdAt: p.createdAt, retiredAt: p.retiredAt })),
  };
}
