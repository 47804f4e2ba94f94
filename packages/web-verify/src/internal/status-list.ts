import { decodeBase64url } from './base64url.js';
import {
  checkStatusListSize,
  encodedListBase64url,
  type KeyLookup,
  MAX_STATUS_LIST_BYTES,
  MAX_STATUS_LIST_JWS_LENGTH,
  securedStatusListOf,
  statusListClaimsOf,
  statusListKeysOf,
  statusListSignatureInvalid,
  type VerifiedStatusList,
  verifiedStatusListOf,
} from './credentials.js';
import { gunzipBounded } from './gunzip.js';
import { decodeCompactJws, type WebDecodedJws } from './jws.js';

import { signatureIsValid, type WebKey } from './web-crypto.js';

/** A verified status list credential: what status checks read bits from. */
export type WebStatusList = VerifiedStatusList<WebKey>;

async function verifySignature(decoded: WebDecodedJws, issuer: string, trust: KeyLookup<WebKey>) {
  const { alg, keys } = statusListKeysOf(decoded.header, issuer, trust);
  for (const key of keys) {
    if (key.alg === alg && (await signatureIsValid(key, decoded.signingInput, decoded.signature))) return key;
  }
  throw statusListSignatureInvalid();
}

/**
 * Verifies a status list credential (compact JWS) for `url` with the steps and codes of
 * `verifyStatusListCredential` (`@passage/credentials`), whose checks it shares: signature by a key
 * the trust store holds for the list's issuer (Web Crypto), `id` equal to `url`, the types, the
 * validity window at `now` (60 s leeway) and an `encodedList` expanded (bounded, with
 * `DecompressionStream`) to at least 131,072 entries.
 *
 * @throws CredentialError with the code of the failed step.
 */
export async function verifyStatusList(
  jws: string,
  options: { url: string; trust: KeyLookup<WebKey>; now: number },
): Promise<WebStatusList> {
  const decoded = decodeCompactJws(jws, MAX_STATUS_LIST_JWS_LENGTH);
  const secured = securedStatusListOf(decoded);
  const key = await verifySignature(decoded, secured.issuer, options.trust);
  const claims = statusListClaimsOf(secured, {
    url: options.url,
    now: options.now,
    clockToleranceMs: 60_000,
  });
  const compressed = decodeBase64url(encodedListBase64url(claims.encodedList)) ?? new Uint8Array();
  const bits = await gunzipBounded(compressed, MAX_STATUS_LIST_BYTES);
  checkStatusListSize(bits);
  return verifiedStatusListOf(options.url, secured, decoded.header, claims, bits, key);
}
