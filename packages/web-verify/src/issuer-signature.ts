import { methodIdOf } from '@passage/credentials/pure';
import { decodeBase64url, fromUtf8 } from './internal/base64url.js';
import { importPublicJwk, type PublicJwkLike, signatureIsValid } from './internal/web-crypto.js';

/** Why a credential's signature was not accepted against its issuer's DID document. */
export type IssuerSignatureCode = 'DECODING_FAILED' | 'KEY_NOT_FOUND' | 'SIGNATURE_INVALID';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function headerOf(segment: string): Json | undefined {
  const bytes = decodeBase64url(segment);
  if (!bytes) return undefined;
  try {
    const header: unknown = JSON.parse(fromUtf8(bytes));
    return isObject(header) ? header : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a compact JWS (a `vc+jwt` or VC 1.1 JWT) against the DID document of the issuer it names in
 * `kid`: the verification method must belong to `document.id`, hold a P-256 or Ed25519 `publicKeyJwk`
 * matching the JWS `alg`, and verify the signature (Web Crypto). For a wallet receiving a credential
 * from its issuer; it says nothing of trust, validity or status, which the border decides.
 */
export async function verifyIssuerSignature(
  jws: string,
  document: unknown,
): Promise<{ ok: true } | { ok: false; code: IssuerSignatureCode }> {
  const [h = '', p = '', s = ''] = jws.split('.');
  const header = headerOf(h);
  const signature = decodeBase64url(s);
  if (!header || p === '' || !signature || jws.split('.').length !== 3)
    return { ok: false, code: 'DECODING_FAILED' };
  if (!isObject(document) || typeof document.id !== 'string') return { ok: false, code: 'KEY_NOT_FOUND' };
  const issuer = document.id;
  const kid = methodIdOf(issuer, header.kid);
  const methods = Array.isArray(document.verificationMethod) ? document.verificationMethod : [];
  const method = methods.find(
    (m): m is Json => isObject(m) && typeof m.id === 'string' && methodIdOf(issuer, m.id) === kid,
  );
  if (typeof kid !== 'string' || !kid.startsWith(`${issuer}#`) || !method || !isObject(method.publicKeyJwk)) {
    return { ok: false, code: 'KEY_NOT_FOUND' };
  }
  const key = await importPublicJwk(method.publicKeyJwk as unknown as PublicJwkLike);
  if (!key || key.alg !== header.alg) return { ok: false, code: 'KEY_NOT_FOUND' };
  return (await signatureIsValid(key, `${h}.${p}`, signature))
    ? { ok: true }
    : { ok: false, code: 'SIGNATURE_INVALID' };
}
