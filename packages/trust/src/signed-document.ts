import { sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import type { z } from 'zod';
import {
  type DocumentProof,
  documentProofSchema,
  type OperatorAlgorithm,
  type OperatorPublicJwk,
  protectedHeaderSchema,
  type SignedDocumentType,
} from './document-schemas.js';
import { b64url, fromB64url } from './internal/base64url.js';
import { jcsBytes } from './internal/jcs.js';
import { algorithmOf, jwkThumbprint, keyObjectOf, type OperatorPrivateJwk } from './operator-key.js';

export {
  type DocumentProof,
  documentProofSchema,
  SIGNED_DOCUMENT_TYPES,
  type SignedDocumentType,
} from './document-schemas.js';

/** Why a signed document did not verify. */
export type SignedDocumentCode =
  | 'PROOF_MISSING'
  | 'PROOF_MALFORMED'
  | 'TYPE_MISMATCH'
  | 'KEY_NOT_PINNED'
  | 'SIGNATURE_INVALID';

/** The outcome of {@link verifySignedDocument}. */
export type SignedDocumentResult =
  | { ok: true; kid: string; alg: OperatorAlgorithm; created: string }
  | { ok: false; code: SignedDocumentCode; message: string };

function signingInput(headerB64: string, doc: object): Buffer {
  return Buffer.concat([Buffer.from(`${headerB64}.`, 'ascii'), Buffer.from(b64url(jcsBytes(doc)), 'ascii')]);
}

/**
 * Signs a JSON document with the operator's key: returns a copy with a `proof` member (any earlier
 * proof is replaced). The signature covers every member but `proof`.
 *
 * @example
 * const signed = signDocument(list, privateJwk, { typ: 'passage-trust-list+json' });
 */
export function signDocument<T extends object>(
  doc: T,
  privateJwk: OperatorPrivateJwk,
  options: { typ: SignedDocumentType; now?: Date },
): Omit<T, 'proof'> & { proof: DocumentProof } {
  const { proof: _old, ...body } = doc as T & { proof?: unknown };
  const alg = algorithmOf(privateJwk);
  const kid = jwkThumbprint(privateJwk);
  const headerB64 = b64url(JSON.stringify({ alg, kid, typ: options.typ }));
  const input = signingInput(headerB64, body);
  const key = keyObjectOf(privateJwk);
  const signature =
    alg === 'EdDSA'
      ? cryptoSign(null, input, key)
      : cryptoSign('sha256', input, { key, dsaEncoding: 'ieee-p1363' });
  const created = (options.now ?? new Date()).toISOString();
  const proof: DocumentProof = {
    type: 'JsonWebSignature',
    alg,
    kid,
    created,
    jws: `${headerB64}..${b64url(signature)}`,
  };
  return { ...(body as Omit<T, 'proof'>), proof };
}

function fail(code: SignedDocumentCode, message: string): SignedDocumentResult {
  return { ok: false, code, message };
}

function decodeHeader(headerB64: string): z.infer<typeof protectedHeaderSchema> | undefined {
  const bytes = fromB64url(headerB64);
  if (bytes === undefined) return undefined;
  try {
    const parsed = protectedHeaderSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function pinnedKeyFor(kid: string, pinned: readonly OperatorPublicJwk[]): OperatorPublicJwk | undefined {
  return pinned.find((jwk) => jwkThumbprint(jwk) === kid);
}

/**
 * Verifies a signed document against the operator key(s) the verifier pins. The document's key is
 * found by its RFC 7638 thumbprint; a document signed by any other key fails with KEY_NOT_PINNED.
 * Never throws for bad input: the result says why.
 */
export function verifySignedDocument(
  doc: unknown,
  pinned: OperatorPublicJwk | readonly OperatorPublicJwk[],
  options: { typ: SignedDocumentType },
): SignedDocumentResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('proof' in doc))
    return fail('PROOF_MISSING', 'the document carries no proof');
  const { proof: rawProof, ...body } = doc as { proof: unknown };
  const proof = documentProofSchema.safeParse(rawProof);
  if (!proof.success) return fail('PROOF_MALFORMED', 'the proof is not a detached JsonWebSignature');
  const [headerB64 = '', , signatureB64 = ''] = proof.data.jws.split('.');
  const header = decodeHeader(headerB64);
  if (header === undefined || header.alg !== proof.data.alg || header.kid !== proof.data.kid)
    return fail('PROOF_MALFORMED', 'the protected header does not match the proof');
  if (header.typ !== options.typ)
    return fail('TYPE_MISMATCH', 'the document is signed as another kind of document');
  const key = pinnedKeyFor(header.kid, Array.isArray(pinned) ? pinned : [pinned as OperatorPublicJwk]);
  if (key === undefined || algorithmOf(key) !== header.alg)
    return fail('KEY_NOT_PINNED', 'the document is not signed by a pinned operator key');
  const signature = fromB64url(signatureB64);
  if (signature?.length !== 64) return fail('SIGNATURE_INVALID', 'signature verification failed');
  const input = signingInput(headerB64, body);
  const keyObject = keyObjectOf(key);
  const valid =
    header.alg === 'EdDSA'
      ? cryptoVerify(null, input, keyObject, signature)
      : cryptoVerify('sha256', input, { key: keyObject, dsaEncoding: 'ieee-p1363' }, signature);
  if (!valid) return fail('SIGNATURE_INVALID', 'signature verification failed');
  return { ok: true, kid: header.kid, alg: header.alg, created: proof.data.created };
}
