import { CredentialError } from '../errors.js';
import { asObject, seconds } from '../verify/claims.js';

/** The VC Data Model 1.1 base context, first in a VC 1.1 presentation's `@context`. */
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

/** A presentation's `holder`: the URL itself, or the `id` of a holder object. */
export function holderIdOf(value: unknown): unknown {
  return typeof value === 'string' ? value : asObject(value)?.id;
}

/** A VC 1.1 presentation read out of its JWT (VC Data Model 1.1 §6.3.1), as a vp+jwt's claims are. */
export interface JwtPresentation {
  /** The `vp` claim, with `holder` from `iss` and `id` from `jti` (the claims VC 1.1 maps them to). */
  presentation: Record<string, unknown>;
  holder: string;
  nonce: unknown;
  aud: unknown;
  validFrom?: number;
  validUntil?: number;
}

/**
 * Reads a VC 1.1 presentation secured as a JWT (`typ: JWT` or none, a `vp` claim): what Veramo's
 * `createVerifiablePresentation` with `proofFormat: 'jwt'` (did-jwt-vc) and other VC 1.1 wallets sign.
 * `iss` is the holder and must agree with a `vp.holder`; `nbf` and `exp` bound its use; `nonce` and
 * `aud` answer the verifier's challenge and domain.
 *
 * @throws CredentialError `DECODING_FAILED` for a `vp` that is not an object, a missing or
 *   contradicted `iss`, or time claims that are not NumericDates.
 */
export function jwtPresentationOf(payload: Record<string, unknown>): JwtPresentation {
  const vp = asObject(payload.vp);
  if (!vp) throw new CredentialError('DECODING_FAILED', 'the JWT carries no presentation (vp claim)');
  const { iss } = payload;
  if (typeof iss !== 'string')
    throw new CredentialError('DECODING_FAILED', 'the presentation JWT has no iss');
  const holderValue = vp.holder;
  const named = holderIdOf(holderValue);
  if (named !== undefined && named !== iss) {
    throw new CredentialError('DECODING_FAILED', 'the iss claim contradicts the presentation holder');
  }
  const presentation: Record<string, unknown> = { ...vp, holder: holderValue ?? iss };
  if (typeof payload.jti === 'string') presentation.id = payload.jti;
  const read: JwtPresentation = { presentation, holder: iss, nonce: payload.nonce, aud: payload.aud };
  const validFrom = seconds(payload.nbf, 'nbf');
  const validUntil = seconds(payload.exp, 'exp');
  if (validFrom !== undefined) read.validFrom = validFrom;
  if (validUntil !== undefined) read.validUntil = validUntil;
  return read;
}

/** One place where a VC 1.1 presentation breaks its data model. */
export interface V1ModelIssue {
  path: string;
  message: string;
}

/**
 * VC Data Model 1.1 §4 for a presentation: `@context` starts with the 1.1 base context, `type` holds
 * `VerifiablePresentation`, and each `verifiableCredential` is a credential JWT or an object (which
 * the credential verifier then reads, or refuses).
 */
export function checkV1PresentationModel(presentation: Record<string, unknown>): V1ModelIssue[] {
  const issues: V1ModelIssue[] = [];
  const context = presentation['@context'];
  const first = Array.isArray(context) ? context[0] : context;
  if (first !== VC_V1_CONTEXT) issues.push({ path: '@context', message: `must start with ${VC_V1_CONTEXT}` });
  const { type } = presentation;
  if (!(Array.isArray(type) ? type : [type]).includes('VerifiablePresentation')) {
    issues.push({ path: 'type', message: 'must include VerifiablePresentation' });
  }
  const credentials = presentation.verifiableCredential;
  if (credentials !== undefined) {
    const list = Array.isArray(credentials) ? credentials : [credentials];
    for (const [i, entry] of list.entries()) {
      if (typeof entry !== 'string' && asObject(entry) === undefined) {
        issues.push({ path: `verifiableCredential.${i}`, message: 'must be a credential JWT or object' });
      }
    }
  }
  return issues;
}
