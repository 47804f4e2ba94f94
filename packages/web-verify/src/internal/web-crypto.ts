import { utf8 } from './base64url.js';

/** The JWS algorithms Passage signs with; the same as the Node verifier's default set. */
export const SUPPORTED_ALGORITHMS = ['ES256', 'EdDSA'] as const;
/** One of {@link SUPPORTED_ALGORITHMS}. */
export type WebAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number];

/** Web Crypto's key type, named from the global `crypto` so no DOM or Node type library is needed. */
type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** A public key imported into Web Crypto, with the JWS algorithm it verifies. */
export interface WebKey {
  alg: WebAlgorithm;
  key: CryptoKey;
  /** A canonical form of the public JWK, so two imports of one key compare equal. */
  id: string;
}

/** The members of a P-256 or Ed25519 public JWK this module reads. */
export interface PublicJwkLike {
  kty: string;
  crv: string;
  x: string;
  y?: string | undefined;
}

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/**
 * Imports a P-256 (ES256) or Ed25519 (EdDSA) public JWK for verifying; undefined for any other key
 * or one Web Crypto refuses (a point off the curve, a private part).
 */
export async function importPublicJwk(jwk: PublicJwkLike): Promise<WebKey | undefined> {
  try {
    if (jwk.kty === 'EC' && jwk.crv === 'P-256' && typeof jwk.y === 'string') {
      const material = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true };
      const key = await crypto.subtle.importKey('jwk', material, ECDSA_P256, false, ['verify']);
      return { alg: 'ES256', key, id: `EC:${jwk.x}:${jwk.y}` };
    }
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
      const material = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, ext: true };
      const key = await crypto.subtle.importKey('jwk', material, { name: 'Ed25519' }, false, ['verify']);
      return { alg: 'EdDSA', key, id: `OKP:${jwk.x}` };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Checks a JWS signature: ES256 as raw r||s (64 bytes, as JWS writes it), EdDSA as Ed25519. A
 * signature of the wrong length is invalid, never an error.
 */
export async function signatureIsValid(
  key: WebKey,
  signingInput: string | Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (signature.length !== 64) return false;
  const data = typeof signingInput === 'string' ? utf8(signingInput) : signingInput;
  const algorithm = key.alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
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
