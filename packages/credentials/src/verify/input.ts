import { type DecodedJws, decodeCompactJws } from '../jws/compact.js';
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
