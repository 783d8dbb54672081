import { Decrypter, Encrypter } from 'age-encryption';
import { AGE_X25519_RECIPIENT } from '../../../shared/sync-schemas.js';
import { BundleError } from './errors.js';

// The outer layer: the standard age format (C2SP), so a bundle opens with the `age` command-line tool too.
// Only native X25519 recipients and scrypt passphrases — age 1.1.1 cannot read post-quantum recipients. age
// allows a passphrase only as the sole recipient of a file, so a bundle is for peers or for a passphrase.

export const DEFAULT_SCRYPT_WORK_FACTOR = 18; // age's own default: about a second to open, by design

export interface Seal {
  recipients: readonly string[];
  passphrase?: string;
  /** Tests lower this to keep scrypt cheap; the contract never exposes it. */
  scryptWorkFactor?: number;
}

export async function seal(plaintext: Uint8Array, how: Seal): Promise<Uint8Array> {
  return encrypterFor(how).encrypt(plaintext);
}

/** The same, as a stream: a bundle of any size is encrypted chunk by chunk (age's STREAM, 64 KiB at a time). */
export async function sealStream(plaintext: ReadableStream<Uint8Array>, how: Seal): Promise<ReadableStream<Uint8Array>> {
  return encrypterFor(how).encrypt(plaintext);
}

function encrypterFor(how: Seal): Encrypter {
  const encrypter = new Encrypter();
  if (how.passphrase !== undefined) {
    encrypter.setPassphrase(how.passphrase);
    encrypter.setScryptWorkFactor(how.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR);
  } else {
    if (how.recipients.length === 0) throw new Error('no recipients');
    for (const recipient of how.recipients) {
      // The shape of a native X25519 recipient: a post-quantum (age1pq1…) or tagged (age1tag1…) one has another
      // bech32 prefix and length. A prefix test on 'age1pq' would also refuse the 1 in 1,024 X25519 keys whose
      // data happens to begin with the letters p, q.
      if (!AGE_X25519_RECIPIENT.test(recipient)) {
        throw new Error(`refusing non-X25519 recipient ${recipient}`); // cards are checked; this is a guard
      }
      encrypter.addRecipient(recipient);
    }
  }
  return encrypter;
}

/** Which kinds of stanza the header holds, to say precisely why a file does not open. */
function stanzaTypes(file: Uint8Array): string[] | undefined {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(file.subarray(0, 64 * 1024));
  if (!head.startsWith('age-encryption.org/v1\n')) return undefined;
  const end = head.indexOf('\n---');
  const lines = (end < 0 ? head : head.slice(0, end)).split('\n');
  return lines.filter((l) => l.startsWith('-> ')).map((l) => l.slice(3).split(' ')[0] ?? '');
}

export interface OpenKeys {
  identities: readonly string[];
  passphrase?: string;
}

export async function open(file: Uint8Array, keys: OpenKeys): Promise<Uint8Array> {
  const decrypter = decrypterFor(file, keys);
  try {
    return await decrypter.decrypt(file);
  } catch (error) {
    throw new BundleError('encryption', reasonOf((error as Error).message, stanzaTypes(file)!.includes('scrypt')));
  }
}

/**
 * The same as a stream: `head` is the file's first bytes (up to 64 KiB, to name the kind of key it needs), `file` the
 * whole file. The header is read and its key found before this answers; a chunk that fails its authentication
 * later makes the returned stream throw (see `decryptionProblem`).
 */
export async function openStream(head: Uint8Array, file: ReadableStream<Uint8Array>, keys: OpenKeys): Promise<ReadableStream<Uint8Array>> {
  const decrypter = decrypterFor(head, keys);
  try {
    return await decrypter.decrypt(file);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('encryption', reasonOf((error as Error).message, stanzaTypes(head)!.includes('scrypt')));
  }
}

/** A failure while reading a decrypted stream, in words: the ciphertext was cut or altered after the header. */
export function decryptionProblem(error: unknown): BundleError {
  if (error instanceof BundleError) return error;
  return new BundleError('encryption', reasonOf(error instanceof Error ? error.message : String(error), false));
}

function decrypterFor(file: Uint8Array, keys: OpenKeys): Decrypter {
  const types = stanzaTypes(file);
  if (!types || types.length === 0) {
    throw new BundleError('encryption', '该文件不是加密同步包（不是 age 格式，或文件头已损坏）');
  }
  const byPassphrase = types.includes('scrypt');
  if (byPassphrase && keys.passphrase === undefined) {
    throw new BundleError('encryption', '该同步包使用办公室口令加密，请输入口令后再导入');
  }
  const decrypter = new Decrypter();
  if (byPassphrase) decrypter.addPassphrase(keys.passphrase!);
  else for (const identity of keys.identities) decrypter.addIdentity(identity);
  return decrypter;
}

// age-encryption reports failures as plain Errors; its messages tell header problems from payload ones.
function reasonOf(message: string, byPassphrase: boolean): string {
  if (/no identity matched/.test(message)) {
    return byPassphrase ? '办公室口令不正确' : '无法解密：该同步包不是发给本工作站的（或是发给本工作站更换前、已不存在的密钥）';
  }
  if (/work factor/.test(message)) return '同步包的口令强度参数超出允许范围，已拒绝';
  if (/header|stanza|version/.test(message)) return '同步包文件头已损坏或被篡改';
  return '同步包已损坏或被篡改：解密校验失败';
}
