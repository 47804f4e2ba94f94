import type { JsonWebKey } from 'node:crypto';
import { publicJwkOfDid } from '../did/self-certifying.js';
import { sameVerificationKey, verificationKeyFromJwk } from '../jws/signature.js';
import type { VerificationReport } from '../report.js';
import { asObject } from '../verify/claims.js';

/** True when both JWKs are usable public keys and the same key (compared as Node compares keys). */
function sameKey(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  try {
    return sameVerificationKey(
      verificationKeyFromJwk(a as JsonWebKey),
      verificationKeyFromJwk(b as JsonWebKey),
    );
  } catch {
    return false;
  }
}

/**
 * Whether `holder` is who `credential` was issued to: the `id` of one of its subjects, or, for a
 * credential bound to a key (`cnf.jwk`, as an SD-JWT is), a did:jwk or did:key holder whose key that is.
 */
export function holderIsSubject(credential: Record<string, unknown> | undefined, holder: string): boolean {
  if (!credential) return false;
  const subjects = credential.credentialSubject;
  for (const subject of Array.isArray(subjects) ? subjects : [subjects]) {
    if (asObject(subject)?.id === holder) return true;
  }
  const bound = asObject(asObject(credential.cnf)?.jwk);
  const held = publicJwkOfDid(holder);
  return bound !== undefined && held !== undefined && sameKey(bound, held as Record<string, unknown>);
}

/**
 * The first credential (by index) that verified yet was not issued to `holder` (see
 * {@link holderIsSubject}), or -1 when every verified one was.
 */
export function firstNotHolders(reports: readonly VerificationReport[], holder: string | undefined): number {
  return reports.findIndex(
    (r) => r.verified && (holder === undefined || !holderIsSubject(r.credential, holder)),
  );
}
