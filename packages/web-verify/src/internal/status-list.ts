import { decodeBase64url } from './base64url.js';
import { CredentialError, securedCredentialOf } from './credentials.js';
import { gunzipBounded } from './gunzip.js';
import { decodeCompactJws, type WebDecodedJws } from './jws.js';
import { keyForSignature } from './keys.js';
import type { WebTrustStore } from './trust-store.js';
import { SUPPORTED_ALGORITHMS, signatureIsValid, type WebKey } from './web-crypto.js';

/** The spec's minimum list size, and the bound on an expanded list, as in `@passage/credentials`. */
export const MIN_STATUS_LIST_SIZE = 131_072;
export const MAX_STATUS_LIST_BYTES = 1024 * 1024;
const MAX_STATUS_LIST_JWS_LENGTH = 3 * MAX_STATUS_LIST_BYTES;

/** A verified status list credential: what status checks read bits from. */
export interface WebStatusList {
  url: string;
  issuer: string;
  purposes: readonly string[];
  bits: Uint8Array;
  ttlMs: number | undefined;
  validFrom: number | undefined;
  validUntil: number | undefined;
  kid: string | undefined;
  key: WebKey;
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
const hasType = (value: unknown, type: string): boolean =>
  value === type || (Array.isArray(value) && value.includes(type));
const invalid = (message: string) => new CredentialError('DECODING_FAILED', message);

async function verifySignature(decoded: WebDecodedJws, issuer: string, trust: WebTrustStore) {
  const { alg, kid } = decoded.header;
  if (typeof alg !== 'string' || !(SUPPORTED_ALGORITHMS as readonly string[]).includes(alg)) {
    throw new CredentialError('ALGORITHM_NOT_ALLOWED', 'the status list JWS algorithm is not allowed');
  }
  if (!trust.findIssuer(issuer)) {
    throw new CredentialError('ISSUER_NOT_TRUSTED', 'the status list issuer is not in the trust list');
  }
  const found = keyForSignature(trust, issuer, kid, true);
  if ('code' in found) throw new CredentialError(found.code, found.message);
  for (const key of found.keys) {
    if (key.alg === alg && (await signatureIsValid(key, decoded.signingInput, decoded.signature))) return key;
  }
  throw new CredentialError('SIGNATURE_INVALID', 'status list signature verification failed');
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

async function decodeEncodedList(encoded: string): Promise<Uint8Array> {
  if (!encoded.startsWith('u') || !/^[A-Za-z0-9_-]+$/.test(encoded.slice(1))) {
    throw invalid('encodedList is not multibase base64url');
  }
  return gunzipBounded(decodeBase64url(encoded.slice(1)) ?? new Uint8Array(), MAX_STATUS_LIST_BYTES);
}

/**
 * Verifies a status list credential (compact JWS) for `url` with the steps and codes of
 * `verifyStatusListCredential` (`@passage/credentials`): signature by a key the trust store holds for
 * the list's issuer, `id` equal to `url`, the types, the validity window at `now` (60 s leeway) and an
 * `encodedList` expanded (bounded, with `DecompressionStream`) to at least 131,072 entries.
 *
 * @throws CredentialError with the code of the failed step.
 */
export async function verifyStatusList(
  jws: string,
  options: { url: string; trust: WebTrustStore; now: number },
): Promise<WebStatusList> {
  const decoded = decodeCompactJws(jws, MAX_STATUS_LIST_JWS_LENGTH);
  const secured = securedCredentialOf(decoded);
  if (secured.securing !== 'vc+jwt') {
    throw new CredentialError('UNSUPPORTED_FORMAT', 'a status list is secured as vc+jwt');
  }
  const { credential, issuer } = secured;
  const key = await verifySignature(decoded, issuer, options.trust);
  if (credential.id !== options.url) throw invalid('the status list id is not the URL it was fetched from');
  if (!hasType(credential.type, 'BitstringStatusListCredential')) {
    throw invalid('the credential is not a BitstringStatusListCredential');
  }
  const subject = asObject(credential.credentialSubject);
  if (!subject || !hasType(subject.type, 'BitstringStatusList')) {
    throw invalid('the status list subject is not a BitstringStatusList');
  }
  const purposes = purposesOf(subject.statusPurpose);
  const tolerance = 60_000;
  if (secured.validFrom !== undefined && options.now + tolerance < secured.validFrom) {
    throw new CredentialError('NOT_YET_VALID', 'the status list is not valid yet');
  }
  if (secured.validUntil !== undefined && options.now - tolerance > secured.validUntil) {
    throw new CredentialError('EXPIRED', 'the status list has expired');
  }
  const ttlMs = ttlOf(subject.ttl);
  if (typeof subject.encodedList !== 'string') throw invalid('the status list has no encodedList');
  const bits = await decodeEncodedList(subject.encodedList);
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
  };
}
