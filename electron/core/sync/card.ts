import { Encrypter } from 'age-encryption';
import { LedgerError } from '../../../shared/errors.js';
import { CARD_FORMAT, type ContactCard, contactCardSchema } from '../../../shared/sync-schemas.js';
import type { LoadedIdentity } from './identity.js';
import { fingerprintOf, isSigningPublicKey } from './keys.js';

// The contact card: a workstation's public keys and the fingerprint two people read to each other by phone.
// It carries no secret and needs no signature — its authenticity comes from that phone call.

export function cardOf(identity: LoadedIdentity): ContactCard {
  const { current } = identity;
  return {
    format: CARD_FORMAT,
    version: 1,
    name: identity.name,
    site: identity.site,
    signPublic: current.signPublic,
    ageRecipient: current.ageRecipient,
    fingerprint: current.fingerprint,
    createdAt: current.createdAt,
    ...(identity.code ? { code: identity.code } : {}),
  };
}

export const cardText = (card: ContactCard) => `${JSON.stringify(card, null, 2)}\n`;

/** Parses a card someone handed over; every field is checked and the fingerprint recomputed. */
export async function parseCard(text: string): Promise<ContactCard> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new LedgerError('invalid_input', '联系卡不是有效的 JSON 文件');
  }
  const parsed = contactCardSchema.safeParse(json);
  if (!parsed.success) {
    throw new LedgerError('invalid_input', `联系卡无效：${parsed.error.issues[0]?.message ?? '格式不符'}`);
  }
  const card = parsed.data;
  if (!isSigningPublicKey(card.signPublic)) throw new LedgerError('invalid_input', '联系卡无效：签名公钥不是有效的 Ed25519 公钥');
  try {
    // The recipient's checksum and curve point are only checked when used: use it once.
    const probe = new Encrypter();
    probe.addRecipient(card.ageRecipient);
    await probe.encrypt(new Uint8Array(1));
  } catch {
    throw new LedgerError('invalid_input', '联系卡无效：加密公钥无法使用');
  }
  const expected = fingerprintOf(card.site, card.signPublic, card.ageRecipient);
  if (expected !== card.fingerprint) {
    throw new LedgerError('invalid_input', `联系卡的指纹与其中的公钥不符（应为 ${expected}），文件可能被改动，请勿添加。`);
  }
  return card;
}
