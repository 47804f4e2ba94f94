import { readFileSync } from 'node:fs';
import { type OperatorPublicJwk, parseOperatorPublicJwk } from '@passage/trust';
import { VerifierError } from './errors.js';

/**
 * The pinned operator key(s): `PASSAGE_OPERATOR_KEY` holds a public JWK, an array of them (during a
 * rotation), or the path of a file holding either.
 *
 * @throws VerifierError `CONFIG_INVALID` when the value is neither, or a key is not a public JWK.
 */
export function readOperatorKeys(value: string): OperatorPublicJwk[] {
  let text = value.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) {
    try {
      text = readFileSync(text, 'utf8');
    } catch {
      throw new VerifierError('CONFIG_INVALID', 'PASSAGE_OPERATOR_KEY names a file that cannot be read');
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VerifierError('CONFIG_INVALID', 'PASSAGE_OPERATOR_KEY is not a JWK or a file holding one');
  }
  try {
    return (Array.isArray(json) ? json : [json]).map((k) => parseOperatorPublicJwk(k));
  } catch {
    throw new VerifierError('CONFIG_INVALID', 'PASSAGE_OPERATOR_KEY holds no valid public JWK');
  }
}
