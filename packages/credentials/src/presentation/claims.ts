import { CredentialError } from '../errors.js';
import type { DecodedSecured } from '../jws/compact.js';
import { seconds } from '../verify/claims.js';
import { holderIdOf, jwtPresentationOf } from './jwt-vp.js';

/** How a presentation is secured: VC-JOSE-COSE's `vp+jwt` or `vp+cose`, or a VC 1.1 `JWT`. */
export type PresentationSecuring = 'vp+jwt' | 'vp+cose' | 'jwt';

/** What a secured presentation says beside itself: who signed it, when and for whom it may be used. */
export interface PresentationClaims {
  securing: PresentationSecuring;
  presentation: Record<string, unknown>;
  /** `holder` (or its `id`), else the JWT `iss`: whose key must have signed it. */
  holder?: string;
  /** The `nonce` and `aud` the holder signed: the verifier's challenge and domain. */
  nonce: unknown;
  aud: unknown;
  validFrom?: number;
  validUntil?: number;
}

/** A VC 1.1 presentation JWT (VC Data Model 1.1 §6.3.1): the `vp` claim and registered claims. */
function v1ClaimsOf(payload: Record<string, unknown>): PresentationClaims {
  const { validFrom, validUntil, ...read } = jwtPresentationOf(payload);
  const claims: PresentationClaims = { securing: 'jwt', ...read };
  if (validFrom !== undefined) claims.validFrom = validFrom;
  if (validUntil !== undefined) claims.validUntil = validUntil;
  return claims;
}

/**
 * Reads a decoded JWS (or COSE message) as a presentation: VC-JOSE-COSE (§3.1.2, §3.3.2) `typ`
 * `vp+jwt` or `vp+cose`, with no `vc` or `vp` claims and an `iss` that agrees with `holder`; or a
 * VC 1.1 presentation JWT (`typ: JWT` or none, a `vp` claim, `iss` the holder). No critical header
 * parameters, and NumericDate `nbf`/`exp`.
 *
 * @throws CredentialError `UNSUPPORTED_FORMAT` for another `typ`, `DECODING_FAILED` for the rest.
 */
export function presentationClaimsOf(jws: Pick<DecodedSecured, 'header' | 'payload'>): PresentationClaims {
  const { header, payload } = jws;
  if (header.crit !== undefined)
    throw new CredentialError('DECODING_FAILED', 'critical header parameters are not understood');
  if ((header.typ === undefined || header.typ === 'JWT') && payload.vp !== undefined)
    return v1ClaimsOf(payload);
  if (header.typ !== 'vp+jwt' && header.typ !== 'vp+cose')
    throw new CredentialError('UNSUPPORTED_FORMAT', 'the JWS type is not vp+jwt');
  if (payload.vc !== undefined || payload.vp !== undefined)
    throw new CredentialError('DECODING_FAILED', `a ${header.typ} must not carry vc or vp claims`);
  const holder = holderIdOf(payload.holder);
  const { iss } = payload;
  if (iss !== undefined && (typeof iss !== 'string' || (holder !== undefined && iss !== holder))) {
    throw new CredentialError('DECODING_FAILED', 'the iss claim contradicts the presentation holder');
  }
  const signer = typeof holder === 'string' ? holder : iss;
  const claims: PresentationClaims = {
    securing: header.typ,
    presentation: payload,
    nonce: payload.nonce,
    aud: payload.aud,
  };
  if (typeof signer === 'string') claims.holder = signer;
  const validFrom = seconds(payload.nbf, 'nbf');
  const validUntil = seconds(payload.exp, 'exp');
  if (validFrom !== undefined) claims.validFrom = validFrom;
  if (validUntil !== undefined) claims.validUntil = validUntil;
  return claims;
}
