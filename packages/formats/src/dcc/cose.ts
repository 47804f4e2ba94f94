import { CredentialError } from '@passage/credentials/pure';
import { type CborValue, decodeCbor, isBytes, mapGet, untag } from './cbor.js';

/** CBOR tags of RFC 9052 (COSE_Sign1) and RFC 8392 (CWT). */
const COSE_SIGN1_TAG = 18;
const CWT_TAG = 61;
/** COSE header labels. */
const HEADER_ALG = 1;
const HEADER_KID = 4;

/** A COSE_Sign1 message split into its parts, with the headers a DCC verifier reads. */
export interface CoseSign1 {
  /** The protected header exactly as signed (a bstr-wrapped map, possibly empty). */
  protectedBytes: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
  /** COSE algorithm id: the protected header's, else the unprotected one's (EU case CO20). */
  alg: number | undefined;
  /** Key id: the protected header's when present, else the unprotected header's. */
  kid: Uint8Array | undefined;
}

function invalid(message: string): CredentialError {
  return new CredentialError('INVALID_COSE', message);
}

function headerMap(value: CborValue, what: string): Map<unknown, unknown> {
  if (!(value instanceof Map)) throw invalid(`COSE ${what} header is not a map`);
  return value;
}

function kidFrom(header: Map<unknown, unknown>): Uint8Array | undefined {
  const kid = header.get(HEADER_KID);
  if (kid === undefined) return undefined;
  if (!isBytes(kid)) throw invalid('COSE kid is not a byte string');
  return kid;
}

/**
 * Parses a COSE_Sign1 message: tagged 18, untagged, or tagged CWT 61 around tag 18 (all occur in
 * the field). Protected headers win over unprotected ones, for kid and alg alike. An unprotected alg
 * gains an attacker nothing: only ES256 and PS256 are accepted and each verifies only with its own
 * key type.
 */
export function parseCoseSign1(bytes: Uint8Array): CoseSign1 {
  const message = untag(untag(decodeCbor(bytes, 'COSE message', 'INVALID_COSE'), CWT_TAG), COSE_SIGN1_TAG);
  if (!Array.isArray(message) || message.length !== 4) throw invalid('not a COSE_Sign1 array of four');
  const [protectedBytes, unprotectedValue, payload, signature] = message;
  if (!isBytes(protectedBytes) || !isBytes(payload) || !isBytes(signature)) {
    throw invalid('COSE_Sign1 parts have the wrong types');
  }
  const protectedHeader =
    protectedBytes.length === 0
      ? new Map()
      : headerMap(decodeCbor(protectedBytes, 'COSE header', 'INVALID_COSE'), 'protected');
  const unprotected = headerMap(unprotectedValue, 'unprotected');
  const alg = mapGet(protectedHeader, HEADER_ALG) ?? mapGet(unprotected, HEADER_ALG);
  if (alg !== undefined && typeof alg !== 'number') throw invalid('COSE alg is not an integer');
  return {
    protectedBytes,
    payload,
    signature,
    alg,
    kid: kidFrom(protectedHeader) ?? kidFrom(unprotected),
  };
}
