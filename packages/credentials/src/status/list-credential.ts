import { CredentialError } from '../errors.js';
import { type DecodedJws, decodeCompactJws } from '../jws/compact.js';
import { SUPPORTED_ALGORITHMS, signatureIsValid, type VerificationKey } from '../jws/signature.js';
import type { TrustStore } from '../trust/trust-store.js';
import { securedCredentialOf } from '../verify/claims.js';
import { keyForSignature } from '../verify/keys.js';
import { MAX_STATUS_LIST_BYTES, MIN_STATUS_LIST_SIZE } from './bits.js';
import { decodeStatusList } from './bitstring.js';

/**
 * The largest status list credential (compact JWS) a verifier reads: enough for a list of
 * {@link MAX_STATUS_LIST_BYTES} random bits, which GZIP cannot shrink, base64url-encoded twice.
 */
export const MAX_STATUS_LIST_JWS_LENGTH = 3 * MAX_STATUS_LIST_BYTES;

/** A verified status list credential, decoded once: what status checks read bits from. */
export interface StatusListSnapshot {
  /** The URL the list was fetched from, which is also its `id`. */
  url: string;
  /** The list's issuer DID; it must be the issuer of the credentials it covers. */
  issuer: string;
  /** `credentialSubject.statusPurpose`: one or more purposes (the spec allows an array). */
  purposes: readonly string[];
  /** The expanded bitstring; index 0 is the most significant bit of byte 0. */
  bits: Uint8Array;
  /** `credentialSubject.ttl`: how long to cache the list, in milliseconds; undefined when absent. */
  ttlMs: number | undefined;
  /** The list's validity window (epoch ms), from `validFrom`/`validUntil` and the JWT claims. */
  validFrom: number | undefined;
  validUntil: number | undefined;
  /** The verification method that signed the list (undefined for a JWS naming no `kid`). */
  kid: string | undefined;
  /** The key that verified the signature, so a later trust change can be noticed cheaply. */
  key: VerificationKey;
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

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const hasType = (value: unknown, type: string): boolean =>
  value === type || (Array.isArray(value) && value.includes(type));

const invalid = (message: string) => new CredentialError('DECODING_FAILED', message);

function verifySignature(decoded: DecodedJws, issuer: string, trust: TrustStore): VerificationKey {
  const { alg, kid } = decoded.header;
  if (typeof alg !== 'string' || !(SUPPORTED_ALGORITHMS as readonly string[]).includes(alg)) {
    throw new CredentialError('ALGORITHM_NOT_ALLOWED', 'the status list JWS algorithm is not allowed');
  }
  if (!trust.findIssuer(issuer)) {
    throw new CredentialError('ISSUER_NOT_TRUSTED', 'the status list issuer is not in the trust list');
  }
  const found = keyForSignature(trust, issuer, kid, true);
  if ('code' in found) throw new CredentialError(found.code, found.message);
  const key = found.keys.find((k) => k.alg === alg && signatureIsValid(decoded, k));
  if (!key) throw new CredentialError('SIGNATURE_INVALID', 'status list signature verification failed');
  return key;
}

function purposesOf(value: unknown): string[] {
  const purposes = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(purposes) || purposes.length === 0 || !purposes.every((p) => typeof p === 'string')) {
    throw invalid('the status list names no statusPurpose');
  }
  return purposes as string[];
}

function ttlOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalid('the status list ttl is not a number of milliseconds');
  }
  return value;
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
  const secured = securedCredentialOf(decoded);
  if (secured.securing !== 'vc+jwt') {
    throw new CredentialError('UNSUPPORTED_FORMAT', 'a status list is secured as vc+jwt');
  }
  const { credential, issuer } = secured;
  const key = verifySignature(decoded, issuer, options.trust);
  if (credential.id !== options.url) throw invalid('the status list id is not the URL it was fetched from');
  if (!hasType(credential.type, 'BitstringStatusListCredential')) {
    throw invalid('the credential is not a BitstringStatusListCredential');
  }
  const subject = asObject(credential.credentialSubject);
  if (!subject || !hasType(subject.type, 'BitstringStatusList')) {
    throw invalid('the status list subject is not a BitstringStatusList');
  }
  const purposes = purposesOf(subject.statusPurpose);
  if (options.purpose !== undefined && !purposes.includes(options.purpose)) {
    throw invalid('the status list does not serve the entry’s statusPurpose');
  }
  const now = options.now ?? Date.now();
  const tolerance = options.clockToleranceMs ?? 60_000;
  if (secured.validFrom !== undefined && now + tolerance < secured.validFrom) {
    throw new CredentialError('NOT_YET_VALID', 'the status list is not valid yet');
  }
  if (secured.validUntil !== undefined && now - tolerance > secured.validUntil) {
    throw new CredentialError('EXPIRED', 'the status list has expired');
  }
  const ttlMs = ttlOf(subject.ttl);
  if (typeof subject.encodedList !== 'string') throw invalid('the status list has no encodedList');
  const bits = decodeStatusList(subject.encodedList, options.maxListBytes ?? MAX_STATUS_LIST_BYTES);
  if (bits.length * 8 < MIN_STATUS_LIST_SIZE) {
    throw invalid(`the status list holds fewer than ${MIN_STATUS_LIST_SIZE} entries`);
  }
  const kid = decoded.header.kid;
  return {
    url: options.url,
    issuer,
    purposes,
    bits,
    ttlMs,
    validFrom: secured.validFrom,
    validUntil: secured.validUntil,
    kid: typeof kid === 'string' ? kid : undefined,
    key,
    jws,
  };
}
