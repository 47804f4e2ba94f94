import { checkEnvelope, parseDataUrl } from '@passage/schema';
import { decodeCoseCredential, looksLikeCoseText, VC_COSE_MEDIA_TYPE } from '../cose/cose-credential.js';
import { CredentialError } from '../errors.js';
import { type DecodedSecured, decodeCompactJws } from '../jws/compact.js';
import { decodeQrJws } from '../qr/decode.js';
import { decodeQrText, isPassageQrText } from '../qr/index.js';
import type { Envelope } from '../report.js';
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

/** The base64 text of a credential secured with COSE in `input`, if that is what it is. */
function coseTextOf(input: unknown): { envelope: Envelope; text: string } | undefined {
  const dataUrl =
    typeof input === 'string'
      ? input.trim()
      : checkEnvelope(input, 'EnvelopedVerifiableCredential').length === 0
        ? (input as { id: string }).id
        : undefined;
  if (dataUrl === undefined) return undefined;
  if (dataUrl.startsWith('data:')) {
    const url = parseDataUrl(dataUrl);
    if (url?.mediaType !== VC_COSE_MEDIA_TYPE) return undefined;
    if (!url.base64)
      throw new CredentialError('DECODING_FAILED', 'an application/vc+cose data: URL must be base64');
    return { envelope: 'enveloped', text: url.data };
  }
  return typeof input === 'string' && looksLikeCoseText(dataUrl)
    ? { envelope: 'cose', text: dataUrl }
    : undefined;
}

/**
 * {@link extractJws}, then the JWS decoded: QR text goes from its container to the decoded parts
 * directly, a credential secured with COSE (base64, or in a `data:application/vc+cose;base64,` URL or
 * envelope) through `decodeCoseCredential`, anything else through `decodeCompactJws`. Throws as they do.
 */
export function extractDecodedJws(input: unknown): { envelope: Envelope; decoded: DecodedSecured } {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text !== '' && isPassageQrText(text)) return { envelope: 'qr', decoded: decodeQrJws(text) };
  }
  const cose = coseTextOf(input);
  if (cose) return { envelope: cose.envelope, decoded: decodeCoseCredential(cose.text) };
  const { envelope, jws } = extractJws(input);
  return { envelope, decoded: decodeCompactJws(jws) };
}
