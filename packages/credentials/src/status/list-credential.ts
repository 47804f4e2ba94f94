import { decodeCompactJws } from '../jws/compact.js';
import { signatureIsValid, type VerificationKey } from '../jws/signature.js';
import type { TrustStore } from '../trust/trust-store.js';
import { MAX_STATUS_LIST_BYTES } from './bits.js';
import { decodeStatusList } from './bitstring.js';
import {
  checkStatusListSize,
  MAX_STATUS_LIST_JWS_LENGTH,
  securedStatusListOf,
  statusListClaimsOf,
  statusListKeysOf,
  statusListSignatureInvalid,
  type VerifiedStatusList,
  verifiedStatusListOf,
} from './list-claims.js';

export { MAX_STATUS_LIST_JWS_LENGTH } from './list-claims.js';

/** A verified status list credential, decoded once: what status checks read bits from. */
export interface StatusListSnapshot extends VerifiedStatusList<VerificationKey> {
  /** The compact JWS as received, kept for offline bundles. */
  jws: string;
}

/** What {@link verifyStatusListCredential} checks the list against. */
export interface StatusListVerifyOptions {
  /** The URL the list was dereferenced from; the list's `id` must equal it. */
  url: string;
  /** Keys of trusted issuers: the list must be signed by one its issuer lists. */
  trust: TrustStore;
  /** The instant (epoch ms) to check the list's validity at. Default: now. */
  now?: number;
  /** Leeway for clock skew, in milliseconds. Default: 60 s. */
  clockToleranceMs?: number;
  /** When given, the list must serve this purpose. */
  purpose?: string;
  /** Bound on the expanded bitstring, in bytes. Default: {@link MAX_STATUS_LIST_BYTES}. */
  maxListBytes?: number;
}

/**
 * Parses and verifies a status list credential given as a compact JWS (`vc+jwt`), following the
 * Bitstring Status List v1.0 validate algorithm up to the bit read: signature by a key the trust
 * store holds for the list's issuer, `id` equal to the URL it came from, type
 * `BitstringStatusListCredential` with a `BitstringStatusList` subject, validity window, and an
 * `encodedList` expanded once (bounded) to at least the spec's 131,072 entries.
 *
 * @throws CredentialError with the code of the failed step (`INPUT_TOO_LARGE`, `DECODING_FAILED`,
 *   `UNSUPPORTED_FORMAT`, `ISSUER_NOT_TRUSTED`, `KEY_NOT_FOUND`, `SIGNATURE_INVALID`, `EXPIRED`,
 *   `NOT_YET_VALID`, `INVALID_COMPRESSION`).
 * @example
 * const snapshot = verifyStatusListCredential(jws, { url, trust });
 * getStatusBit(snapshot.bits, 42);
 */
export function verifyStatusListCredential(
  jws: string,
  options: StatusListVerifyOptions,
): StatusListSnapshot {
  const decoded = decodeCompactJws(jws, MAX_STATUS_LIST_JWS_LENGTH);
  const secured = securedStatusListOf(decoded);
  const signers = statusListKeysOf(decoded.header, secured.issuer, options.trust);
  const key = signers.keys.find((k) => k.alg === signers.alg && signatureIsValid(decoded, k));
  if (!key) throw statusListSignatureInvalid();
  const claims = statusListClaimsOf(secured, {
    url: options.url,
    now: options.now ?? Date.now(),
    clockToleranceMs: options.clockToleranceMs ?? 60_000,
    purpose: options.purpose,
  });
  const bits = decodeStatusList(claims.encodedList, options.maxListBytes ?? MAX_STATUS_LIST_BYTES);
  checkStatusListSize(bits);
  return { ...verifiedStatusListOf(options.url, secured, decoded.header, claims, bits, key), jws };
}
