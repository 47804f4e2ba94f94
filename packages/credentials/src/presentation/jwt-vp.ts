import { CredentialError } from '../errors.js';
import { asObject } from '../verify/claims.js';

/** The VC Data Model 1.1 base context, first in a VC 1.1 presentation's `@context`. */
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

/** A presentation's `holder`: the URL itself, or the `id` of a holder object. */
export function holderIdOf(value: unknown): unknown {
  return typeof value === 'string' ? value : asObject(value)?.id;
}

/** True for a VC 1.1 presentation JWT (VC Data Model 1.1 §6.3.1): `typ: JWT` or none, and a `vp` claim. */
export function isV1PresentationJwt(jws: {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}) {
  const { typ } = jws.header;
  return (typ === undefined || typ === 'JWT') && jws.payload.vp !== undefined;
}

/**
 * The presentation of a VC 1.1 presentation JWT, as Veramo's `createVerifiablePresentation` with
 * `proofFormat: 'jwt'` (did-jwt-vc) and other VC 1.1 wallets sign it: the `vp` claim, with `holder`
 * from `iss` (which must agree with a `vp.holder`) and `id` from `jti`. Its `nbf`, `exp`, `nonce` and
 * `aud` are the JWT's, read as a `vp+jwt`'s are.
 *
 * @throws CredentialError `DECODING_FAILED` for a `vp` that is not an object, or a missing or
 *   contradicted `iss`.
 */
export function jwtPresentationOf(payload: Record<string, unknown>): {
  presentation: Record<string, unknown>;
  holder: string;
} {
  const vp = asObject(payload.vp);
  if (!vp) throw new CredentialError('DECODING_FAILED', 'the JWT carries no presentation (vp claim)');
  const { iss } = payload;
  if (typeof iss !== 'string')
    throw new CredentialError('DECODING_FAILED', 'the presentation JWT has no iss');
  const named = holderIdOf(vp.holder);
  if (named !== undefined && named !== iss) {
    throw new CredentialError('DECODING_FAILED', 'the iss claim contradicts the presentation holder');
  }
  const presentation: Record<string, unknown> = { ...vp, holder: vp.holder ?? iss };
  if (typeof payload.jti === 'string') presentation.id = payload.jti;
  return { presentation, holder: iss };
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
