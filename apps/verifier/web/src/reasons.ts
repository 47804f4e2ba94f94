// From the DOM-free subpath: the verifier's Node tests import this module too.
import { formatDate } from '@passage/web-ui/dates';
import type { OfficerAnswer } from './answer.js';

export { formatDate };

const stringField = (credential: Record<string, unknown> | undefined, ...keys: string[]) => {
  for (const key of keys) {
    const value = credential?.[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
};

/** Codes meaning the text is not a credential the verifier could read at all. */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set([
  'MALFORMED_INPUT',
  'UNSUPPORTED_FORMAT',
  'INVALID_PREFIX',
  'INVALID_BASE45',
  'INVALID_COMPRESSION',
  'INPUT_TOO_LARGE',
  'DECODING_FAILED',
]);

const WORDS: Record<string, string> = {
  INPUT_TOO_LARGE: 'The QR code holds far more data than a credential does',
  SIGNATURE_INVALID: 'The signature does not match: the credential was altered or not signed by its issuer',
  ISSUER_NOT_TRUSTED: 'Issuer not recognised by the trust list',
  TYPE_NOT_ALLOWED: 'The trust list does not allow this issuer to issue this kind of credential',
  ISSUER_SUSPENDED: 'Issued while the issuer was suspended from the trust list',
  ISSUER_TERMINATED: 'Issued after the issuer was removed from the trust list',
  ISSUER_NOT_VALID: 'Issued outside the period the trust list recognises the issuer for',
  KEY_NOT_FOUND: 'Signed with a key the trust list does not give this issuer',
  ALGORITHM_NOT_ALLOWED: 'Signed with an algorithm that is not accepted',
  REVOKED: 'Revoked by the issuer',
  SUSPENDED: 'Suspended by the issuer',
  STATUS_UNAVAILABLE: 'Could not check whether the issuer revoked it (no current status list)',
  SCHEMA_INVALID: 'The credential’s content is not well-formed',
  KEY_BINDING_REQUIRED: 'The holder did not prove they hold the credential’s key',
  KEY_BINDING_INVALID: 'The holder’s proof of holding the credential does not verify',
  KEY_BINDING_EXPIRED: 'The holder’s proof of holding the credential is too old: it may be replayed',
  KEY_BINDING_NOT_YET_VALID: 'The holder’s proof is dated in the future: check the device clocks',
};

/**
 * One failure code in plain words for the officer, with the date where the code has one
 * ("Expired on 3 March 2026"). Unknown codes still read as a sentence and keep the code.
 */
export function reasonFor(code: string, answer: OfficerAnswer): string {
  const credential = answer.credential;
  const facts = answer.view?.facts;
  if (code === 'EXPIRED') {
    const until =
      stringField(credential, 'validUntil', 'expirationDate') ??
      (facts?.kind === 'travel-card' ? facts.validUntil : undefined);
    return until ? `Expired on ${formatDate(until)}` : 'Expired';
  }
  if (code === 'NOT_YET_VALID') {
    const from =
      stringField(credential, 'validFrom', 'issuanceDate') ??
      (facts?.kind === 'travel-card' ? facts.validFrom : undefined);
    return from ? `Not valid until ${formatDate(from)}` : 'Not valid yet';
  }
  if (UNREADABLE_CODES.has(code) && code !== 'INPUT_TOO_LARGE') {
    return 'This QR code is not a travel credential this page can read';
  }
  return WORDS[code] ?? `Could not be verified (${code})`;
}

/** The distinct reasons of an answer's failures, in the order found (checks not run are left out). */
export function reasonsOf(answer: OfficerAnswer): string[] {
  const codes = answer.errors.map((e) => e.code).filter((c) => c !== 'NOT_CHECKED');
  return [...new Set(codes.map((code) => reasonFor(code, answer)))];
}
