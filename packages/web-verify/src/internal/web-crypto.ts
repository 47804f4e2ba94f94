import {
  algorithmOfKey,
  ECDSA,
  ED25519_SIGNATURE_LENGTH,
  type JoseAlgorithm,
  SUPPORTED_ALGORITHMS,
} from '@passage/credentials/pure';
import { utf8 } from './base64url.js';

/** The JWS algorithms the page verifies: the Node verifier's default set. */
export { SUPPORTED_ALGORITHMS };
/** One of {@link SUPPORTED_ALGORITHMS}. */
export type WebAlgorithm = JoseAlgorithm;

/** Web Crypto's key type, named from the global `crypto` so no DOM or Node type library is needed. */
type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** A public key imported into Web Crypto, with the JWS algorithm it verifies. */
export interface WebKey {
  alg: WebAlgorithm;
  key: CryptoKey;
  /** A canonical form of the public JWK, so two imports of one key compare equal. */
  id: string;
}

/** The members of an EC (P-256, P-384, P-521) or Ed25519 public JWK this module reads. */
export interface PublicJwkLike {
  kty: string;
  crv: string;
  x: string;
  y?: string | undefined;
}

/**
 * Imports a P-256 (ES256), P-384 (ES384), P-521 (ES512) or Ed25519 (EdDSA) public JWK for
 * verifying; undefined for any other key or one Web Crypto refuses (a point off the curve, a private
 * part).
 */
export async function importPublicJwk(jwk: PublicJwkLike): Promise<WebKey | undefined> {
  const alg = algorithmOfKey(jwk.kty, jwk.crv);
  try {
    if (alg === 'EdDSA') {
      const material = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, ext: true };
      const key = await crypto.subtle.importKey('jwk', material, { name: 'Ed25519' }, false, ['verify']);
      return { alg, key, id: `OKP:${jwk.x}` };
    }
    if (alg !== undefined && typeof jwk.y === 'string') {
      const { curve } = ECDSA[alg];
      const material = { kty: 'EC', crv: curve, x: jwk.x, y: jwk.y, ext: true };
      const params = { name: 'ECDSA', namedCurve: curve };
      const key = await crypto.subtle.importKey('jwk', material, params, false, ['verify']);
      return { alg, key, id: `EC:${curve}:${jwk.x}:${jwk.y}` };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Checks a JWS signature: ECDSA as raw r||s (64, 96 or 132 bytes, as JWS writes it), EdDSA as
 * Ed25519. A signature of the wrong length is invalid, never an error.
 */
export async function signatureIsValid(
  key: WebKey,
  signingInput: string | Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const ecdsa = key.alg === 'EdDSA' ? undefined : ECDSA[key.alg];
  if (signature.length !== (ecdsa?.signatureLength ?? ED25519_SIGNATURE_LENGTH)) return false;
  const data = typeof signingInput === 'string' ? utf8(signingInput) : signingInput;
  const algorithm = ecdsa ? { name: 'ECDSA', hash: ecdsa.webHash } : { name: 'Ed25519' };
  try {
    return await crypto.subtle.verify(
      algorithm,
      key.key,
      signature as Uint8Array<ArrayBuffer>,
      data as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
}
