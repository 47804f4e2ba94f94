import { CredentialError } from '../errors.js';
import type { DecodedSecured } from '../jws/compact.js';
import { asObject, seconds } from '../verify/claims.js';

/** What a `vp+jwt` says beside the presentation: who signed it and when it may be used. */
export interface PresentationClaims {
  securing: 'vp+jwt' | 'vp+cose';
  presentation: Record<string, unknown>;
  /** `holder` (or its `id`), else the JWT `iss`: whose key must have signed it. */
  holder?: string;
  validFrom?: number;
  validUntil?: number;
}

/**
 * Reads a decoded JWS (or COSE message) as a VC-JOSE-COSE presentation (§3.1.2, §3.3.2): `typ`
 * `vp+jwt` or `vp+cose`, no critical header
 * parameters, no `vc` or `vp` claims, an `iss` that agrees with `holder`, and NumericDate `nbf`/`exp`.
 *
 * @throws CredentialError `UNSUPPORTED_FORMAT` for another `typ`, `DECODING_FAILED` for the rest.
 */
export function presentationClaimsOf(jws: Pick<DecodedSecured, 'header' | 'payload'>): PresentationClaims {
  const { header, payload } = jws;
  if (header.typ !== 'vp+jwt' && header.typ !== 'vp+cose')
    throw new CredentialError('UNSUPPORTED_FORMAT', 'the JWS type is not vp+jwt');
  if (header.crit !== undefined)
    throw new CredentialError('DECODING_FAILED', 'critical header parameters are not understood');
  if (payload.vc !== undefined || payload.vp !== undefined)
    throw new CredentialError('DECODING_FAILED', `a ${header.typ} must not carry vc or vp claims`);
  const holderValue = payload.holder;
  const holder = typeof holderValue === 'string' ? holderValue : asObject(holderValue)?.id;
  const { iss } = payload;
  if (iss !== undefined && (typeof iss !== 'string' || (holder !== undefined && iss !== holder))) {
    throw new CredentialError('DECODING_FAILED', 'the iss claim contradicts the presentation holder');
  }
  const signer = typeof holder === 'string' ? holder : iss;
  const claims: PresentationClaims = { securing: header.typ, presentation: payload };
  if (typeof signer === 'string') claims.holder = signer;
  const validFrom = seconds(payload.nbf, 'nbf');
  const validUntil = seconds(payload.exp, 'exp');
  if (validFrom !== undefined) claims.validFrom = validFrom;
  if (validUntil !== undefined) claims.validUntil = validUntil;
  return claims;
}
