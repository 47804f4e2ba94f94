import type { JsonWebKey } from 'node:crypto';
import { isNumericDate } from '@passage/schema';
import type { VerificationCode } from '../errors.js';
import { type DecodedJws, decodeCompactJws } from '../jws/compact.js';
import {
  SUPPORTED_ALGORITHMS,
  signatureIsValid,
  type VerificationKey,
  verificationKeyFromJwk,
} from '../jws/signature.js';
import { asObject, audiencesOf, transactionMismatch } from '../verify/claims.js';
import {
  DEFAULT_CLOCK_TOLERANCE_SEC,
  DEFAULT_KEY_BINDING_MAX_AGE_SEC,
  type KeyBindingPolicy,
  type VerifyOptions,
} from '../verify/options.js';
import type { CheckWriter } from '../verify/report-builder.js';
import { sdDigest } from './digest.js';
import type { SdJwtBinding } from './sd-jwt.js';

// RFC 9901 §7.3, the verifier's checks of a key binding JWT (KB-JWT), each failure a coded outcome of
// `checks.keyBinding`: whether one is required is the verifier's policy, never whether one was sent
// (§9.5); then the holder's key from `cnf` (§4.1.2), an algorithm deemed secure (never `none`), the
// signature, `typ: kb+jwt`, `sd_hash` over this very SD-JWT (§4.3.1), the claims §4.3 requires, `iat`
// within the window, and `nonce` and `aud` for this transaction and this verifier.

type Problem = { code: VerificationCode; message: string } | undefined;

const invalid = (message: string): Problem => ({ code: 'KEY_BINDING_INVALID', message });

/** True when `policy` requires a key binding JWT: `required`, else whenever a challenge or domain is asked. */
export function keyBindingRequired(policy: KeyBindingPolicy | undefined): boolean {
  return policy?.required ?? (policy?.challenge !== undefined || policy?.domain !== undefined);
}

/** The holder's key: `cnf.jwk` (RFC 7800) of the credential, imported. */
function holderKeyOf(cnf: unknown): VerificationKey | Problem {
  const jwk = asObject(asObject(cnf)?.jwk);
  if (!jwk) return invalid('the credential names no cnf.jwk key to check its key binding JWT with');
  try {
    return verificationKeyFromJwk(jwk as JsonWebKey);
  } catch {
    return invalid("the credential's cnf.jwk is not a usable public key");
  }
}

/** The KB-JWT decoded and its signature checked with the holder's key, or why it is not one. */
function signedKbJwt(text: string, key: VerificationKey, allowed: readonly string[]): DecodedJws | Problem {
  let kb: DecodedJws;
  try {
    kb = decodeCompactJws(text);
  } catch {
    return invalid('the key binding JWT is not a compact JWS');
  }
  const { alg, typ, crit } = kb.header;
  if (typ !== 'kb+jwt') return invalid('the key binding JWT is not typ kb+jwt');
  if (crit !== undefined) return invalid('the key binding JWT has critical header parameters');
  // `none` is never in `allowed`; an algorithm other than the holder key's cannot verify with it.
  if (typeof alg !== 'string' || !allowed.includes(alg) || alg !== key.alg) {
    return invalid("the key binding JWT's algorithm is not allowed for the holder's key");
  }
  return signatureIsValid(kb, key) ? kb : invalid('the key binding JWT signature does not verify');
}

/** RFC 7519 §4.1.3: one string or an array of them; none empty. */
function isAudience(aud: unknown): boolean {
  const list = audiencesOf(aud);
  return list.length > 0 && list.every((a) => typeof a === 'string' && a !== '');
}

/** §4.3: `iat`, `aud`, `nonce` and `sd_hash` are required; §4.3.1: `sd_hash` digests this SD-JWT. */
function claimsProblem(claims: Record<string, unknown>, presented: string): Problem {
  const { iat, aud, nonce, sd_hash: sdHash, exp, nbf } = claims;
  if (!isNumericDate(iat) || typeof nonce !== 'string' || !isAudience(aud) || typeof sdHash !== 'string') {
    return invalid('the key binding JWT lacks iat, nonce, aud or sd_hash');
  }
  if ((exp !== undefined && !isNumericDate(exp)) || (nbf !== undefined && !isNumericDate(nbf))) {
    return invalid("the key binding JWT's exp or nbf is not a NumericDate");
  }
  return sdHash === sdDigest(presented) ? undefined : invalid('the key binding JWT is for another SD-JWT');
}

/**
 * `iat` within the window: not ahead of `now` beyond the tolerance, and, under a policy, not older
 * than its maximum age; `exp` and `nbf` as RFC 7519 has them, when present.
 */
function timeProblem(
  claims: Record<string, unknown>,
  policy: KeyBindingPolicy | undefined,
  options: VerifyOptions,
): Problem {
  const now = (options.now ?? new Date()).getTime();
  const tolerance = (options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC) * 1000;
  const at = (value: unknown) => (value as number) * 1000;
  if (at(claims.iat) > now + tolerance || (claims.nbf !== undefined && at(claims.nbf) > now + tolerance)) {
    return { code: 'KEY_BINDING_NOT_YET_VALID', message: 'the key binding JWT was made in the future' };
  }
  const maxAge = (policy?.maxAgeSec ?? DEFAULT_KEY_BINDING_MAX_AGE_SEC) * 1000;
  if (
    (claims.exp !== undefined && at(claims.exp) < now - tolerance) ||
    (policy !== undefined && at(claims.iat) < now - maxAge - tolerance)
  ) {
    return { code: 'KEY_BINDING_EXPIRED', message: 'the key binding JWT is too old' };
  }
  return undefined;
}

function problemOf(binding: SdJwtBinding | undefined, options: VerifyOptions): Problem {
  const policy = options.keyBinding;
  // checkKeyBinding comes here without a KB-JWT only when one is required.
  if (binding?.kbJwt === undefined) {
    return {
      code: 'KEY_BINDING_REQUIRED',
      message: binding
        ? 'the SD-JWT carries no key binding JWT, and key binding is required'
        : 'key binding is required, and only a credential secured with SD-JWT can carry it',
    };
  }
  const key = holderKeyOf(binding.cnf);
  if (!key || 'code' in key) return key;
  const kb = signedKbJwt(binding.kbJwt, key, options.algorithms ?? SUPPORTED_ALGORITHMS);
  if (!kb || 'code' in kb) return kb;
  return (
    claimsProblem(kb.payload, binding.presented) ??
    timeProblem(kb.payload, policy, options) ??
    // §7.3: `nonce` and `aud` bind the KB-JWT to this transaction and this verifier.
    transactionMismatch(
      { nonce: kb.payload.nonce, aud: kb.payload.aud },
      { challenge: policy?.challenge, domain: policy?.domain },
      'the key binding JWT',
    )
  );
}

/**
 * Writes `checks.keyBinding` of a credential: `binding` is what its SD-JWT carries (undefined for a
 * credential secured otherwise), checked against `options.keyBinding` (see {@link KeyBindingPolicy}).
 * Writes nothing when there is no key binding JWT and none is required.
 */
export function checkKeyBinding(
  binding: SdJwtBinding | undefined,
  options: VerifyOptions,
  report: CheckWriter<'keyBinding'>,
): void {
  if (binding?.kbJwt === undefined && !keyBindingRequired(options.keyBinding)) return;
  const problem = problemOf(binding, options);
  if (problem) report.fail('keyBinding', problem.code, problem.message);
  else report.pass('keyBinding');
}
