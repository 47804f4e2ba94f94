import { createPublicKey, type KeyObject } from 'node:crypto';
import { CredentialError } from '@passage/credentials/pure';
import { z } from 'zod';

const B64URL = /^[A-Za-z0-9_-]+$/;
const TIMESTAMP = /^\d{1,12}(\.\d{1,9})?$/;

/** A public key from an issuer's JWKS. Members SHC does not use (x5c, …) are kept but not read. */
export const shcJwkSchema = z.looseObject({
  kty: z.string(),
  kid: z.string().min(1).max(200),
  crv: z.string().optional(),
  x: z.string().max(200).regex(B64URL).optional(),
  y: z.string().max(200).regex(B64URL).optional(),
  alg: z.string().optional(),
  use: z.string().optional(),
  /** The counter of the key's card revocation list; present when the issuer revokes cards. */
  crlVersion: z.int().min(0).optional(),
  d: z.never().optional(),
});

/**
 * A card revocation list (SMART Health Cards framework, "Revocation"): the revoked `rid` values of one
 * key, each optionally suffixed `.<timestamp>` to revoke only cards issued before that time.
 */
export const shcCrlSchema = z.object({
  kid: z.string().min(1).max(200),
  method: z.string(),
  ctr: z.union([
    z.int().min(0),
    z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number),
  ]),
  rids: z.array(z.string().max(64)).max(1_000_000),
});

/**
 * A trusted SMART Health Card issuer: its `iss` (no trailing slash), its JWKS keys, and optionally the
 * revocation lists of those keys (one list, several, or a map by kid).
 */
export const shcTrustEntrySchema = z.object({
  framework: z.literal('shc'),
  iss: z.url().refine((u) => u.startsWith('https://') && !u.endsWith('/'), 'https URL without trailing /'),
  name: z.string().max(200).optional(),
  keys: z.array(shcJwkSchema).min(1).max(100),
  crl: z.union([shcCrlSchema, z.array(shcCrlSchema), z.record(z.string(), shcCrlSchema)]).optional(),
});

/** A trusted SMART Health Card issuer as written in a trust file. */
export type ShcTrustEntry = z.infer<typeof shcTrustEntrySchema>;
/** A card revocation list. */
export type ShcCrl = z.infer<typeof shcCrlSchema>;

/** One verification key, imported once. */
export interface ShcKey {
  key: KeyObject;
  crlVersion?: number;
}

/** A key's revocation list, indexed: rid → cards with `nbf` before this instant (s) are revoked. */
export interface ShcRevocationList {
  method: string;
  ctr: number;
  /** `Infinity` for a rid listed without a timestamp (every card with that rid is revoked). */
  revokedBefore: ReadonlyMap<string, number>;
}

/** A trusted issuer ready for verification: keys imported, revocation lists indexed by kid. */
export interface ShcIssuer {
  iss: string;
  name?: string;
  keys: ReadonlyMap<string, ShcKey>;
  crls: ReadonlyMap<string, ShcRevocationList>;
}

/** Trusted SMART Health Card issuers by `iss`, ready for {@link verifyShc}. */
export type ShcTrust = ReadonlyMap<string, ShcIssuer>;

// SHC signing keys are EC P-256 for ES256; keys of other kinds in a JWKS are not for cards.
function isCardKey(
  jwk: z.infer<typeof shcJwkSchema>,
): jwk is z.infer<typeof shcJwkSchema> & { x: string; y: string } {
  return (
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    jwk.x !== undefined &&
    jwk.y !== undefined &&
    (jwk.use === undefined || jwk.use === 'sig') &&
    (jwk.alg === undefined || jwk.alg === 'ES256')
  );
}

function listsOf(crl: ShcTrustEntry['crl']): ShcCrl[] {
  if (crl === undefined) return [];
  if (Array.isArray(crl)) return crl;
  const single = shcCrlSchema.safeParse(crl);
  return single.success ? [single.data] : Object.values(crl as Record<string, ShcCrl>);
}

/** Indexes a revocation list; an entry whose timestamp is not a number is ignored rather than guessed. */
export function indexShcCrl(crl: ShcCrl): ShcRevocationList {
  const revokedBefore = new Map<string, number>();
  for (const entry of crl.rids) {
    const dot = entry.indexOf('.');
    const rid = dot === -1 ? entry : entry.slice(0, dot);
    const suffix = dot === -1 ? undefined : entry.slice(dot + 1);
    if (rid === '' || (suffix !== undefined && !TIMESTAMP.test(suffix))) continue;
    const before = suffix === undefined ? Number.POSITIVE_INFINITY : Number(suffix);
    revokedBefore.set(rid, Math.max(before, revokedBefore.get(rid) ?? Number.NEGATIVE_INFINITY));
  }
  return { method: crl.method, ctr: crl.ctr, revokedBefore };
}

/** Imports one parsed entry's keys. */
export function prepareShcIssuer(entry: ShcTrustEntry): ShcIssuer {
  const keys = new Map<string, ShcKey>();
  for (const jwk of entry.keys) {
    if (!isCardKey(jwk)) continue;
    try {
      const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
      keys.set(jwk.kid, jwk.crlVersion === undefined ? { key } : { key, crlVersion: jwk.crlVersion });
    } catch (cause) {
      throw new CredentialError('INVALID_ARGUMENT', 'a trusted SHC key is not a P-256 point', { cause });
    }
  }
  return {
    iss: entry.iss,
    ...(entry.name === undefined ? {} : { name: entry.name }),
    keys,
    crls: new Map(listsOf(entry.crl).map((c) => [c.kid, indexShcCrl(c)])),
  };
}

const prepared = new WeakMap<object, ShcTrust>();

/**
 * Parses the `framework: "shc"` entries of a trust list (others are skipped) and imports their keys.
 * The result is cached per array, so passing the same trust list again imports nothing. Throws
 * INVALID_ARGUMENT for a malformed SHC entry (a configuration error, not a bad card).
 */
export function prepareShcTrust(entries: readonly unknown[]): ShcTrust {
  const cached = prepared.get(entries);
  if (cached) return cached;
  const trust = new Map<string, ShcIssuer>();
  for (const entry of entries) {
    if ((entry as { framework?: unknown } | null)?.framework !== 'shc') continue;
    const parsed = shcTrustEntrySchema.safeParse(entry);
    if (!parsed.success)
      throw new CredentialError('INVALID_ARGUMENT', 'a trusted SHC issuer entry is malformed');
    trust.set(parsed.data.iss, prepareShcIssuer(parsed.data));
  }
  prepared.set(entries, trust);
  return trust;
}
