import {
  documentProofSchema,
  type OperatorPublicJwk as OperatorKey,
  protectedHeaderSchema,
  type SignedDocumentType,
} from '@passage/trust/pure';
import * as canonicalizeModule from 'canonicalize';
import { decodeBase64url, encodeBase64url, fromUtf8, utf8 } from './base64url.js';
import { importPublicJwk, signatureIsValid } from './web-crypto.js';

// `canonicalize` is CommonJS with a default-export declaration: see packages/trust/src/internal/jcs.ts.
const serialize: (input: unknown) => string | undefined = canonicalizeModule.default;

/** Why a signed document was refused, in the codes of `verifySignedDocument` (`@passage/trust`). */
export type SignedDocumentCode =
  | 'PROOF_MISSING'
  | 'PROOF_MALFORMED'
  | 'TYPE_MISMATCH'
  | 'KEY_NOT_PINNED'
  | 'SIGNATURE_INVALID';

/** The outcome of {@link verifySignedDocument}. */
export type SignedDocumentResult = { ok: true; kid: string } | { ok: false; code: SignedDocumentCode };

/** The RFC 7638 thumbprint (SHA-256, base64url) of an operator key: the `kid` its documents name. */
export async function jwkThumbprint(jwk: OperatorKey): Promise<string> {
  const members =
    jwk.kty === 'EC'
      ? `{"crv":"${jwk.crv}","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`
      : `{"crv":"${jwk.crv}","kty":"OKP","x":"${jwk.x}"}`;
  return encodeBase64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(members) as Uint8Array<ArrayBuffer>)),
  );
}

function decodeHeader(headerB64: string) {
  const bytes = decodeBase64url(headerB64);
  if (bytes === undefined) return undefined;
  try {
    const parsed = protectedHeaderSchema.safeParse(JSON.parse(fromUtf8(bytes)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies an operator-signed document (trust list or rule set) against the pinned operator keys,
 * step for step as `verifySignedDocument` of `@passage/trust` does, with Web Crypto. Never throws.
 */
export async function verifySignedDocument(
  doc: unknown,
  pinned: readonly OperatorKey[],
  typ: SignedDocumentType,
): Promise<SignedDocumentResult> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('proof' in doc))
    return { ok: false, code: 'PROOF_MISSING' };
  const { proof: rawProof, ...body } = doc as { proof: unknown };
  const proof = documentProofSchema.safeParse(rawProof);
  if (!proof.success) return { ok: false, code: 'PROOF_MALFORMED' };
  const [headerB64 = '', , signatureB64 = ''] = proof.data.jws.split('.');
  const header = decodeHeader(headerB64);
  if (header === undefined || header.alg !== proof.data.alg || header.kid !== proof.data.kid)
    return { ok: false, code: 'PROOF_MALFORMED' };
  if (header.typ !== typ) return { ok: false, code: 'TYPE_MISMATCH' };
  let jwk: OperatorKey | undefined;
  for (const candidate of pinned) {
    if ((await jwkThumbprint(candidate)) === header.kid) {
      jwk = candidate;
      break;
    }
  }
  const key = jwk === undefined ? undefined : await importPublicJwk(jwk);
  if (key === undefined || key.alg !== header.alg) return { ok: false, code: 'KEY_NOT_PINNED' };
  const signature = decodeBase64url(signatureB64);
  const text = serialize(body);
  if (signature === undefined || text === undefined) return { ok: false, code: 'SIGNATURE_INVALID' };
  const input = `${headerB64}.${encodeBase64url(utf8(text))}`;
  if (!(await signatureIsValid(key, input, signature))) return { ok: false, code: 'SIGNATURE_INVALID' };
  return { ok: true, kid: header.kid };
}
