import { CredentialError } from '../errors.js';
import { jwsFromEnvelope } from '../issue/envelope.js';
import { type DecodedJws, decodeCompactJws, looksLikeCompactJws } from '../jws/compact.js';
import { decodeQrJws } from '../qr/decode.js';
import { decodeQrText, isPassageQrText } from '../qr/index.js';
import type { Envelope } from '../report.js';

/** What a verifier may be handed: QR text, a compact JWS, a data URL or an enveloped credential. */
export type VerifiableInput = string | Record<string, unknown>;

/**
 * Finds the compact JWS in whatever the verifier was given. Throws a CredentialError with the code of
 * the first step that failed (INVALID_PREFIX, INVALID_BASE45, INVALID_COMPRESSION, …).
 */
export function extractJws(input: unknown): { envelope: Envelope; jws: string } {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text === '') throw new CredentialError('MALFORMED_INPUT', 'the input is empty');
    if (isPassageQrText(text)) return { envelope: 'qr', jws: decodeQrText(text) };
    const fromDataUrl = jwsFromEnvelope(text);
    if (fromDataUrl !== undefined) return { envelope: 'enveloped', jws: fromDataUrl };
    if (looksLikeCompactJws(text)) return { envelope: 'jws', jws: text };
    if (/^[A-Z0-9]{1,6}:/.test(text))
      throw new CredentialError('INVALID_PREFIX', 'the QR text has an unknown prefix');
    throw new CredentialError(
      'UNSUPPORTED_FORMAT',
      'the input is not a Passage QR, a JWS or an enveloped credential',
    );
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const jws = jwsFromEnvelope(input);
    if (jws !== undefined) return { envelope: 'enveloped', jws };
    throw new CredentialError(
      'UNSUPPORTED_FORMAT',
      'only enveloped vc+jwt credentials are supported as objects',
    );
  }
  throw new CredentialError('MALFORMED_INPUT', 'the input must be a string or an enveloped credential');
}

/**
 * {@link extractJws}, then the JWS decoded: QR text goes from its container to the decoded parts
 * directly, anything else through `decodeCompactJws`. Throws as both do.
 */
export function extractDecodedJws(input: unknown): { envelope: Envelope; decoded: DecodedJws } {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text !== '' && isPassageQrText(text)) return { envelope: 'qr', decoded: decodeQrJws(text) };
  }
  const { envelope, jws } = extractJws(input);
  return { envelope, decoded: decodeCompactJws(jws) };
}
