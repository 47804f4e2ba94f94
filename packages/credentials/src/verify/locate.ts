import { CredentialError } from '../errors.js';
import { jwsFromEnvelope } from '../issue/envelope.js';
import { looksLikeCompactJws } from '../jws/segments.js';
import { isPassageQrText } from '../qr/text.js';
import type { Envelope } from '../report.js';

/** Where the credential is in a verifier's input: Passage QR text still to decode, or a compact JWS. */
export type LocatedJws =
  | { envelope: 'qr'; text: string }
  | { envelope: Exclude<Envelope, 'qr'>; jws: string };

/**
 * Finds the credential in whatever the verifier was given (QR text, a compact JWS, a
 * `data:application/vc+jwt,` URL or an enveloped credential), deciding the codes of inputs that are
 * none of them. QR text is answered trimmed and undecoded: its container is inflated per platform.
 *
 * @throws CredentialError `MALFORMED_INPUT`, `INVALID_PREFIX` or `UNSUPPORTED_FORMAT`.
 */
export function locateJws(input: unknown): LocatedJws {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text === '') throw new CredentialError('MALFORMED_INPUT', 'the input is empty');
    if (isPassageQrText(text)) return { envelope: 'qr', text };
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
