import { appendKeyBinding, encodeSdJwtCredential, isCredentialError } from '@passage/credentials';
import { CliError } from '../errors.js';
import type { SigningKey } from './signing-key.js';

/** What `passage sign --sd-jwt` reads beyond the credential and the issuer's key. */
export interface SdJwtSigning {
  /** The paths of the members the holder may disclose or not. */
  disclose: readonly string[];
  /** The holder's key: the credential is bound to it (`cnf.jwk`). */
  holder?: SigningKey;
  /** With `holder`: a key binding JWT made now, answering this verifier's `nonce` and naming it (`aud`). */
  binding?: { nonce: string; aud: string };
}

/**
 * The credential secured as a `vc+sd-jwt` by `issuer`; with a holder key, bound to it (`cnf.jwk`, its
 * public half) and, given a nonce and audience, presented with every disclosure and a key binding JWT
 * signed by it at `now`: a bound SD-JWT to try a verifier's key binding checks with.
 */
export function signSdJwt(
  credential: Record<string, unknown>,
  issuer: SigningKey & { kid?: string },
  signing: SdJwtSigning,
  now: Date,
): string {
  const { holder, binding } = signing;
  if (holder && 'cnf' in credential)
    throw new CliError('INPUT_INVALID', 'the credential already names a cnf key');
  const bound = holder ? { ...credential, cnf: { jwk: holder.publicJwk } } : credential;
  const header = { alg: issuer.alg, ...(issuer.kid ? { kid: issuer.kid } : {}) };
  let sdJwt: string;
  try {
    sdJwt = encodeSdJwtCredential(bound, signing.disclose, header, issuer.sign);
  } catch (error) {
    if (isCredentialError(error, 'INVALID_ARGUMENT')) throw new CliError('INPUT_INVALID', error.message);
    throw error;
  }
  if (!holder || !binding) return sdJwt;
  const iat = Math.floor(now.getTime() / 1000);
  return appendKeyBinding(sdJwt, { ...binding, iat }, holder.alg, holder.sign);
}
