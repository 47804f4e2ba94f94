import {
  CredentialError,
  type Envelope,
  isPassageQrText,
  jwsFromEnvelope,
  looksLikeCompactJws,
  type SecuredCredential,
  securedCredentialOf,
} from './credentials.js';
import { decodeCompactJws, parseJwsParts, type WebDecodedJws } from './jws.js';
import { decodeQrJws } from './qr.js';

/** A credential decoded, not verified. */
export interface Decoded {
  envelope: Envelope;
  jws: WebDecodedJws;
  secured: SecuredCredential;
}

/**
 * Decodes what the verifier was handed, with the branches and codes of `extractJws` in the Node
 * verifier: Passage QR text, a compact JWS, a `data:application/vc+jwt,` URL or an enveloped credential.
 *
 * @throws CredentialError with the code of the first step that failed.
 */
export function decodeInput(input: unknown): Decoded {
  const { envelope, jws } = extract(input);
  return { envelope, jws, secured: securedCredentialOf(jws) };
}

function extract(input: unknown): { envelope: Envelope; jws: WebDecodedJws } {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text === '') throw new CredentialError('MALFORMED_INPUT', 'the input is empty');
    if (isPassageQrText(text)) return { envelope: 'qr', jws: parseJwsParts(decodeQrJws(text)) };
    const fromDataUrl = jwsFromEnvelope(text);
    if (fromDataUrl !== undefined) return { envelope: 'enveloped', jws: decodeCompactJws(fromDataUrl) };
    if (looksLikeCompactJws(text)) return { envelope: 'jws', jws: decodeCompactJws(text) };
    if (/^[A-Z0-9]{1,6}:/.test(text))
      throw new CredentialError('INVALID_PREFIX', 'the QR text has an unknown prefix');
    throw new CredentialError(
      'UNSUPPORTED_FORMAT',
      'the input is not a Passage QR, a JWS or an enveloped credential',
    );
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const jws = jwsFromEnvelope(input);
    if (jws !== undefined) return { envelope: 'enveloped', jws: decodeCompactJws(jws) };
    throw new CredentialError(
      'UNSUPPORTED_FORMAT',
      'only enveloped vc+jwt credentials are supported as objects',
    );
  }
  throw new CredentialError('MALFORMED_INPUT', 'the input must be a string or an enveloped credential');
}
