// Trusted SMART Health Card issuers for the Node verifier: the shared reading of trust entries
// (./trust-list.ts) with the keys imported by node:crypto.
import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  parseShcTrustEntry,
  type ShcIssuerOf,
  type ShcKeyOf,
  type ShcTrustEntry,
  shcCardKeysOf,
  shcIssuerOf,
  shcKeyImportFailed,
} from './trust-list.js';

/** One verification key, imported once. */
export type ShcKey = ShcKeyOf<KeyObject>;
/** A trusted issuer ready for verification: keys imported, revocation lists indexed by kid. */
export type ShcIssuer = ShcIssuerOf<KeyObject>;
/** Trusted SMART Health Card issuers by `iss`, ready for {@link verifyShc}. */
export type ShcTrust = ReadonlyMap<string, ShcIssuer>;

/** Imports one parsed entry's keys. */
export function prepareShcIssuer(entry: ShcTrustEntry): ShcIssuer {
  const keys = new Map<string, ShcKey>();
  for (const jwk of shcCardKeysOf(entry)) {
    try {
      const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
      keys.set(jwk.kid, jwk.crlVersion === undefined ? { key } : { key, crlVersion: jwk.crlVersion });
    } catch (cause) {
      throw shcKeyImportFailed(cause);
    }
  }
  return shcIssuerOf(entry, keys);
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
    const parsed = parseShcTrustEntry(entry);
    if (parsed !== undefined) trust.set(parsed.iss, prepareShcIssuer(parsed));
  }
  prepared.set(entries, trust);
  return trust;
}
