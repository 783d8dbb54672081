import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import { LedgerError } from '../../../shared/errors.js';
import type { SyncIdentity } from '../../../shared/sync-schemas.js';
import type { Db } from '../db/open.js';
import { workstationCode } from '../ledger/numbering.js';
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

async function load(host: SyncHost, rotate: boolean): Promise<LoadedIdentity> {
  const { db, siteId, keyStore } = host;
  let secrets = await readSecrets(keyStore);
  if (secrets && secrets.site !== siteId) {
    throw new LedgerError(
      'storage',
      `密钥文件 ${keyStore.describe} 属于另一个工作站（${secrets.site}），不属于本台账（${siteId}）。请将其移走后重试。`,
    );
  }
  if (!secrets && hasPublicKeys(db)) {
    throw new LedgerError(
      'storage',
      `本工作站的私钥不在 ${keyStore.describe}：无法签名或解密同步包。请从备份恢复密钥文件。`,
    );
  }
  if (!secrets || rotate) {
    const at = new Date(host.ctx.now()).toISOString();
    const kept = (secrets?.keys ?? []).map((k) => ({ ...k, retiredAt: k.retiredAt ?? at }));
    const fresh = { signSecret: newSigningKey().secret, ageIdentity: await generateX25519Identity(), createdAt: at, retiredAt: null };
    secrets = { version: 1, site: siteId, keys: [...kept, fresh] };
    await keyStore.write(JSON.stringify(secrets));
  }
  const pairs = await Promise.all(secrets.keys.map((k) => pairOf(siteId, k)));
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

function hasPublicKeys(db: Db): boolean {
  return db.prepare('SELECT 1 FROM sync_keys LIMIT 1').get() !== undefined;
}

function recordPublicKeys(db: Db, pairs: readonly KeyPair[]): void {
  const upsert = db.prepare(
    `INSERT INTO sync_keys (key_id, sign_public, age_recipient, fingerprint, created_at, retired_at)
     VALUES (@keyId, @signPublic, @ageRecipient, @fingerprint, @createdAt, @retiredAt)
     ON CONFLICT(key_id) DO UPDATE SET retired_at = excluded.retired_at`,
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
