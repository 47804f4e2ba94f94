// Trusted SMART Health Card issuers for the browser: the trust entries read as the Node verifier
// reads them (`@passage/formats/pure`), with the keys imported by Web Crypto.
import {
  parseShcTrustEntry,
  type ShcCardJwk,
  type ShcIssuerOf,
  type ShcKeyOf,
  type ShcTrustOf,
  shcCardKeysOf,
  shcIssuerOf,
  shcKeyImportFailed,
} from '@passage/formats/pure';
import { decodeBase64url, encodeBase64url } from '../base64url.js';
import { importPublicJwk, type WebKey } from '../web-crypto.js';

/** Trusted SMART Health Card issuers by `iss`, their keys imported into Web Crypto. */
export type WebShcTrust = ShcTrustOf<WebKey>;

const COORDINATE_BYTES = 32;

/**
 * A P-256 coordinate as the 32 bytes Web Crypto requires. node:crypto reads a JWK coordinate as a
 * number, so leading zero bytes may be left out or added; browsers take exactly 32 bytes. A value
 * wider than 32 bytes is kept, for Web Crypto to refuse as node:crypto does.
 */
export function p256Coordinate(text: string): string {
  const bytes = decodeBase64url(text) ?? new Uint8Array(0);
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  const significant = bytes.subarray(start);
  if (significant.length > COORDINATE_BYTES) return text;
  const padded = new Uint8Array(COORDINATE_BYTES);
  padded.set(significant, COORDINATE_BYTES - significant.length);
  return encodeBase64url(padded);
}

async function importCardKey(jwk: ShcCardJwk): Promise<ShcKeyOf<WebKey>> {
  const x = p256Coordinate(jwk.x);
  const y = p256Coordinate(jwk.y);
  const key = await importPublicJwk({ kty: 'EC', crv: 'P-256', x, y });
  if (key === undefined) throw shcKeyImportFailed(new TypeError('Web Crypto refused the key'));
  return jwk.crlVersion === undefined ? { key } : { key, crlVersion: jwk.crlVersion };
}

/**
 * Reads the `framework: "shc"` entries of a trust list (others are skipped) as `prepareShcTrust` of
 * `@passage/formats` does, and imports their card keys with Web Crypto. Rejects with INVALID_ARGUMENT
 * (CredentialError) for a malformed SHC entry or a key that is not a P-256 point, as that one throws.
 *
 * @example
 * const trust = await createWebShcTrust(trustList.entries);
 * const report = await verifyShcWeb(scanned, { trust, now: new Date(), clockToleranceSec: 60 });
 */
export async function createWebShcTrust(entries: readonly unknown[]): Promise<WebShcTrust> {
  const trust = new Map<string, ShcIssuerOf<WebKey>>();
  for (const entry of entries) {
    const parsed = parseShcTrustEntry(entry);
    if (parsed === undefined) continue;
    const keys = new Map<string, ShcKeyOf<WebKey>>();
    // One after another, so that the first bad key is the one reported, as in Node.
    for (const jwk of shcCardKeysOf(parsed)) keys.set(jwk.kid, await importCardKey(jwk));
    trust.set(parsed.iss, shcIssuerOf(parsed, keys));
  }
  return trust;
}
