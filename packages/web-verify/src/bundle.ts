import { type OfflineBundle, offlineBundleSchema } from '../../trust/src/offline-bundle.js';
import { WebVerifyError } from './errors.js';

/** The offline bundle the verifier service exports: the one schema, shared with it. */
export const webBundleSchema = offlineBundleSchema;

/** A parsed offline bundle. */
export type WebBundle = OfflineBundle;

/**
 * Parses a bundle given as JSON text or an already parsed value.
 *
 * @throws WebVerifyError `BUNDLE_INVALID` when the JSON or its shape is wrong.
 */
export function parseWebBundle(value: unknown): WebBundle {
  let json = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      throw new WebVerifyError('BUNDLE_INVALID', 'the bundle is not valid JSON');
    }
  }
  const parsed = webBundleSchema.safeParse(json);
  if (!parsed.success)
    throw new WebVerifyError('BUNDLE_INVALID', 'the bundle does not match the offline bundle schema');
  return parsed.data;
}
