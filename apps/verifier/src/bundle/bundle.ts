import { readFileSync, statSync } from 'node:fs';
import { type OfflineBundle, offlineBundleSchema } from '@passage/trust';
import { VerifierError } from '../errors.js';

/** The largest bundle a verifier reads: a million-entry status list is ~170 KB, so this is generous. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

export { type OfflineBundle, offlineBundleSchema };

/**
 * Parses bundle JSON text.
 *
 * @throws VerifierError `BUNDLE_INVALID` when the JSON or its shape is wrong.
 */
export function parseBundle(text: string): OfflineBundle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VerifierError('BUNDLE_INVALID', 'the bundle is not valid JSON');
  }
  const parsed = offlineBundleSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new VerifierError('BUNDLE_INVALID', 'the bundle does not match the offline bundle schema', details);
  }
  return parsed.data;
}

/**
 * Reads a bundle file, refusing files over {@link MAX_BUNDLE_BYTES}.
 *
 * @throws VerifierError `BUNDLE_INVALID` when it is missing, too large or malformed.
 */
export function readBundle(path: string): OfflineBundle {
  try {
    if (statSync(path).size > MAX_BUNDLE_BYTES) {
      throw new VerifierError('BUNDLE_INVALID', 'the bundle is larger than the verifier accepts');
    }
    return parseBundle(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof VerifierError) throw error;
    throw new VerifierError('BUNDLE_INVALID', 'the bundle cannot be read');
  }
}
