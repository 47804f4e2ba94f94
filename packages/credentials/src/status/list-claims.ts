import { CredentialError } from '../errors.js';
import { SUPPORTED_ALGORITHMS } from '../jws/algorithms.js';
import type { DecodedJws } from '../jws/compact.js';
import { type SecuredCredential, securedCredentialOf } from '../verify/claims.js';
import { chooseKeys, type KeyLookup } from '../verify/key-choice.js';
import { MAX_STATUS_LIST_BYTES, MIN_STATUS_LIST_SIZE } from './bits.js';

// The steps of verifying a status list credential that decide codes, apart from the signature and
// GZIP: the Node verifier (list-credential.ts) and the browser one (@passage/web-verify) run them in
// the same order around their own crypto and decompression.

/**
 * The largest status list credential (compact JWS) a verifier reads: enough for a list of
 * {@link MAX_STATUS_LIST_BYTES} random bits, which GZIP cannot shrink, base64url-encoded twice.
 */
export const MAX_STATUS_LIST_JWS_LENGTH = 3 * MAX_STATUS_LIST_BYTES;

/** What a status list's claims are checked against. */
export interface StatusListClaimsOptions {
  /** The URL the list was dereferenced from; the list's `id` must equal it. */
  url: string;
  /** The instant (epoch ms) to check the list's validity at. */
  now: number;
  /** Leeway for clock skew, in milliseconds. */
  clockToleranceMs: number;
  /** When given, the list must serve this purpose. */
  purpose?: string | undefined;
}

/** A status list's claims, checked: what is left to do is expanding `encodedList`. */
export interface StatusListClaims {
  /** `credentialSubject.statusPurpose`, as a list. */
  purposes: string[];
  /** `credentialSubject.ttl` in milliseconds; undefined when absent. */
  ttlMs: number | undefined;
  /** `credentialSubject.encodedList`, not yet decoded. */
  encodedList: string;
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const hasType = (value: unknown, type: string): boolean =>
  value === type || (Array.isArray(value) && value.includes(type));

const invalid = (message: string) => new CredentialError('DECODING_FAILED', message);

/**
 * The credential a decoded status list JWS secures, which must be `vc+jwt`.
 *
 * @throws CredentialError `DECODING_FAILED` or `UNSUPPORTED_FORMAT`.
 */
export function securedStatusListOf(decoded: Pick<DecodedJws, 'header' | 'payload'>): SecuredCredential {
  const secured = securedCredentialOf(decoded);
  if (secured.securing !== 'vc+jwt') {
    throw new CredentialError('UNSUPPORTED_FORMAT', 'a status list is secured as vc+jwt');
  }
  return secured;
}

const noSelfCertifiedKey = () => undefined;

/**
 * The keys that may have signed a status list, and the algorithm to check with: the list's issuer
 * must be trusted and the key one it lists.
 *
 * @throws CredentialError `ALGORITHM_NOT_ALLOWED`, `ISSUER_NOT_TRUSTED` or `KEY_NOT_FOUND`.
 */
export function statusListKeysOf<K>(
  header: Record<string, unknown>,
  issuer: string,
  trust: KeyLookup<K>,
): { alg: string; keys: readonly K[] } {
  const { alg, kid } = header;
  if (typeof alg !== 'string' || !(SUPPORTED_ALGORITHMS as readonly string[]).includes(alg)) {
    throw new CredentialError('ALGORITHM_NOT_ALLOWED', 'the status list JWS algorithm is not allowed');
  }
  if (!trust.findIssuer(issuer)) {
    throw new CredentialError('ISSUER_NOT_TRUSTED', 'the status list issuer is not in the trust list');
  }
  // Lists are only read from trusted issuers, whose keys the trust store holds.
  const found = chooseKeys(trust, issuer, kid, true, noSelfCertifiedKey);
  if ('code' in found) throw new CredentialError(found.code, found.message);
  return { alg, keys: found.keys };
}

/** The error for a status list no key verified. */
export const statusListSignatureInvalid = () =>
  new CredentialError('SIGNATURE_INVALID', 'status list signature verification failed');

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
 * Checks a signed status list's claims (Bitstring Status List v1.0): `id` equal to the URL it came
 * from, type `BitstringStatusListCredential` with a `BitstringStatusList` subject, its purposes, the
 * validity window, `ttl`, and an `encodedList` present.
 *
 * @throws CredentialError `DECODING_FAILED`, `NOT_YET_VALID` or `EXPIRED`.
 */
export function statusListClaimsOf(
  secured: SecuredCredential,
  options: StatusListClaimsOptions,
): StatusListClaims {
  const { credential } = secured;
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
  const { now, clockToleranceMs: tolerance } = options;
  if (secured.validFrom !== undefined && now + tolerance < secured.validFrom) {
    throw new CredentialError('NOT_YET_VALID', 'the status list is not valid yet');
  }
  if (secured.validUntil !== undefined && now - tolerance > secured.validUntil) {
    throw new CredentialError('EXPIRED', 'the status list has expired');
  }
  const ttlMs = ttlOf(subject.ttl);
  if (typeof subject.encodedList !== 'string') throw invalid('the status list has no encodedList');
  return { purposes, ttlMs, encodedList: subject.encodedList };
}

/** A verified status list credential, decoded once; `K` is the platform's imported key. */
export interface VerifiedStatusList<K> {
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
  key: K;
}

/** The verified list, once its signature, claims and bitstring have passed. */
export function verifiedStatusListOf<K>(
  url: string,
  secured: SecuredCredential,
  header: Record<string, unknown>,
  claims: StatusListClaims,
  bits: Uint8Array,
  key: K,
): VerifiedStatusList<K> {
  const { kid } = header;
  return {
    url,
    issuer: secured.issuer,
    purposes: claims.purposes,
    bits,
    ttlMs: claims.ttlMs,
    validFrom: secured.validFrom,
    validUntil: secured.validUntil,
    kid: typeof kid === 'string' ? kid : undefined,
    key,
  };
}

/**
 * Checks an expanded list holds at least the spec's {@link MIN_STATUS_LIST_SIZE} entries.
 *
 * @throws CredentialError `DECODING_FAILED`.
 */
export function checkStatusListSize(bits: Uint8Array): void {
  if (bits.length * 8 < MIN_STATUS_LIST_SIZE) {
    throw invalid(`the status list holds fewer than ${MIN_STATUS_LIST_SIZE} entries`);
  }
}
