import { passageTrustEntrySchema } from '@passage/credentials';
import { z } from 'zod';
import { TrustListError } from './errors.js';

const verificationMethodSchema = z.looseObject({
  id: z.string().min(1).max(2048),
  controller: z.string().optional(),
  publicKeyJwk: z.record(z.string(), z.unknown()).optional(),
});

const didDocumentSchema = z.looseObject({
  id: z.string(),
  verificationMethod: z.array(verificationMethodSchema).max(50).default([]),
  assertionMethod: z
    .array(z.union([z.string(), verificationMethodSchema]))
    .max(50)
    .optional(),
});

const keysSchema = passageTrustEntrySchema.shape.keys;

/** The keys of a trust entry. */
export type TrustedKeys = z.infer<typeof keysSchema>;

/**
 * The public keys a DID document lists for signing credentials (its `assertionMethod`s carrying a
 * `publicKeyJwk`), as a trust entry holds them: under their full verification method id.
 *
 * @throws TrustListError `INVALID_ARGUMENT` when the document is not the DID's, lists no usable key,
 *   or a key is not a P-256 or Ed25519 public JWK.
 */
export function keysFromDidDocument(document: unknown, did: string): TrustedKeys {
  const parsed = didDocumentSchema.safeParse(document);
  if (!parsed.success || parsed.data.id !== did)
    throw new TrustListError('INVALID_ARGUMENT', 'not the DID document of this DID');
  const full = (id: string) => (id.startsWith('#') ? `${did}${id}` : id);
  const methods = new Map(parsed.data.verificationMethod.map((m) => [full(m.id), m]));
  const assertion = parsed.data.assertionMethod ?? [...methods.keys()];
  const keys = [];
  for (const ref of assertion) {
    const method = typeof ref === 'string' ? methods.get(full(ref)) : ref;
    if (method?.publicKeyJwk === undefined) continue;
    const kid = full(method.id);
    if (kid.startsWith(`${did}#`)) keys.push({ kid, publicKeyJwk: method.publicKeyJwk });
  }
  const checked = keysSchema.safeParse(keys);
  if (!checked.success || checked.data.length === 0)
    throw new TrustListError('INVALID_ARGUMENT', 'the DID document lists no usable P-256 or Ed25519 key');
  return checked.data;
}
