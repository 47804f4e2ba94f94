import { VC_V2_CONTEXT_URL } from '@passage/schema';
import { CredentialError } from '../errors.js';
import { encodeStatusList } from './bitstring.js';
import type { StatusPurpose } from './entry.js';

/** What {@link buildStatusListCredential} needs. */
export interface StatusListCredentialOptions {
  /** Where the list is published; becomes the credential's `id`. */
  url: string;
  /** The DID of the authority whose credentials the list covers. */
  issuer: string;
  purpose: StatusPurpose;
  /** The bitstring, index 0 the most significant bit of byte 0. */
  bits: Uint8Array;
  /** How long verifiers may cache this version, in milliseconds (the spec's `ttl`). */
  ttlMs: number;
  /** When this version of the list was made (ISO 8601). */
  validFrom: string;
}

/** The subject of a status list credential (Bitstring Status List v1.0). */
export interface BitstringStatusListSubject {
  id: string;
  type: 'BitstringStatusList';
  statusPurpose: StatusPurpose;
  encodedList: string;
  ttl: number;
}

/** An unsecured `BitstringStatusListCredential` (VC Data Model 2.0). */
export interface StatusListCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  credentialSubject: BitstringStatusListSubject;
}

/**
 * Builds the unsecured status list credential for one version of a list: `encodedList` is the GZIP,
 * multibase base64url form of `bits`. Secure it with `issueCredential(agent, { credential })`.
 *
 * @example
 * buildStatusListCredential({ url, issuer: did, purpose: 'revocation', bits, ttlMs: 300_000, validFrom })
 * @throws CredentialError `INVALID_ARGUMENT` for an empty list or a ttl that is not a positive integer
 */
export function buildStatusListCredential(options: StatusListCredentialOptions): StatusListCredential {
  if (options.bits.length === 0) {
    throw new CredentialError('INVALID_ARGUMENT', 'a status list holds at least one byte of entries');
  }
  if (!Number.isSafeInteger(options.ttlMs) || options.ttlMs <= 0) {
    throw new CredentialError('INVALID_ARGUMENT', 'the status list ttl is a positive number of milliseconds');
  }
  return {
    '@context': [VC_V2_CONTEXT_URL],
    id: options.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
    validFrom: options.validFrom,
    credentialSubject: {
      id: `${options.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: options.purpose,
      encodedList: encodeStatusList(options.bits),
      ttl: options.ttlMs,
    },
  };
}
