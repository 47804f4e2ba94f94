import { type Envelope, locateJws, type SecuredCredential, securedCredentialOf } from './credentials.js';
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
 * verifier (`locateJws`): Passage QR text, a compact JWS, a `data:application/vc+jwt,` URL or an enveloped credential.
 *
 * @throws CredentialError with the code of the first step that failed.
 */
export function decodeInput(input: unknown): Decoded {
  const { envelope, jws } = extract(input);
  return { envelope, jws, secured: securedCredentialOf(jws) };
}

function extract(input: unknown): { envelope: Envelope; jws: WebDecodedJws } {
  const found = locateJws(input);
  return found.envelope === 'qr'
    ? { envelope: 'qr', jws: parseJwsParts(decodeQrJws(found.text)) }
    : { envelope: found.envelope, jws: decodeCompactJws(found.jws) };
}
