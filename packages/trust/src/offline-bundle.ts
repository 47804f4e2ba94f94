// Pure (zod only): the verifier service and the browser verifier (@passage/web-verify) share it.
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });
const signedDocument = z.record(z.string(), z.unknown()).refine((d) => typeof d.proof === 'object', {
  message: 'must be a signed document with a proof',
});

/**
 * Everything a verifier needs to decide with no network: the operator's signed trust list and entry
 * rules, the issuers' signed status lists and the DID documents of issuers listed without keys.
 * Nothing in it is trusted because it is in the bundle: each part is verified as if fetched.
 */
export const offlineBundleSchema = z.strictObject({
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
export type OfflineBundle = z.infer<typeof offlineBundleSchema>;
