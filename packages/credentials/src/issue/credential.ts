import { randomUUID } from 'node:crypto';
import { type CredentialType, PASSAGE_CONTEXT_URL, VC_V2_CONTEXT_URL } from '@passage/schema';
import type { BitstringStatusListEntry } from '../status/entry.js';

/** A VC Data Model 2.0 credential before it is secured. */
export interface UnsecuredCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSchema?: { id: string; type: 'JsonSchema' };
  credentialSubject: Record<string, unknown>;
  credentialStatus?: BitstringStatusListEntry[];
}

/** What {@link buildCredential} needs. */
export interface BuildCredentialOptions {
  type: CredentialType;
  issuer: string;
  subject: object;
  validFrom: string;
  validUntil?: string;
  /** The URL of the type's JSON Schema, as served by the issuer. */
  schemaUrl?: string;
  /** A `urn:uuid:` id; a fresh one when absent. */
  id?: string;
  /** Where verifiers check revocation and suspension. */
  credentialStatus?: BitstringStatusListEntry[];
}

/**
 * Builds a Passage credential (VC Data Model 2.0) from a checked subject.
 *
 * @example
 * buildCredential({ type: 'VaccinationCertificate', issuer: did, subject, validFrom, validUntil, schemaUrl })
 */
export function buildCredential(options: BuildCredentialOptions): UnsecuredCredential {
  return {
    '@context': [VC_V2_CONTEXT_URL, PASSAGE_CONTEXT_URL],
    id: options.id ?? `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', options.type],
    issuer: options.issuer,
    validFrom: options.validFrom,
    ...(options.validUntil === undefined ? {} : { validUntil: options.validUntil }),
    ...(options.schemaUrl === undefined
      ? {}
      : { credentialSchema: { id: options.schemaUrl, type: 'JsonSchema' as const } }),
    credentialSubject: { ...options.subject },
    ...(options.credentialStatus === undefined || options.credentialStatus.length === 0
      ? {}
      : { credentialStatus: options.credentialStatus }),
  };
}
