import type { JsonWebKey } from 'node:crypto';
import type { IVerifyResult } from '@veramo/core-types';
import type { DIDResolutionResult } from 'did-resolver';
import { decodeCompactJws } from '../jws/compact.js';
import { signatureIsValid, verificationKeyFromJwk } from '../jws/signature.js';

const fail = (errorCode: string, message: string): IVerifyResult => ({
  verified: false,
  error: { errorCode, message },
});

/**
 * Verifies a vc+jwt's signature against the issuer's DID document, for Veramo's `verifyCredential`.
 * This is the generic path (any resolvable DID); border checks use `verifyCredential` of this package,
 * which adds trust, validity and schema checks and reads keys from the trust list.
 */
export async function verifyWithResolver(
  jws: string,
  resolve: (didUrl: string) => Promise<DIDResolutionResult>,
): Promise<IVerifyResult> {
  let decoded: ReturnType<typeof decodeCompactJws>;
  try {
    decoded = decodeCompactJws(jws);
  } catch {
    return fail('DECODING_FAILED', 'not a compact JWS');
  }
  const { kid } = decoded.header;
  if (typeof kid !== 'string' || !kid.includes('#'))
    return fail('KEY_NOT_FOUND', 'the JWS names no verification method');
  const did = kid.slice(0, kid.indexOf('#'));
  const resolution = await resolve(did);
  const methods = resolution.didDocument?.verificationMethod ?? [];
  const method = methods.find((m) => m.id === kid || `${did}${m.id}` === kid);
  if (!method?.publicKeyJwk) return fail('KEY_NOT_FOUND', 'the DID document has no such key');
  try {
    const key = verificationKeyFromJwk(method.publicKeyJwk as JsonWebKey);
    if (decoded.header.alg !== key.alg)
      return fail('ALGORITHM_NOT_ALLOWED', 'the algorithm does not match the key');
    return signatureIsValid(decoded, key)
      ? { verified: true }
      : fail('SIGNATURE_INVALID', 'signature verification failed');
  } catch {
    return fail('KEY_NOT_FOUND', 'the key could not be used');
  }
}
