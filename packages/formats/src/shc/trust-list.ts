// What a trust list says about SMART Health Card issuers, read the same way on every platform: the
// entry schema, which keys sign cards, and the revocation lists indexed. Importing the keys is the
// platform's (node:crypto in ./trust.ts, Web Crypto in a browser).
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

/** One verification key, imported once (`K`: the platform's key type). */
export interface ShcKeyOf<K> {
  key: K;
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
export interface ShcIssuerOf<K> {
  iss: string;
  name?: string;
  keys: ReadonlyMap<string, ShcKeyOf<K>>;
  crls: ReadonlyMap<string, ShcRevocationList>;
}

/** Trusted SMART Health Card issuers by `iss`. */
export type ShcTrustOf<K> = ReadonlyMap<string, ShcIssuerOf<K>>;

/** A card-signing key of an entry: an EC P-256 public key, to import for ES256. */
export interface ShcCardJwk {
  kid: string;
  x: string;
  y: string;
  crlVersion?: number;
}

type Jwk = z.infer<typeof shcJwkSchema>;

// SHC signing keys are EC P-256 for ES256; keys of other kinds in a JWKS are not for cards.
function isCardKey(jwk: Jwk): jwk is Jwk & { x: string; y: string } {
  return (
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    jwk.x !== undefined &&
    jwk.y !== undefined &&
    (jwk.use === undefined || jwk.use === 'sig') &&
    (jwk.alg === undefined || jwk.alg === 'ES256')
  );
}

/** The keys of an entry that sign cards, in the entry's order. */
export function shcCardKeysOf(entry: ShcTrustEntry): ShcCardJwk[] {
  const keys: ShcCardJwk[] = [];
  for (const jwk of entry.keys) {
    if (!isCardKey(jwk)) continue;
    const { kid, x, y, crlVersion } = jwk;
    keys.push(crlVersion === undefined ? { kid, x, y } : { kid, x, y, crlVersion });
  }
  return keys;
}

/** The error for a card key the platform refuses to import. */
export function shcKeyImportFailed(cause: unknown): CredentialError {
  return new CredentialError('INVALID_ARGUMENT', 'a trusted SHC key is not a P-256 point', { cause });
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

/** An issuer from its parsed entry and its imported card keys (by kid, later keys replacing earlier). */
export function shcIssuerOf<K>(entry: ShcTrustEntry, keys: ReadonlyMap<string, ShcKeyOf<K>>): ShcIssuerOf<K> {
  return {
    iss: entry.iss,
    ...(entry.name === undefined ? {} : { name: entry.name }),
    keys,
    crls: new Map(listsOf(entry.crl).map((c) => [c.kid, indexShcCrl(c)])),
  };
}

/**
 * Reads one trust-list entry of any framework: undefined for one that is not `framework: "shc"`, the
 * parsed entry otherwise. Throws INVALID_ARGUMENT for a malformed SHC entry (a configuration error,
 * not a bad card).
 */
export function parseShcTrustEntry(entry: unknown): ShcTrustEntry | undefined {
  if ((entry as { framework?: unknown } | null)?.framework !== 'shc') return undefined;
  const parsed = shcTrustEntrySchema.safeParse(entry);
  if (!parsed.success)
    throw new CredentialError('INVALID_ARGUMENT', 'a trusted SHC issuer entry is malformed');
  return parsed.data;
}
