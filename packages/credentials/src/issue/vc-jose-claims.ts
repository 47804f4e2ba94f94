import { VC_V2_CONTEXT_URL } from '@passage/schema';
import type { IIdentifier, IKey } from '@veramo/core-types';
import { verificationMethodId } from '../did/verification-method.js';
import { CredentialError } from '../errors.js';
import { algorithmFor, asPassageKeyType, type PassageAlgorithm } from '../keys/key-material.js';

/** The `typ` of a VC-JOSE-COSE credential and the proof format name of its Veramo provider. */
export const VC_JOSE_FORMAT = 'vc+jwt';

const VC_V1_CONTEXT_URL = 'https://www.w3.org/2018/credentials/v1';

/**
 * The JWS claims set of a VC 2.0 credential and its issuer DID. Veramo's CredentialPlugin adds a VC 1.1
 * `issuanceDate` and may put the VC 1.1 context in; VC 2.0 has neither, so both are left out. Keys keep
 * their order, so the Veramo path and the direct path serialize the same bytes. `credential` is not changed.
 */
export function vcJoseClaims(credential: Record<string, unknown>): {
  claims: Record<string, unknown>;
  issuer: string;
} {
  const { issuanceDate: _dropped, ...claims } = credential;
  const given: unknown[] = Array.isArray(claims['@context']) ? claims['@context'] : [];
  if (given.includes(VC_V1_CONTEXT_URL)) claims['@context'] = given.filter((c) => c !== VC_V1_CONTEXT_URL);
  else if (!Array.isArray(claims['@context'])) claims['@context'] = [];
  if ((claims['@context'] as unknown[])[0] !== VC_V2_CONTEXT_URL) {
    throw new CredentialError(
      'INVALID_ARGUMENT',
      `a vc+jwt credential's first @context must be ${VC_V2_CONTEXT_URL}`,
    );
  }
  if ('vc' in claims || 'vp' in claims) {
    throw new CredentialError('INVALID_ARGUMENT', 'a vc+jwt credential must not carry vc or vp members');
  }
  const issuer = typeof claims.issuer === 'string' ? claims.issuer : (claims.issuer as { id?: unknown })?.id;
  if (typeof issuer !== 'string')
    throw new CredentialError('INVALID_ARGUMENT', 'the credential needs an issuer DID');
  return { claims, issuer };
}

/** The protected header of a vc+jwt, in the member order both signing paths write. */
export interface VcJoseHeader {
  alg: PassageAlgorithm;
  kid: string;
  typ: typeof VC_JOSE_FORMAT;
}

/**
 * The key an identifier signs credentials with (`keyRef`, else its controller key, else its first key)
 * and the header that names it.
 */
export function vcJoseSigningKey(
  identifier: Pick<IIdentifier, 'did' | 'keys' | 'controllerKeyId'>,
  keyRef?: string,
): { key: IKey; header: VcJoseHeader } {
  const key =
    identifier.keys.find((k) => k.kid === (keyRef ?? identifier.controllerKeyId)) ?? identifier.keys[0];
  if (!key) throw new CredentialError('KEY_NOT_MANAGED', 'the issuer has no signing key');
  const alg = algorithmFor(asPassageKeyType(key.type));
  return { key, header: { alg, kid: verificationMethodId(identifier, key), typ: VC_JOSE_FORMAT } };
}
