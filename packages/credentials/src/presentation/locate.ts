import { checkEnvelope, parseDataUrl } from '@passage/schema';
import {
  coseMediaTypeOf,
  decodeCoseSecured,
  looksLikeCoseText,
  VP_COSE_MEDIA_TYPE,
} from '../cose/cose-credential.js';
import { CredentialError } from '../errors.js';
import { type DecodedSecured, decodeCompactJws } from '../jws/compact.js';
import { looksLikeCompactJws } from '../jws/segments.js';
import { isV1PresentationJwt } from './jwt-vp.js';

const JWT_MEDIA_TYPE = 'application/vp+jwt';
/** A VC 1.1 presentation JWT in a data: URL (as the VC Data Model 2.0 suite envelopes one). */
const PLAIN_JWT_MEDIA_TYPE = 'application/jwt';

/** How a presentation reached the verifier: as it is (a JWS, a COSE message in base64) or enveloped. */
export type PresentationEnvelope = 'jws' | 'cose' | 'enveloped';

/** The secured presentation in a verifier's input, still as text, and how it is secured. */
type Located = { envelope: PresentationEnvelope; securedWith: 'jose' | 'cose'; text: string };

function fromDataUrl(value: string): Located {
  const url = parseDataUrl(value);
  if (!url) throw new CredentialError('MALFORMED_INPUT', 'the data: URL is malformed');
  if ((url.mediaType === JWT_MEDIA_TYPE || url.mediaType === PLAIN_JWT_MEDIA_TYPE) && !url.base64) {
    if (!looksLikeCompactJws(url.data))
      throw new CredentialError('DECODING_FAILED', 'the presentation JWT is not a compact JWS');
    return { envelope: 'enveloped', securedWith: 'jose', text: url.data };
  }
  if (url.mediaType === VP_COSE_MEDIA_TYPE && url.base64) {
    return { envelope: 'enveloped', securedWith: 'cose', text: url.data };
  }
  throw new CredentialError(
    'UNSUPPORTED_FORMAT',
    'only application/vp+jwt, application/jwt and application/vp+cose (base64) presentations are supported',
  );
}

function locate(input: unknown): Located {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith('data:')) return fromDataUrl(text);
    if (looksLikeCompactJws(text)) return { envelope: 'jws', securedWith: 'jose', text };
    if (looksLikeCoseText(text)) return { envelope: 'cose', securedWith: 'cose', text };
    throw new CredentialError('MALFORMED_INPUT', 'the input is not a secured or an enveloped presentation');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CredentialError('MALFORMED_INPUT', 'the input must be a string or an enveloped presentation');
  }
  const issues = checkEnvelope(input, 'EnvelopedVerifiablePresentation');
  if (issues.length > 0) {
    const paths = issues.map((i) => i.path).join(', ');
    throw new CredentialError(
      'SCHEMA_INVALID',
      `the enveloped presentation breaks the data model at ${paths}`,
    );
  }
  return fromDataUrl((input as { id: string }).id);
}

/**
 * The presentation in what a verifier was given, decoded (not verified): a `vp+jwt` or a VC 1.1
 * presentation JWT (the compact JWS, a `data:application/vp+jwt,` or `data:application/jwt,` URL),
 * or an `application/vp+cose` (base64, or a
 * `data:application/vp+cose;base64,` URL), either one also inside an `EnvelopedVerifiablePresentation`
 * (VC Data Model 2.0 §4.13.2).
 *
 * @throws CredentialError `MALFORMED_INPUT` for what is none of them, `UNSUPPORTED_FORMAT` for a
 *   presentation secured another way, `SCHEMA_INVALID` for an envelope that breaks the data model, and
 *   the codes of decoding a JWS or a COSE message.
 */
export function decodePresentation(input: unknown): {
  envelope: PresentationEnvelope;
  decoded: DecodedSecured;
} {
  const { envelope, securedWith, text } = locate(input);
  return {
    envelope,
    decoded: securedWith === 'jose' ? decodeCompactJws(text) : decodeCoseSecured(text, 'vp'),
  };
}

/** A compact JWS that secures a presentation: `typ: vp+jwt`, or a VC 1.1 presentation JWT. */
function isPresentationJws(text: string): boolean {
  try {
    const jws = decodeCompactJws(text);
    return jws.header.typ === 'vp+jwt' || isV1PresentationJwt(jws);
  } catch {
    return false;
  }
}

/**
 * True when `input` is a presentation rather than a credential: a `data:application/vp+jwt,` or
 * `data:application/vp+cose;base64,` URL, an `EnvelopedVerifiablePresentation`, a compact JWS whose
 * header says `typ: vp+jwt` (or a VC 1.1 JWT with a `vp` claim, as it is or in a
 * `data:application/jwt,` URL), or a COSE message whose protected header says `application/vp+cose`.
 */
export function looksLikePresentation(input: unknown): boolean {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const { type } = input as { type?: unknown };
    return (Array.isArray(type) ? type : [type]).includes('EnvelopedVerifiablePresentation');
  }
  if (typeof input !== 'string') return false;
  const text = input.trim();
  if (text.startsWith('data:')) {
    const url = parseDataUrl(text);
    if (url?.mediaType === PLAIN_JWT_MEDIA_TYPE) return !url.base64 && isPresentationJws(url.data);
    return url?.mediaType === JWT_MEDIA_TYPE || url?.mediaType === VP_COSE_MEDIA_TYPE;
  }
  if (looksLikeCoseText(text)) return coseMediaTypeOf(text) === VP_COSE_MEDIA_TYPE;
  return looksLikeCompactJws(text) && isPresentationJws(text);
}
