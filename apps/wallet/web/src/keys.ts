import { jsonSegment, toBase64url } from './base64url.js';
import { WalletError } from './errors.js';

/** The public half of a holder key, as a JWK with only the members did:jwk needs. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** A holder key: the pair (its private key not extractable), its public JWK and its did:jwk. */
export interface HolderKey {
  pair: CryptoKeyPair;
  publicJwk: PublicJwk;
  did: string;
}

const ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

/** `did:jwk:` and the base64url of the public JWK's JSON. */
export function didJwkOf(jwk: PublicJwk): string {
  return `did:jwk:${jsonSegment({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })}`;
}

/**
 * A fresh P-256 key for one credential (no key is shared, so two credentials cannot be linked by it).
 * The private key is made non-extractable: scripts can sign with it, never read it.
 *
 * @throws WalletError `KEY_UNAVAILABLE` when Web Crypto cannot make one.
 */
export async function createHolderKey(): Promise<HolderKey> {
  try {
    const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw new Error('no EC public key');
    const publicJwk: PublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
    return { pair, publicJwk, did: didJwkOf(publicJwk) };
  } catch {
    throw new WalletError('KEY_UNAVAILABLE');
  }
}

/** A compact JWS (ES256) of `payload` under `header`, signed by the key; Web Crypto gives raw r‖s. */
export async function signEs256(
  privateKey: CryptoKey,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): Promise<string> {
  const input = `${jsonSegment({ ...header, alg: 'ES256' })}.${jsonSegment(payload)}`;
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${toBase64url(new Uint8Array(signature))}`;
}
