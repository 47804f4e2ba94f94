import { CredentialError } from '../errors.js';
import { encodeSegment } from '../jws/compact.js';
import { sdDigest } from './digest.js';

/** What a holder's key binding JWT says: for whom (`aud`), in answer to what (`nonce`), and when (`iat`, seconds). */
export interface KeyBindingClaims {
  aud: string;
  nonce: string;
  iat: number;
}

/**
 * The holder's half of RFC 9901 §4.3: appends to an SD-JWT (`<JWT>~<disclosure>~…~`, with the
 * disclosures the holder chose) a key binding JWT (`typ: kb+jwt`) over it (`sd_hash`), signed with the
 * key the credential's `cnf` names, so the verifier that gave `nonce` can tell the holder presented it.
 *
 * @throws CredentialError `INVALID_ARGUMENT` for an SD-JWT that does not end in `~` (one already bound).
 * @example
 * const presented = appendKeyBinding(sdJwt, { aud: 'https://verifier.example', nonce, iat }, 'ES256', sign);
 */
export function appendKeyBinding(
  sdJwt: string,
  claims: KeyBindingClaims,
  alg: string,
  sign: (data: Uint8Array) => Uint8Array,
): string {
  if (!sdJwt.endsWith('~'))
    throw new CredentialError('INVALID_ARGUMENT', 'the SD-JWT must end in ~, without a key binding JWT');
  const payload = { iat: claims.iat, aud: claims.aud, nonce: claims.nonce, sd_hash: sdDigest(sdJwt) };
  const input = `${encodeSegment({ alg, typ: 'kb+jwt' })}.${encodeSegment(payload)}`;
  return `${sdJwt}${input}.${Buffer.from(sign(Buffer.from(input, 'ascii'))).toString('base64url')}`;
}
