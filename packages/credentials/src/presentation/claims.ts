import { CredentialError } from '../errors.js';
import type { DecodedSecured } from '../jws/compact.js';
import { seconds } from '../verify/claims.js';
import { holderIdOf, isV1PresentationJwt, jwtPresentationOf } from './jwt-vp.js';

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
  const { securing, presentation, holder } = isV1PresentationJwt(jws)
    ? { securing: 'jwt' as const, ...jwtPresentationOf(payload) }
    : vcJosePresentationOf(header, payload);
  // The JWT claims beside the presentation are the same for both kinds.
  const claims: PresentationClaims = { securing, presentation, nonce: payload.nonce, aud: payload.aud };
  if (typeof holder === 'string') claims.holder = holder;
  const validFrom = seconds(payload.nbf, 'nbf');
  const validUntil = seconds(payload.exp, 'exp');
  if (validFrom !== undefined) claims.validFrom = validFrom;
  if (validUntil !== undefined) claims.validUntil = validUntil;
  return claims;
}

/** A VC-JOSE-COSE presentation: the payload itself, signed by `holder` (or else the JWT `iss`). */
function vcJosePresentationOf(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): { securing: 'vp+jwt' | 'vp+cose'; presentation: Record<string, unknown>; holder: unknown } {
  if (header.typ !== 'vp+jwt' && header.typ !== 'vp+cose')
    throw new CredentialError('UNSUPPORTED_FORMAT', 'the JWS type is not vp+jwt');
  if (payload.vc !== undefined || payload.vp !== undefined)
    throw new CredentialError('DECODING_FAILED', `a ${header.typ} must not carry vc or vp claims`);
  const holder = holderIdOf(payload.holder);
  const { iss } = payload;
  if (iss !== undefined && (typeof iss !== 'string' || (holder !== undefined && iss !== holder))) {
    throw new CredentialError('DECODING_FAILED', 'the iss claim contradicts the presentation holder');
  }
  return { securing: header.typ, presentation: payload, holder: typeof holder === 'string' ? holder : iss };
}
