import { checkEnvelope, parseDataUrl } from '@passage/schema';
import { CredentialError } from '../errors.js';
import { looksLikeCompactJws } from '../jws/segments.js';

const MEDIA_TYPE = 'application/vp+jwt';

/**
 * The compact `vp+jwt` in what a verifier was given: the JWS itself, a `data:application/vp+jwt,` URL,
 * or an `EnvelopedVerifiablePresentation` (VC Data Model 2.0 §4.13.2) holding one.
 *
 * @throws CredentialError `MALFORMED_INPUT` for what is none of them, `UNSUPPORTED_FORMAT` for a
 *   presentation secured another way, `SCHEMA_INVALID` for an envelope that breaks the data model.
 */
export function locatePresentationJws(input: unknown): { envelope: 'jws' | 'enveloped'; jws: string } {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith('data:')) return { envelope: 'enveloped', jws: fromDataUrl(text) };
    if (looksLikeCompactJws(text)) return { envelope: 'jws', jws: text };
    throw new CredentialError('MALFORMED_INPUT', 'the input is not a vp+jwt or an enveloped presentation');
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
  return { envelope: 'enveloped', jws: fromDataUrl((input as { id: string }).id) };
}

function fromDataUrl(text: string): string {
  const url = parseDataUrl(text);
  if (!url) throw new CredentialError('MALFORMED_INPUT', 'the data: URL is malformed');
  if (url.mediaType !== MEDIA_TYPE || url.base64) {
    throw new CredentialError('UNSUPPORTED_FORMAT', 'only application/vp+jwt presentations are supported');
  }
  if (!looksLikeCompactJws(url.data))
    throw new CredentialError('DECODING_FAILED', 'the vp+jwt is not a compact JWS');
  return url.data;
}

/**
 * True when `input` is a presentation rather than a credential: a `data:application/vp+jwt,` URL, an
 * `EnvelopedVerifiablePresentation`, or a compact JWS whose header says `typ: vp+jwt`.
 */
export function looksLikePresentation(input: unknown): boolean {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const { type } = input as { type?: unknown };
    return (Array.isArray(type) ? type : [type]).includes('EnvelopedVerifiablePresentation');
  }
  if (typeof input !== 'string') return false;
  const text = input.trim();
  if (text.startsWith('data:')) return parseDataUrl(text)?.mediaType === MEDIA_TYPE;
  if (!looksLikeCompactJws(text)) return false;
  try {
    const header: unknown = JSON.parse(
      Buffer.from(text.slice(0, text.indexOf('.')), 'base64url').toString('utf8'),
    );
    return typeof header === 'object' && header !== null && (header as { typ?: unknown }).typ === 'vp+jwt';
  } catch {
    return false;
  }
}
