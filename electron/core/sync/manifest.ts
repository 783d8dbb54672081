import { z } from 'zod';
import { SIGN_PUBLIC, SITE_ID } from '../../../shared/sync-schemas.js';

// The manifest: everything about a bundle, inside the encryption and under the sender's signature. Nothing
// about a bundle — not even who sent it or how many operations it holds — is readable without a key.

export const BUNDLE_FORMAT = 'yuqing-ledger/bundle';
export const FORMAT_VERSION = 1;
export const PAYLOAD_ENCODING = 'ops-json-frames/v1';

const HLC_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
const siteId = z.string().regex(SITE_ID);
const hlc = z.string().regex(HLC_TEXT);
const count = z.number().int().min(0).max(2 ** 40);

// Unknown keys are dropped, not refused: a newer version may say more about a bundle (the signature covers the bytes,
// so nothing is lost by ignoring what this version cannot use). Their absence is what older bundles look like.
export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  /** The sender's storage schema: for the record only; sync compatibility is `syncVersion`. */
  schemaVersion: z.number().int().min(1).max(10_000),
  /** What the synced operations may hold (ledger/tables.ts syncVersionOf); absent in bundles written before it existed. */
  syncVersion: z.number().int().min(1).max(1_000_000).optional(),
  bundleId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.iso.datetime(),
  sender: z.strictObject({
    site: siteId,
    name: z.string().max(200),
    signPublic: z.string().regex(SIGN_PUBLIC),
    ageRecipient: z.string().max(200),
    fingerprint: z.string().max(64),
  }),
  recipients: z.strictObject({
    peers: z.array(z.strictObject({ site: siteId, name: z.string().max(200), fingerprint: z.string().max(64) })).max(1000),
    passphrase: z.boolean(),
  }),
  full: z.boolean(),
  /** The sender's version vector when it wrote the bundle: what it holds, so we know what to send back. */
  seen: z.record(siteId, hlc),
  /** How much of each workstation's audit chain the sender holds (sync/audit-chains.ts); absent in older bundles. */
  auditSeen: z.record(siteId, z.number().int().min(0)).optional(),
  /** Per site: the first and last stamp carried and how many. */
  ranges: z.record(siteId, z.strictObject({ first: hlc, last: hlc, count })),
  opCount: count,
  payload: z.strictObject({
    encoding: z.literal(PAYLOAD_ENCODING),
    compression: z.literal('deflate-raw'),
    /** Uncompressed size: decompression stops here, whatever the stream says. */
    bytes: count,
    compressedBytes: count,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Per site: the first and last stamps and how many operations a bundle carries (the site ends every stamp). */
export function rangesOf(stamps: Iterable<string>): Manifest['ranges'] {
  const ranges: Manifest['ranges'] = {};
  for (const hlc of stamps) {
    const site = hlc.slice(-16);
    const range = ranges[site];
    if (!range) ranges[site] = { first: hlc, last: hlc, count: 1 };
    else {
      range.count += 1;
      if (hlc < range.first) range.first = hlc;
      if (hlc > range.last) range.last = hlc;
    }
  }
  return ranges;
}
