import { isNumericDate } from '@passage/schema';
import { CredentialError } from '../errors.js';
import type { DecodedJws } from '../jws/compact.js';
import type { Securing } from '../report.js';

/** The credential a JWS secures, normalised to VC Data Model 2.0 field names. */
export interface SecuredCredential {
  securing: Securing;
  credential: Record<string, unknown>;
  issuer: string;
  validFrom?: number;
  validUntil?: number;
  /** The JWT `iat` claim, in epoch milliseconds, when present. */
  issuedAt?: number;
}

/** `value` when it is a JSON object (not an array), else undefined. */
export const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** A JWT's `aud` as a list: RFC 7519 §4.1.3 allows one string or an array of them. */
export const audiencesOf = (aud: unknown): unknown[] => (Array.isArray(aud) ? aud : [aud]);

/**
 * Whether a signed `nonce` and `aud` answer the verifier's challenge and name its domain, for a
 * presentation or a key binding JWT alike (`what` names it in the message): CHALLENGE_MISMATCH or
 * DOMAIN_MISMATCH, or undefined when they do (or nothing was asked).
 */
export function transactionMismatch(
  signed: { nonce: unknown; aud: unknown },
  asked: { challenge?: string | undefined; domain?: string | undefined },
  what: string,
): { code: 'CHALLENGE_MISMATCH' | 'DOMAIN_MISMATCH'; message: string } | undefined {
  if (asked.challenge !== undefined && signed.nonce !== asked.challenge) {
    return { code: 'CHALLENGE_MISMATCH', message: `${what} does not answer the challenge given` };
  }
  if (asked.domain !== undefined && !audiencesOf(signed.aud).includes(asked.domain)) {
    return { code: 'DOMAIN_MISMATCH', message: `${what} is not meant for this domain` };
  }
  return undefined;
}

function instant(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new CredentialError('DECODING_FAILED', `${what} is not a date-time`);
  return ms;
}

/** A JWT NumericDate claim in epoch milliseconds; DECODING_FAILED when it is not one. */
export function seconds(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  // Beyond the range no Date exists: the report's dates (toISOString) would throw on it.
  if (!isNumericDate(value)) throw new CredentialError('DECODING_FAILED', `${what} is not a NumericDate`);
  return value * 1000;
}

const later = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);
const earlier = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

/**
 * Reads the credential out of a decoded JWS: VC 2.0 `vc+jwt` (the payload is the credential) or
 * VC 1.1 `JWT` (the `vc` claim plus registered claims). JWT time claims, when present, narrow validity.
 */
export function securedCredentialOf(jws: Pick<DecodedJws, 'header' | 'payload'>): SecuredCredential {
  const { header, payload } = jws;
  if (header.crit !== undefined)
    throw new CredentialError('DECODING_FAILED', 'critical header parameters are not understood');
  const nbf = seconds(payload.nbf, 'nbf');
  const exp = seconds(payload.exp, 'exp');
  if (header.typ === 'vc+jwt' || header.typ === 'vc+sd-jwt' || header.typ === 'vc+cose') {
    // VC-JOSE-COSE §3.1.1, §3.2.1, §3.3.1: the payload is the credential itself; `vc` and `vp` claims MUST NOT appear.
    if (payload.vc !== undefined || payload.vp !== undefined)
      throw new CredentialError('DECODING_FAILED', `a ${header.typ} must not carry vc or vp claims`);
    // `iat` says when it was signed; some issuers write it as a date-time string (the W3C suites do).
    const iat = typeof payload.iat === 'string' ? instant(payload.iat, 'iat') : seconds(payload.iat, 'iat');
    const issuerValue = payload.issuer;
    const issuer = typeof issuerValue === 'string' ? issuerValue : asObject(issuerValue)?.id;
    if (typeof issuer !== 'string')
      throw new CredentialError('DECODING_FAILED', 'the credential names no issuer');
    if (payload.iss !== undefined && payload.iss !== issuer) {
      throw new CredentialError('DECODING_FAILED', 'the iss claim contradicts the credential issuer');
    }
    return withInstants(
      { securing: header.typ, credential: payload, issuer },
      later(instant(payload.validFrom, 'validFrom'), nbf),
      earlier(instant(payload.validUntil, 'validUntil'), exp),
      iat,
    );
  }
  const iat = seconds(payload.iat, 'iat');
  if (header.typ === undefined || header.typ === 'JWT') {
    const vc = asObject(payload.vc);
    if (!vc || typeof payload.iss !== 'string')
      throw new CredentialError('DECODING_FAILED', 'the JWT carries no credential');
    const subject = asObject(vc.credentialSubject) ?? {};
    const credential: Record<string, unknown> = {
      ...vc,
      issuer: payload.iss,
      ...(typeof payload.jti === 'string' ? { id: payload.jti } : {}),
      ...(typeof payload.sub === 'string' ? { credentialSubject: { ...subject, id: payload.sub } } : {}),
      ...(nbf === undefined ? {} : { issuanceDate: new Date(nbf).toISOString() }),
      ...(exp === undefined ? {} : { expirationDate: new Date(exp).toISOString() }),
    };
    return withInstants({ securing: 'jwt', credential, issuer: payload.iss }, nbf, exp, iat);
  }
  throw new CredentialError('UNSUPPORTED_FORMAT', 'the JWS type is neither vc+jwt nor JWT');
}

/** `secured` with the instants that are known set on it (an unknown one stays absent, not undefined). */
function withInstants(
  secured: SecuredCredential,
  validFrom: number | undefined,
  validUntil: number | undefined,
  issuedAt: number | undefined,
): SecuredCredential {
  if (validFrom !== undefined) secured.validFrom = validFrom;
  if (validUntil !== undefined) secured.validUntil = validUntil;
  if (issuedAt !== undefined) secured.issuedAt = issuedAt;
  return secured;
}
