import { z } from 'zod';
import { WebVerifyError } from './errors.js';

const instant = z.iso.datetime({ offset: true });
const signedDocument = z.record(z.string(), z.unknown()).refine((d) => typeof d.proof === 'object', {
  message: 'must be a signed document with a proof',
});

/**
 * The offline bundle the verifier service exports (`offlineBundleSchema` in apps/verifier): the
 * operator's signed trust list and entry rules, the issuers' signed status lists and the DID documents
 * of issuers listed without keys. Nothing in it is trusted for being there: each part is verified.
 */
export const webBundleSchema = z.strictObject({
  type: z.literal('PassageOfflineBundle'),
  createdAt: instant,
  trustList: signedDocument,
  rules: signedDocument.optional(),
  statusLists: z
    .array(
      z.strictObject({
        url: z.url(),
        jws: z
          .string()
          .min(1)
          .max(4 * 1024 * 1024),
        fetchedAt: instant,
      }),
    )
    .max(10_000)
    .default([]),
  didDocuments: z
    .array(
      z.strictObject({
        did: z.string().startsWith('did:'),
        document: z.record(z.string(), z.unknown()),
        fetchedAt: instant,
      }),
    )
    .max(100_000)
    .default([]),
});

/** A parsed offline bundle. */
export type WebBundle = z.infer<typeof webBundleSchema>;

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
