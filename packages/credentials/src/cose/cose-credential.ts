import { Decoder, Encoder, Tag } from 'cbor-x';
import { CredentialError } from '../errors.js';
import type { JoseAlgorithm } from '../jws/algorithms.js';
import type { DecodedSecured } from '../jws/compact.js';
import { jwsObjectOf } from '../jws/segments.js';

// VC-JOSE-COSE §3.3: a credential secured with COSE is a COSE_Sign1 (RFC 9052) whose payload is the
// credential's JSON, its protected header naming `typ` application/vc+cose and `cty` application/vc.

/** The largest COSE message read: as a JWS, far more than any credential needs. */
const MAX_COSE_BYTES = 64 * 1024;
const COSE_SIGN1_TAG = 18;
const HEADER = { alg: 1, crit: 2, contentType: 3, kid: 4, typ: 16 } as const;
export const VC_COSE_MEDIA_TYPE = 'application/vc+cose';
export const VP_COSE_MEDIA_TYPE = 'application/vp+cose';

/** What a COSE_Sign1 secures: a credential (§3.3.1) or a presentation (§3.3.2), by its media types. */
export type CoseKind = 'vc' | 'vp';
const MEDIA: Readonly<Record<CoseKind, { typ: string; cty: string; securing: 'vc+cose' | 'vp+cose' }>> = {
  vc: { typ: VC_COSE_MEDIA_TYPE, cty: 'application/vc', securing: 'vc+cose' },
  vp: { typ: VP_COSE_MEDIA_TYPE, cty: 'application/vp', securing: 'vp+cose' },
};

/** COSE algorithm ids (RFC 9053, RFC 9864) of the JOSE algorithms Passage verifies. */
export const COSE_ALGORITHM_IDS: Readonly<Record<JoseAlgorithm, number>> = {
  ES256: -7,
  ES384: -35,
  ES512: -36,
  EdDSA: -8,
};
const JOSE_OF_COSE = new Map<number, JoseAlgorithm>([
  [-7, 'ES256'],
  [-35, 'ES384'],
  [-36, 'ES512'],
  [-8, 'EdDSA'],
  [-19, 'EdDSA'], // RFC 9864's fully specified Ed25519
]);

// Maps as `Map` keep integer header labels apart from text keys; records off so input cannot define structures.
const decoder = new Decoder({ mapsAsObjects: false, useRecords: false });
const encoder = new Encoder({ mapsAsObjects: false, useRecords: false, tagUint8Array: false });
const EMPTY = new Uint8Array(0);

function invalid(message: string, cause?: unknown): CredentialError {
  return new CredentialError('INVALID_COSE', message, cause === undefined ? undefined : { cause });
}

function decodeCbor(bytes: Uint8Array, what: string): unknown {
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw invalid(`${what} is not well-formed CBOR`, cause);
  }
}

/** The bytes a COSE_Sign1 signature covers (RFC 9052 §4.4), with empty external AAD. */
export function coseSigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encoder.encode(['Signature1', protectedBytes, EMPTY, payload]);
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** The bytes of base64 text (standard or URL alphabet, padded or not); INVALID_COSE for anything else. */
function base64Bytes(text: string): Buffer {
  if (!BASE64.test(text) || text.length % 4 === 1) throw invalid('the COSE message is not base64');
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** True when `text` is base64 of a COSE_Sign1 (tag 18, or an untagged array of four): cheap, by its first bytes. */
export function looksLikeCoseText(text: string): boolean {
  if (text.length < 8 || !BASE64.test(text)) return false;
  const head = Buffer.from(text.slice(0, 4).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return (head[0] === 0xd2 && head[1] === 0x84) || head[0] === 0x84;
}

function textOf(kid: unknown): string | undefined {
  if (kid === undefined) return undefined;
  if (typeof kid === 'string') return kid;
  if (!(kid instanceof Uint8Array)) throw invalid('the COSE kid is not a byte string');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(kid);
  } catch {
    return Buffer.from(kid).toString('base64url');
  }
}

/** A COSE_Sign1 split into its parts, its protected header decoded. */
interface CoseParts {
  header: Map<unknown, unknown>;
  unprotected: Map<unknown, unknown>;
  protectedBytes: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

function coseParts(text: string): CoseParts {
  const bytes = base64Bytes(text.trim());
  if (bytes.length > MAX_COSE_BYTES)
    throw new CredentialError('INPUT_TOO_LARGE', 'the COSE message is too large');
  let message = decodeCbor(bytes, 'the COSE message');
  if (message instanceof Tag) {
    if (message.tag !== COSE_SIGN1_TAG) throw invalid('the COSE message is not a COSE_Sign1');
    message = message.value;
  }
  if (!Array.isArray(message) || message.length !== 4) throw invalid('not a COSE_Sign1 array of four');
  const [protectedBytes, unprotected, payload, signature] = message as unknown[];
  if (
    !(protectedBytes instanceof Uint8Array) ||
    !(signature instanceof Uint8Array) ||
    !(unprotected instanceof Map)
  ) {
    throw invalid('COSE_Sign1 parts have the wrong types');
  }
  if (!(payload instanceof Uint8Array))
    throw new CredentialError('DECODING_FAILED', 'the COSE payload is detached');
  const header = decodeCbor(protectedBytes, 'the COSE protected header');
  if (!(header instanceof Map)) throw invalid('the COSE protected header is not a map');
  return { header, unprotected, protectedBytes, payload, signature };
}

/** The `typ` a COSE message's protected header names, or undefined (never throws): to tell credentials from presentations. */
export function coseMediaTypeOf(text: string): unknown {
  try {
    return coseParts(text).header.get(HEADER.typ);
  } catch {
    return undefined;
  }
}

/**
 * Reads base64 text of a COSE_Sign1 securing a credential (`kind` vc, VC-JOSE-COSE §3.3.1) or a
 * presentation (vp, §3.3.2) into the shape a JWS decodes to: a JOSE-like header (`alg` by its JOSE
 * name, `kid`, `typ` vc+cose or vp+cose), the document as payload, and the COSE `Sig_structure` as
 * the bytes the signature covers.
 *
 * @throws CredentialError `INVALID_COSE` for what is not a COSE_Sign1 in base64, `UNSUPPORTED_FORMAT`
 *   for another `typ` or content type, `DECODING_FAILED` for critical headers or a payload that is
 *   not a JSON object.
 */
export function decodeCoseSecured(text: string, kind: CoseKind): DecodedSecured {
  const { header, unprotected, protectedBytes, payload, signature } = coseParts(text);
  if (header.has(HEADER.crit))
    throw new CredentialError('DECODING_FAILED', 'critical header parameters are not understood');
  const media = MEDIA[kind];
  const typ = header.get(HEADER.typ);
  const contentType = header.get(HEADER.contentType);
  if ((typ !== undefined && typ !== media.typ) || (contentType !== undefined && contentType !== media.cty)) {
    throw new CredentialError('UNSUPPORTED_FORMAT', `the COSE message is not ${media.typ}`);
  }
  const algId = header.get(HEADER.alg);
  const kid = textOf(header.get(HEADER.kid) ?? unprotected.get(HEADER.kid));
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch (cause) {
    throw new CredentialError('DECODING_FAILED', 'the COSE payload is not JSON', { cause });
  }
  return {
    header: {
      // Only the protected alg counts; an unknown one is named so that ALGORITHM_NOT_ALLOWED says why.
      alg: (typeof algId === 'number' && JOSE_OF_COSE.get(algId)) || `COSE ${String(algId)}`,
      ...(kid === undefined ? {} : { kid }),
      typ: media.securing,
    },
    payload: jwsObjectOf(document, 'payload'),
    signingInput: coseSigStructure(protectedBytes, payload),
    signature: Buffer.from(signature),
  };
}

/** {@link decodeCoseSecured} of a credential (`application/vc+cose`). */
export function decodeCoseCredential(text: string): DecodedSecured {
  return decodeCoseSecured(text, 'vc');
}

/**
 * Secures a credential (`kind` vc) or a presentation (vp) with COSE as VC-JOSE-COSE §3.3 has it: a
 * tagged COSE_Sign1 whose protected header names the algorithm, `kid` (when given), `cty`
 * application/vc or application/vp and `typ` application/vc+cose or application/vp+cose, answered as
 * base64 without padding. `sign` signs the Sig_structure (ECDSA as raw r||s).
 */
export function encodeCoseSecured(
  document: Record<string, unknown>,
  kind: CoseKind,
  alg: JoseAlgorithm,
  kid: string | undefined,
  sign: (data: Uint8Array) => Uint8Array,
): string {
  const media = MEDIA[kind];
  const header = new Map<number, unknown>([[HEADER.alg, COSE_ALGORITHM_IDS[alg]]]);
  header.set(HEADER.contentType, media.cty);
  if (kid !== undefined) header.set(HEADER.kid, new TextEncoder().encode(kid));
  header.set(HEADER.typ, media.typ);
  const protectedBytes = encoder.encode(header);
  const payload = new TextEncoder().encode(JSON.stringify(document));
  const signature = sign(coseSigStructure(protectedBytes, payload));
  const message = encoder.encode(new Tag([protectedBytes, new Map(), payload, signature], COSE_SIGN1_TAG));
  return Buffer.from(message).toString('base64').replace(/=+$/, '');
}

/** {@link encodeCoseSecured} of a credential (`application/vc+cose`). */
export function encodeCoseCredential(
  credential: Record<string, unknown>,
  alg: JoseAlgorithm,
  kid: string | undefined,
  sign: (data: Uint8Array) => Uint8Array,
): string {
  return encodeCoseSecured(credential, 'vc', alg, kid, sign);
}
