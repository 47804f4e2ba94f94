import { chooseKeys } from '@passage/credentials/pure';
import { decodeCompactJws, type WebDecodedJws } from './internal/jws.js';
import { documentKeyLookup } from './internal/trust-store.js';
import { signatureIsValid } from './internal/web-crypto.js';

/** Why a credential's signature was not accepted against its issuer's DID document. */
export type IssuerSignatureCode = 'DECODING_FAILED' | 'KEY_NOT_FOUND' | 'SIGNATURE_INVALID';

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
  let decoded: WebDecodedJws;
  try {
    decoded = decodeCompactJws(jws);
  } catch {
    return { ok: false, code: 'DECODING_FAILED' };
  }
  const { header } = decoded;
  const keys = await documentKeyLookup(document);
  if (!keys || typeof header.kid !== 'string') return { ok: false, code: 'KEY_NOT_FOUND' };
  // The kid must name one of the document's own methods; relative kids resolve against its DID.
  const found = chooseKeys(keys.lookup, keys.issuer, header.kid, true, () => undefined);
  const key = 'keys' in found ? found.keys[0] : undefined;
  if (!key || key.alg !== header.alg) return { ok: false, code: 'KEY_NOT_FOUND' };
  return (await signatureIsValid(key, decoded.signingInput, decoded.signature))
    ? { ok: true }
    : { ok: false, code: 'SIGNATURE_INVALID' };
}
