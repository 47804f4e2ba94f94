import { checkEnvelope, type DataUrl, parseDataUrl } from '@passage/schema';
import { decodeCoseCredential, looksLikeCoseText, VC_COSE_MEDIA_TYPE } from '../cose/cose-credential.js';
import { CredentialError } from '../errors.js';
import { type DecodedSecured, decodeCompactJws } from '../jws/compact.js';
import { decodeQrJws } from '../qr/decode.js';
import { decodeQrText, isPassageQrText } from '../qr/index.js';
import type { Envelope } from '../report.js';
import { looksLikeSdJwt, readSdJwt, type SdJwtBinding, VC_SD_JWT_MEDIA_TYPE } from '../sd-jwt/sd-jwt.js';
import { locateJws } from './locate.js';

/** What a verifier may be handed: QR text, a compact JWS, a data URL or an enveloped credential. */
export type VerifiableInput = string | Record<string, unknown>;

/**
 * Finds the compact JWS in whatever the verifier was given ({@link locateJws}), QR text decoded.
 * Throws a CredentialError with the code of the first step that failed (INVALID_PREFIX,
 * INVALID_BASE45, INVALID_COMPRESSION, …).
 */
export function extractJws(input: unknown): { envelope: Envelope; jws: string } {
  const found = locateJws(input);
  return found.envelope === 'qr' ? { envelope: 'qr', jws: decodeQrText(found.text) } : found;
}

const OTHER_MEDIA_TYPES: ReadonlySet<string> = new Set([VC_SD_JWT_MEDIA_TYPE, VC_COSE_MEDIA_TYPE]);

/**
 * A credential decoded from a verifier's input, and how it came; for an SD-JWT, what its key binding
 * is checked with.
 */
export interface DecodedInput {
  envelope: Envelope;
  decoded: DecodedSecured;
  binding?: SdJwtBinding;
}

/** A credential secured with COSE or SD-JWT in `input` (as it is, in a data: URL or an envelope), decoded. */
function otherSecuredOf(input: unknown): DecodedInput | undefined {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith('data:')) return fromDataUrl(parseDataUrl(text));
    if (looksLikeSdJwt(text)) return { envelope: 'jws', ...readSdJwt(text) };
    return looksLikeCoseText(text) ? { envelope: 'cose', decoded: decodeCoseCredential(text) } : undefined;
  }
  // An envelope is checked whole only when its data: URL is one of these; jwsFromEnvelope checks the rest.
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  const url = typeof id === 'string' && id.startsWith('data:') ? parseDataUrl(id) : undefined;
  if (!url || !OTHER_MEDIA_TYPES.has(url.mediaType)) return undefined;
  return checkEnvelope(input, 'EnvelopedVerifiableCredential').length === 0 ? fromDataUrl(url) : undefined;
}

/** A credential secured with SD-JWT or COSE in a data: URL, decoded; undefined for another media type. */
function fromDataUrl(url: DataUrl | undefined): DecodedInput | undefined {
  if (url?.mediaType === VC_SD_JWT_MEDIA_TYPE && !url.base64) {
    return { envelope: 'enveloped', ...readSdJwt(url.data) };
  }
  if (url?.mediaType !== VC_COSE_MEDIA_TYPE) return undefined;
  if (!url.base64)
    throw new CredentialError('DECODING_FAILED', 'an application/vc+cose data: URL must be base64');
  return { envelope: 'enveloped', decoded: decodeCoseCredential(url.data) };
}

/**
 * {@link extractJws}, then the JWS decoded: QR text goes from its container to the decoded parts
 * directly, a credential secured with COSE (base64, or in a `data:application/vc+cose;base64,` URL or
 * envelope) through `decodeCoseCredential`, one secured with SD-JWT (`vc+sd-jwt`, as it is, in a data:
 * URL or an envelope) through `decodeSdJwtCredential` (with its key binding parts), anything else
 * through `decodeCompactJws`. Throws as they do.
 */
export function extractDecodedJws(input: unknown): DecodedInput {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text !== '' && isPassageQrText(text)) return { envelope: 'qr', decoded: decodeQrJws(text) };
  }
  const other = otherSecuredOf(input);
  if (other) return other;
  const { envelope, jws } = extractJws(input);
  return { envelope, decoded: decodeCompactJws(jws) };
}
